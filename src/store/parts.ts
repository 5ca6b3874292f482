/**
 * Large documents in pieces. A province's visit calendar is ~130 MB of JSON: written, read or posted
 * between threads in one piece, each step would hold the event loop for a few hundred milliseconds, so
 * the store keeps it as parts of about 2 MB (`calendar_parts`) and everything moves it part by part.
 * No dependencies: the calendar worker splits its document with this too.
 */

/** UTF-16 code units per part (the calendar's JSON is nearly all ASCII, so about 2 MB). */
export const PART_CHARS = 1 << 21;

/** `text` cut into parts of at most `size` code units, never between the two halves of a surrogate pair. */
export function splitText(text: string, size = PART_CHARS): string[] {
  if (!Number.isInteger(size) || size < 2) throw new RangeError(`size must be an integer ≥ 2, got ${size}`);
  const parts: string[] = [];
  for (let from = 0; from < text.length; ) {
    let to = Math.min(text.length, from + size);
    const c = text.charCodeAt(to);
    if (to < text.length && c >= 0xdc00 && c <= 0xdfff) to--;
    parts.push(text.slice(from, to));
    from = to;
  }
  return parts;
}

/** One turn of the event loop: lets waiting requests in between two parts. */
export const breathe = () => new Promise<void>((resolve) => setImmediate(resolve));
