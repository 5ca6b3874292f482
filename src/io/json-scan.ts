/**
 * A structural pre-scan of JSON text, before it is parsed: one pass over the characters with an explicit
 * stack (so 100,000 nested arrays cannot overflow anything), refusing at the first thing past a bound:
 * nesting deeper than `depth` (422), an array or object with more entries than its path allows (413), a
 * string longer than `text` characters (413), a NUL character (`\u0000`) in a string or key (400), a `__proto__` key
 * (400, as Fastify's own JSON parser refuses it). Malformed JSON is left for JSON.parse to describe.
 */
import { ENTRY_LIMITS, type Issue, LIMITS } from '../domain/index.js';

export interface ScanLimits {
  /** deepest nesting of arrays and objects */
  depth: number;
  /** longest string, in characters as sent (escapes counted as written) */
  text: number;
  /** entries of an array or object at a path not in `paths` */
  entries: number;
  /** entries by path pattern (`villages`, `preferences.villages[].lawyers`) */
  paths: Readonly<Record<string, number>>;
}

export const DEFAULT_SCAN_LIMITS: ScanLimits = { depth: LIMITS.depth, text: LIMITS.text, entries: LIMITS.entries, paths: ENTRY_LIMITS };

/** What the scan refused, and why: the HTTP status, a sentence, and the path of the value. */
export interface ScanProblem {
  status: 400 | 413 | 422;
  detail: string;
  issue: Issue;
}

interface Frame {
  array: boolean;
  /** entries so far */
  count: number;
  /** the bound of this array or object */
  max: number;
  /** its path pattern, `[]` for any index */
  pattern: string;
  /** an object's current key (the last one read) */
  key?: string;
  /** an object expects a key next (not a value) */
  expectKey: boolean;
}

const QUOTE = 34;

/**
 * `villages[3].name`, `policy.mode["a b"]`: the path of the innermost frame's current entry (an array's
 * last index, an object's last key), then `key` if given. Built only when a problem is found.
 */
function pathOf(frames: readonly Frame[], key?: string): string {
  let out = '';
  const name = (k: string) => {
    if (/^[A-Za-z_$][\w$-]*$|^\d+$/.test(k)) out += out === '' ? k : `.${k}`;
    else out += `[${JSON.stringify(k)}]`;
  };
  for (const f of frames) {
    if (f.array) out += `[${f.count - 1}]`;
    else if (f.key !== undefined) name(f.key);
  }
  if (key !== undefined) name(key);
  return out === '' ? '(root)' : out;
}

/** `a.b[]`: the pattern of the current entry of `parent` (its key, or any index). */
function childPattern(parent: Frame | undefined): string {
  if (!parent) return '';
  if (parent.array) return `${parent.pattern}[]`;
  return parent.pattern === '' ? (parent.key ?? '') : `${parent.pattern}.${parent.key ?? ''}`;
}

const isSpace = (c: number) => c === 32 || c === 10 || c === 13 || c === 9;
/** where a bare value (number, true, false, null) ends */
const endsBare = (c: number) => isSpace(c) || c === 44 || c === 58 || c === 93 || c === 125 || c === 91 || c === 123 || c === QUOTE;

