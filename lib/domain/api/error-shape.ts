// The one error shape every route of ours answers with — the Messages API's own:
// `{ type: "error", error: { type, message, ...our fields }, request_id }`. `error.type` is the
// API's type for the status unless a route names a closer one; our own fields (`kind`, a sign-in
// `challenge`, the API's `details`) sit beside it. Built on the server by one function
// (lib/server/http/error-response.ts), read in the browser by one (lib/client/api/route-error.ts).
import { z } from "zod";

/** The API's error types by HTTP status (https://docs.claude.com/en/api/errors). */
export const API_ERROR_TYPES = {
  400: "invalid_request_error",
  401: "authentication_error",
  403: "permission_error",
  404: "not_found_error",
  413: "request_too_large",
  429: "rate_limit_error",
  500: "api_error",
  504: "timeout_error",
  529: "overloaded_error",
} as const;
export type ApiErrorStatus = keyof typeof API_ERROR_TYPES;

/** The type for any status: the API's where it has one, else the nearest family's. */
export function errorTypeForStatus(status: number): string {
  const exact = (API_ERROR_TYPES as Record<number, string>)[status];
  if (exact) return exact;
  if (status === 503) return "overloaded_error";
  if (status === 421 || status === 451) return "permission_error";
  if (status >= 400 && status < 500) return "invalid_request_error";
  return "api_error";
}

/** Fields a route may add beside `type` and `message`. */
export interface ErrorFields {
  /** Our precise reason, for code that acts on it (`unauthorized`, `cross_site`, …). */
  kind?: string;
  [field: string]: unknown;
}

export interface ErrorBody {
  type: "error";
  error: { type: string; message: string } & ErrorFields;
  request_id: string | null;
}

export function errorBody(
  type: string,
  message: string,
  fields: ErrorFields = {},
  requestId: string | null = null,
): ErrorBody {
  return { type: "error", error: { ...fields, type, message }, request_id: requestId };
}

export const errorBodySchema = z.looseObject({
  type: z.literal("error"),
  error: z.looseObject({ type: z.string(), message: z.string(), kind: z.string().optional() }),
  request_id: z.string().nullish(),
});
