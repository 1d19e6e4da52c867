// Errors cross the process boundary as data, never as thrown exceptions (see STYLE.md).
export const errorCodes = [
  'VALIDATION', // input failed the call's zod schema
  'NOT_FOUND',
  'CONFLICT', // unique key taken, or the record changed since it was read
  'NO_USER', // a write before the local user's name was set
  'UNSUPPORTED', // the call is not available on this transport
  'TOO_LARGE',
  'BAD_FILE', // an uploaded file could not be read
  'EXPIRED',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof errorCodes)[number];

export interface FieldIssue {
  path: string; // dotted path, e.g. "contacts.0.phone"
  key: string; // locale key, e.g. "error.creditCode.checksum"
  params?: Record<string, string | number>; // values for the key's {placeholders}
}

export interface ApiError {
  code: ErrorCode;
  message: string; // zh-CN, written for a committee member
  issues?: FieldIssue[];
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };
