// The API's errors as the emulator raises them: an HTTP status the API uses, its message and,
// where the API gives one, an error_code; answered in the one error shape.
import "server-only";
import { errorResponse } from "@/lib/server/http/error-response";
import {
  API_ERROR_TYPES,
  errorBody,
  type ApiErrorStatus,
  type ErrorBody,
} from "@/lib/domain/api/error-shape";

export { API_ERROR_TYPES, type ApiErrorStatus };

export class ApiError extends Error {
  constructor(
    readonly status: ApiErrorStatus,
    message: string,
    readonly errorCode?: string,
    /** For a 429: when to try again (the SDKs honour retry-after). */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = "ApiError";
  }

  get type(): string {
    return API_ERROR_TYPES[this.status];
  }

  private get fields() {
    return this.errorCode ? { details: { error_code: this.errorCode } } : {};
  }

  /** The body alone, for places that embed it (a batch's errored result). */
  body(requestId: string | null): ErrorBody {
    return errorBody(this.type, this.message, this.fields, requestId);
  }

  toResponse(requestId: string, headers: Record<string, string> = {}): Response {
    const retry: Record<string, string> =
      this.retryAfterSeconds === undefined ? {} : { "retry-after": String(this.retryAfterSeconds) };
    return errorResponse(this.status, this.message, {
      type: this.type,
      fields: this.fields,
      requestId,
      headers: { ...headers, ...retry },
    });
  }
}
