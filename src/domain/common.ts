import { z } from 'zod';
import { zodZh } from './zh.js';
import { MAX_COUNTED_ISSUES, MAX_LISTED_ISSUES } from './limits.js';

/** An identifier: any non-empty string (codes such as 440103001101, or UUIDs). */
export const Id = z.string().min(1).max(200);

/** A point as `[lon, lat]` in degrees. */
export const LonLat = z.tuple([
  z.number().min(-180, 'longitude must lie in [-180, 180]').max(180, 'longitude must lie in [-180, 180]'),
  z.number().min(-90, 'latitude must lie in [-90, 90]').max(90, 'latitude must lie in [-90, 90]'),
]);
export type LonLat = [number, number];

/**
 * The coordinate system of a document's `[lon, lat]` points: `wgs84` (GPS, the default when a document
 * says none), `gcj02` (China's offset system, used by Amap/高德 and Tencent maps) or `bd09` (Baidu maps).
 */
export const Crs = z.enum(['wgs84', 'gcj02', 'bd09']);
export type Crs = z.infer<typeof Crs>;

/** A calendar date, `YYYY-MM-DD`. */
export const IsoDate = z.iso.date();

/** A time of day, `HH:MM`. */
export const ClockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected HH:MM');

/** One problem found in a document: where it is, what is wrong, and the value found there. */
export interface Issue {
  path: string;
  /** in English (the CLI under LANG=en, `Accept-Language: en`, logs) */
  message: string;
  value?: unknown;
  /** a stable English code for programs, e.g. `unknown_reference`, `too_big` */
  code?: string;
  /** the message in Chinese, which users see first; `message` stands in where there is none yet */
  zh?: string;
}

/** `['lawyers', 12, 'firmId']` → `lawyers[12].firmId`. */
export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out === '' ? '(root)' : out;
}

/** The value at `path` in `root`, walking the path (never the value). */
function valueAt(root: unknown, path: ReadonlyArray<PropertyKey>): unknown {
  let cur: unknown = root;
  for (const key of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<PropertyKey, unknown>)[key];
  }
  return cur;
}

/**
 * `value` as JSON when that takes at most `max` characters, else undefined. Walks the value with an
 * explicit stack and stops as soon as the text would be too long, so a value nested 100,000 deep or
 * holding a million entries costs no more than a short one (JSON.stringify would recurse on it).
 */
export function shortJson(value: unknown, max = 80): string | undefined {
  let out = '';
  // what is left to write, last first: values, or literal text (closing brackets, commas, keys)
  const todo: ({ text: string } | { value: unknown })[] = [{ value }];
  while (todo.length > 0) {
    if (out.length > max) return undefined;
    const next = todo.pop()!;
    if ('text' in next) {
      out += next.text;
      continue;
    }
    const v = next.value;
    if (v === null || typeof v === 'number' || typeof v === 'boolean' || typeof v === 'string') {
      if (typeof v === 'string' && v.length > max) return undefined;
      out += JSON.stringify(v);
    } else if (Array.isArray(v)) {
      if (v.length > max) return undefined;
      out += '[';
      todo.push({ text: ']' });
      for (let i = v.length - 1; i >= 0; i--) {
        todo.push({ value: v[i] === undefined || typeof v[i] === 'function' ? null : v[i] });
        if (i > 0) todo.push({ text: ',' });
      }
    } else if (typeof v === 'object') {
      const keys: string[] = [];
      for (const k in v) {
        if (!Object.prototype.hasOwnProperty.call(v, k)) continue;
        const x = (v as Record<string, unknown>)[k];
        if (x !== undefined && typeof x !== 'function') keys.push(k);
        if (keys.length > max) return undefined;
      }
      out += '{';
      todo.push({ text: '}' });
      for (let i = keys.length - 1; i >= 0; i--) {
        if (keys[i].length > max) return undefined;
        todo.push({ value: (v as Record<string, unknown>)[keys[i]] });
        todo.push({ text: `${JSON.stringify(keys[i])}:` });
        if (i > 0) todo.push({ text: ',' });
      }
    } else {
      return undefined; // undefined, bigint, symbol, function: not JSON
    }
  }
  return out.length > max ? undefined : out;
}

type ZodIssue = z.core.$ZodIssue;

/** The deepest path among a union branch's issues. */
function depth(branch: readonly ZodIssue[]): number {
  let d = 0;
  for (const i of branch) if (i.path.length > d) d = i.path.length;
  return d;
}

/**
 * A value that matches no alternative of a union: the issues of the alternative it came closest to (the
 * deepest path), so that `{"449021": "teams"}` for a mode map names `policy.mode.449021`, not the map.
 * Issues at the union itself stay as they are. Paths become absolute. Unions inside unions are unfolded
 * with an explicit stack (their nesting follows the schema, but nothing here recurses at all).
 */
