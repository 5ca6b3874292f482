import { z } from 'zod';

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
  message: string;
  value?: unknown;
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

function valueAt(root: unknown, path: ReadonlyArray<PropertyKey>): unknown {
  let cur: unknown = root;
  for (const key of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<PropertyKey, unknown>)[key];
  }
  return cur;
}

type ZodIssue = z.core.$ZodIssue;

/**
 * A value that matches no alternative of a union: the issues of the alternative it came closest to (the
 * deepest path), so that `{"449021": "teams"}` for a mode map names `policy.mode.449021`, not the map.
 * Issues at the union itself stay as they are. Paths become absolute.
 */
function closest(issue: ZodIssue, prefix: ReadonlyArray<PropertyKey>): { issue: ZodIssue; path: PropertyKey[] }[] {
  const path = [...prefix, ...issue.path];
  if (issue.code === 'invalid_union') {
    const depth = (branch: ZodIssue[]) => Math.max(0, ...branch.map((i) => i.path.length));
    let best: ZodIssue[] | undefined;
    for (const branch of issue.errors) if (branch.length > 0 && (!best || depth(branch) > depth(best))) best = branch;
    if (best && depth(best) > 0) return best.flatMap((i) => closest(i, path));
  }
  return [{ issue, path }];
}

/** Turns zod's issues into ours, each naming its path and, where short, the offending value. */
export function zodIssues(error: z.ZodError, input: unknown): Issue[] {
  const out: Issue[] = [];
  for (const { issue, path } of error.issues.flatMap((i) => closest(i, []))) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        out.push({ path: formatPath([...path, key]), message: 'unknown field' });
      }
      continue;
    }
    const value = valueAt(input, path);
    const entry: Issue = { path: formatPath(path), message: issue.message };
    if (value !== undefined && (typeof value !== 'object' || value === null || JSON.stringify(value).length <= 80)) {
      entry.value = value;
    }
    out.push(entry);
  }
  return out;
}

/** A document that failed its checks; carries every issue found, not the first only. */
export class InvalidDocumentError extends Error {
  readonly issues: Issue[];
  constructor(what: string, issues: Issue[]) {
    const head = issues
      .slice(0, 20)
      .map((i) => `  ${i.path}: ${i.message}${i.value !== undefined ? ` (found ${JSON.stringify(i.value)})` : ''}`)
      .join('\n');
    const more = issues.length > 20 ? `\n  … and ${issues.length - 20} more` : '';
    super(`invalid ${what}: ${issues.length} problem${issues.length === 1 ? '' : 's'}\n${head}${more}`);
    this.name = 'InvalidDocumentError';
    this.issues = issues;
  }
}
