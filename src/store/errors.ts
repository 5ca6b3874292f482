/**
 * Errors the store raises on purpose, so callers (the HTTP layer) can map them to a status
 * without knowing the database: `not_found` → 404, `conflict` → 409, `invalid_cursor` → 400.
 * Anything else that escapes the store is an unexpected database error.
 */
export type StoreErrorCode = 'not_found' | 'conflict' | 'invalid_cursor' | 'closed';

export class StoreError extends Error {
  override readonly name = 'StoreError';
  constructor(
    readonly code: StoreErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export function isStoreError(err: unknown, code?: StoreErrorCode): err is StoreError {
  return err instanceof StoreError && (code === undefined || err.code === code);
}
