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

/** A body the bounded reader refused: 413 when it was too large, 400 when it was not JSON. */
export function bodyRefusal(
  read: { problem: "too_large"; declaredBytes: number | null } | { problem: "not_json" },
  limitBytes: number,
): Response {
  return read.problem === "too_large"
    ? errorResponse(413, `The request body is over this route's ${limitBytes}-byte limit.`, {
        fields: { kind: "too_large" },
      })
    : errorResponse(400, "The request body is not valid JSON.", {
        fields: { kind: "bad_request" },
      });
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
