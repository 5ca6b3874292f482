/**
 * Paging cursors: opaque to callers, base64url of [time, id] of the last item shown. Lists are newest
 * first by (time, id), so the next page is everything strictly before that pair.
 */
import { StoreError } from './errors.js';

export interface CursorPosition {
  createdAt: string;
  id: string;
}

export function encodeCursor(pos: CursorPosition): string {
  return encodePairCursor([pos.createdAt, pos.id]);
}

/** Throws `StoreError` `invalid_cursor` for anything `encodeCursor` did not write. */
export function decodeCursor(cursor: string): CursorPosition {
  const [createdAt, id] = decodePairCursor(cursor);
  return { createdAt, id };
}

/** The same opaque form for any list ordered by two strings, e.g. blocking pairs by [villageId, lawyerId]. */
export function encodePairCursor(pair: readonly [string, string]): string {
  return Buffer.from(JSON.stringify([pair[0], pair[1]]), 'utf8').toString('base64url');
}

/** Throws `StoreError` `invalid_cursor` for anything `encodePairCursor` did not write. */
export function decodePairCursor(cursor: string): [string, string] {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    // a NUL could not be compared in PostgreSQL (and no stored id has one)
    if (Array.isArray(value) && value.length === 2 && typeof value[0] === 'string' && typeof value[1] === 'string' && !`${value[0]}${value[1]}`.includes('\u0000')) {
      return [value[0], value[1]];
    }
  } catch {
    // fall through
  }
  throw new StoreError('invalid_cursor', 'invalid cursor');
}
