/**
 * Errors the store raises on purpose, so callers (the HTTP layer) can map them to a status
 * without knowing the database: `not_found` → 404, `conflict` → 409, `invalid_cursor` and
 * `invalid_input` (text the database cannot hold, such as a NUL character) → 400, `unavailable`
 * (the database does not answer: refused or lost connection, a shutdown, a lock held past the busy
 * timeout) and `closed` (this store was closed) → 503. Anything else that escapes the store is an
 * unexpected database error.
 */
export type StoreErrorCode = 'not_found' | 'conflict' | 'invalid_cursor' | 'invalid_input' | 'unavailable' | 'closed';

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
