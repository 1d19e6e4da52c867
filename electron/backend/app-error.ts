import type { ErrorCode, FieldIssue } from '../../shared/api/result';

/** An expected failure with a message for the user (zh-CN). Anything else thrown is a bug → INTERNAL. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly issues?: FieldIssue[],
  ) {
    super(message);
    this.name = 'AppError';
  }
}
