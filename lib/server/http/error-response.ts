import "server-only";
// Every error a route of ours answers is built here, in the one shape (lib/domain/api/error-shape.ts),
// with the request id as a header too when there is one.
import { errorBody, errorTypeForStatus, type ErrorFields } from "@/lib/domain/api/error-shape";

export interface ErrorResponseOptions {
  /** The error's type; the API's type for the status by default. */
  type?: string;
  /** Our own fields beside type and message (kind, challenge, details). */
  fields?: ErrorFields;
  requestId?: string | null;
  headers?: Record<string, string>;
}

export function errorResponse(
  status: number,
  message: string,
  options: ErrorResponseOptions = {},
): Response {
  const headers: Record<string, string> = { "cache-control": "no-store", ...options.headers };
  if (options.requestId) headers["request-id"] = options.requestId;
  return Response.json(
    errorBody(
      options.type ?? errorTypeForStatus(status),
      message,
      options.fields,
      options.requestId ?? null,
    ),
    { status, headers },
  );
}
