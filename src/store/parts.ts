/**
 * Large documents in pieces. A province's visit calendar is ~130 MB of JSON: written, read or posted
 * between threads in one piece, each step would hold the event loop for a few hundred milliseconds, so
 * the store keeps it as parts of about 2 MB (`calendar_parts`) and everything moves it part by part.
 * No dependencies: the calendar worker splits its document with this too.
 */

/** UTF-16 code units per part (the calendar's JSON is nearly all ASCII, so about 2 MB). */
export const PART_CHARS = 1 << 21;

/**
 * UTF-16 code units per part of a scenario's or solution's document. A province's scenario is ~7 MB and
 * has many Chinese names: one statement writing or reading it, or one message moving it between threads
 * as text, holds the event loop for 60–300 ms; a part of 64 k characters takes a few ms.
 */
export const DOC_PART_CHARS = 1 << 16;

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

/**
 * A document as UTF-8 bytes in parts (each its own ArrayBuffer), to be moved between threads by transfer:
 * a message of text is copied and decoded on the receiving thread (~30 ms per MB of Chinese text there),
 * a transferred buffer is not.
 */
export function encodeParts(text: string, size = DOC_PART_CHARS): Uint8Array[] {
  const encoder = new TextEncoder();
  return splitText(text, size).map((part) => encoder.encode(part));
}

/** The parts as text, each decoded only when asked for (a part never splits a character: see splitText). */
export function* decodeParts(parts: readonly Uint8Array[]): Generator<string> {
  const decoder = new TextDecoder();
  for (const part of parts) yield decoder.decode(part);
}

/** The buffers to transfer with a message holding these parts. */
export const buffersOf = (parts: readonly Uint8Array[]): ArrayBuffer[] => parts.map((p) => p.buffer as ArrayBuffer);