/** Checks `text` against `limits`; undefined when nothing is past a bound. */
export function scanJson(text: string, limits: ScanLimits = DEFAULT_SCAN_LIMITS): ScanProblem | undefined {
  const stack: Frame[] = [];
  const n = text.length;
  let i = 0;
  /** the next backslash at or after where a string scan stands (`n`: none left; -1: not looked for yet) */
  let backslash = -1;

  /** An entry (a value in an array, a key in an object) starts in the innermost container: count it. */
  const count = (): ScanProblem | undefined => {
    const top = stack[stack.length - 1];
    if (!top) return undefined;
    top.count++;
    if (top.count <= top.max) return undefined;
    const path = pathOf(stack.slice(0, -1));
    return { status: 413, detail: `${path} has more than ${top.max} entries, the most this service takes there`, issue: { path, message: `more than ${top.max} entries` } };
  };
  /** A value starts: counted in an array; in an object it is the value of the key just read. */
  const value = (): ScanProblem | undefined => {
    const top = stack[stack.length - 1];
    if (top && !top.array) {
      top.expectKey = false;
      return undefined;
    }
    return count();
  };

  while (i < n) {
    const c = text.charCodeAt(i);
    if (isSpace(c) || c === 58) {
      i++;
      continue;
    }
    if (c === 44) {
      // after a comma an object expects its next key
      const top = stack[stack.length - 1];
      if (top && !top.array) top.expectKey = true;
      i++;
      continue;
    }
    if (c === 123 || c === 91) {
      const problem = value();
      if (problem) return problem;
      if (stack.length + 1 > limits.depth) {
        const path = pathOf(stack);
        return { status: 422, detail: `the document nests deeper than ${limits.depth} levels at ${path}`, issue: { path, message: `nested deeper than ${limits.depth} levels` } };
      }
      const pattern = childPattern(stack[stack.length - 1]);
      stack.push({ array: c === 91, count: 0, max: limits.paths[pattern] ?? limits.entries, pattern, expectKey: c === 123 });
      i++;
      continue;
    }
    if (c === 125 || c === 93) {
      stack.pop();
      i++;
      continue;
    }
    if (c === QUOTE) {
      const top = stack[stack.length - 1];
      const isKey = top !== undefined && !top.array && top.expectKey;
      const problem = isKey ? count() : value();
      if (problem) return problem;
      // to the closing quote, over escapes; a NUL written as \u0000 is noted (a raw one is not JSON:
      // JSON.parse refuses it). Runs without a backslash are skipped by indexOf.
      const start = i + 1;
      let j = start;
      let escaped = false;
      let nul = false;
      for (;;) {
        const quote = text.indexOf('"', j);
        if (backslash < j) {
          backslash = text.indexOf('\\', j);
          if (backslash < 0) backslash = n;
        }
        if (quote < 0) {
          j = n;
          break;
        }
        if (backslash > quote) {
          j = quote;
          break;
        }
        escaped = true;
        if (text.charCodeAt(backslash + 1) === 117 /* u */ && text.startsWith('0000', backslash + 2)) nul = true;
        j = backslash + 2;
      }
      i = j + 1;
      const length = j - start;
      if (length > limits.text) {
        const path = isKey ? pathOf(stack.slice(0, -1)) : pathOf(stack);
        const what = isKey ? 'a key' : 'a string';
        return { status: 413, detail: `${what} at ${path} is longer than ${limits.text} characters`, issue: { path, message: `${what} longer than ${limits.text} characters` } };
      }
      let key: string | undefined;
      if (isKey) {
        key = text.slice(start, j);
        if (escaped) {
          try {
            key = JSON.parse(`"${key}"`) as string;
          } catch {
            // malformed: JSON.parse of the whole text will say so
          }
        }
      }
      if (nul) {
        const path = isKey ? pathOf(stack.slice(0, -1), key) : pathOf(stack);
        return { status: 400, detail: `a NUL character (\\u0000) at ${path}: text may not contain it`, issue: { path, message: 'contains a NUL character (\\u0000)' } };
      }
      if (isKey) {
        if (key === '__proto__') {
          const path = pathOf(stack.slice(0, -1), key);
          return { status: 400, detail: 'a "__proto__" key is not accepted', issue: { path, message: 'forbidden key' } };
        }
        top.key = key;
        top.expectKey = false;
      }
      continue;
    }
    // a number, true, false or null (or garbage, for JSON.parse to name): up to the next delimiter
    const problem = value();
    if (problem) return problem;
    i++;
    while (i < n && !endsBare(text.charCodeAt(i))) i++;
  }
  return undefined;
}
