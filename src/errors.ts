/**
 * The one error type of the domain. Each code maps to an HTTP status in the web layer (one table) and to a
 * one-line message on the command line.
 */
export type ErrorCode =
  | 'bad_input'
  | 'not_found'
  | 'forbidden'
  | 'unauthenticated'
  | 'conflict'
  | 'invalid_state'
  | 'calendar_missing'
  | 'blocked'
  | 'rate_limited';

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const isAppError = (error: unknown): error is AppError => error instanceof AppError;
