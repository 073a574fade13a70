// The API's error shape: HTTP status + {type:'error', error:{type, message}, request_id}.
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

export class ApiError extends Error {
  constructor(
    readonly status: ApiErrorStatus,
    message: string,
    readonly errorCode?: string,
  ) {
    super(message);
    this.name = "ApiError";
  }

  get type(): string {
    return API_ERROR_TYPES[this.status];
  }

  body(requestId: string) {
    const error: { type: string; message: string; details?: { error_code: string } } = {
      type: this.type,
      message: this.message,
    };
    if (this.errorCode) error.details = { error_code: this.errorCode };
    return { type: "error" as const, error, request_id: requestId };
  }
}
