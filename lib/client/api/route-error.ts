// The one reader of our routes' errors (the shape in lib/domain/api/error-shape.ts): whatever a
// route, a proxy in between or a broken connection answered, the caller gets the failure in words,
// never a thrown parse error.
import { errorBodySchema } from "@/lib/domain/api/error-shape";

export interface RouteError {
  /** The HTTP status; 0 when no answer came. */
  status: number;
  type: string;
  message: string;
  /** Our precise reason when the route gave one. */
  kind: string | null;
  requestId: string | null;
  /** Every field of `error` (a sign-in challenge, the API's details), unchecked. */
  fields: Record<string, unknown>;
}

/** Reads an error from JSON already parsed (null when the body was not JSON). */
export function routeErrorFromJson(
  status: number,
  json: unknown,
  requestIdHeader: string | null = null,
): RouteError {
  const parsed = errorBodySchema.safeParse(json);
  if (parsed.success) {
    const { type, message, kind, ...fields } = parsed.data.error;
    return {
      status,
      type,
      message,
      kind: kind ?? null,
      requestId: parsed.data.request_id ?? requestIdHeader,
      fields,
    };
  }
  return {
    status,
    type: "http_error",
    message:
      json === null
        ? `The server answered HTTP ${status} with a body that is not JSON.`
        : `The server answered HTTP ${status} without an error message.`,
    kind: null,
    requestId: requestIdHeader,
    fields: {},
  };
}

/** Reads a failed response's body as our error shape. */
export async function readRouteError(response: Response): Promise<RouteError> {
  const json: unknown = await response.json().catch(() => null);
  return routeErrorFromJson(response.status, json, response.headers.get("request-id"));
}

/** The failure when our own server could not be reached at all. */
export function unreachableError(error: unknown, aborted: boolean): RouteError {
  return {
    status: 0,
    type: aborted ? "cancelled" : "network_error",
    message: aborted
      ? "Cancelled."
      : `Could not reach the playground's server (${error instanceof Error ? error.message : String(error)}). Is it still running?`,
    kind: aborted ? "cancelled" : "network",
    requestId: null,
    fields: {},
  };
}