function closest(issue: ZodIssue, prefix: ReadonlyArray<PropertyKey>, emit: (issue: ZodIssue, path: PropertyKey[]) => boolean): boolean {
  const todo: { issue: ZodIssue; prefix: ReadonlyArray<PropertyKey> }[] = [{ issue, prefix }];
  while (todo.length > 0) {
    const next = todo.pop()!;
    const path = [...next.prefix, ...next.issue.path];
    if (next.issue.code === 'invalid_union') {
      let best: ZodIssue[] | undefined;
      let bestDepth = -1;
      for (const branch of next.issue.errors) {
        if (branch.length === 0) continue;
        const d = depth(branch);
        if (d > bestDepth) [best, bestDepth] = [branch, d];
      }
      if (best && bestDepth > 0) {
        for (let i = best.length - 1; i >= 0; i--) todo.push({ issue: best[i], prefix: path });
        continue;
      }
    }
    if (!emit(next.issue, path)) return false;
  }
  return true;
}

/**
 * Problems found in a document: the first `listCap` are kept, all are counted up to `countCap` (then the
 * checking may stop: `full`). Issues may be given as functions, made only when they will be listed.
 */
export class IssueList {
  readonly listed: Issue[] = [];
  count = 0;
  constructor(
    readonly listCap = MAX_LISTED_ISSUES,
    readonly countCap = MAX_COUNTED_ISSUES,
  ) {}

  /** true once as many problems are counted as are worth counting */
  get full(): boolean {
    return this.count >= this.countCap;
  }

  add(issue: Issue | (() => Issue)): void {
    if (this.count >= this.countCap) return;
    this.count++;
    if (this.listed.length < this.listCap) this.listed.push(typeof issue === 'function' ? issue() : issue);
  }

  /** throws InvalidDocumentError when any problem was found */
  throwIfAny(what: string): void {
    if (this.count > 0) throw new InvalidDocumentError(what, this.listed, this.count, this.full);
  }
}

/**
 * Turns zod's issues into ours, each naming its path (under `prefix`, where `input` sits in a larger
 * document) and, where short, the offending value. Into `into` when given (which may stop taking them),
 * else into a new list of the first MAX_LISTED_ISSUES.
 */
export function zodIssues(error: z.ZodError, input: unknown, into?: IssueList, prefix: ReadonlyArray<PropertyKey> = []): Issue[] {
  const out = into ?? new IssueList(MAX_LISTED_ISSUES, Infinity);
  for (const top of error.issues) {
    const going = closest(top, prefix, (issue, path) => {
      if (issue.code === 'unrecognized_keys') {
        for (const key of issue.keys) out.add(() => ({ path: formatPath([...path, key]), message: 'unknown field', code: 'unknown_field', zh: '未知字段' }));
      } else {
        out.add(() => {
          const value = valueAt(input, path.slice(prefix.length));
          const entry: Issue = { path: formatPath(path), message: issue.message, ...zodZh(issue, value) };
          if (value !== undefined && (typeof value !== 'object' || value === null || shortJson(value) !== undefined)) entry.value = value;
          return entry;
        });
      }
      return !out.full;
    });
    if (!going) break;
  }
  return out.listed;
}

/**
 * A document that failed its checks: the problems found (the first MAX_LISTED_ISSUES of them) and how
 * many there were in all (`count`; at least that many when `countIsLowerBound`, the check having stopped).
 */
export class InvalidDocumentError extends Error {
  readonly issues: Issue[];
  readonly count: number;
  readonly countIsLowerBound: boolean;
  constructor(
    readonly what: string,
    issues: Issue[],
    count = issues.length,
    countIsLowerBound = false,
  ) {
    const listed = issues.length > MAX_LISTED_ISSUES ? issues.slice(0, MAX_LISTED_ISSUES) : issues;
    const head = listed
      .slice(0, 20)
      .map((i) => `  ${i.path}: ${i.message}${i.value !== undefined ? ` (found ${shortJson(i.value, 200) ?? '…'})` : ''}`)
      .join('\n');
    const more = count > 20 ? `\n  … and ${count - 20}${countIsLowerBound ? ' or more' : ''} more` : '';
    super(`invalid ${what}: ${problemCount(count, listed.length, countIsLowerBound)}\n${head}${more}`);
    this.name = 'InvalidDocumentError';
    this.issues = listed;
    this.count = Math.max(count, listed.length);
    this.countIsLowerBound = countIsLowerBound;
  }
}

/** "3 problems", "1234 problems (the first 1000 are listed)", "at least 100000 problems (…)". */
export function problemCount(count: number, listed: number, countIsLowerBound = false): string {
  const n = `${countIsLowerBound ? 'at least ' : ''}${count} problem${count === 1 ? '' : 's'}`;
  return listed < count ? `${n} (the first ${listed} are listed)` : n;
}
