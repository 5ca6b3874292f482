import { existsSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import { InvalidDocumentError, type Issue, IsoDate, zodIssues } from './common.js';

export const HOLIDAYS_SCHEMA = 'ovola.holidays/v1';

/**
 * China's official holiday schedule for one year (国务院办公厅 部分节假日安排): the days off, statutory
 * holidays and the bridging days alike, and the make-up working days on weekends (调休).
 */
export const HolidayTable = z.strictObject({
  schema: z.literal(HOLIDAYS_SCHEMA),
  year: z.number().int().min(2000).max(2100),
  /** days off: statutory holidays incl. the bridging days */
  holidays: z.array(IsoDate),
  /** make-up working days on Saturdays and Sundays (调休) */
  workdays: z.array(IsoDate),
  source: z.string().optional(),
});
export type HolidayTable = z.infer<typeof HolidayTable>;

/** 0 = Sunday … 6 = Saturday, for a `YYYY-MM-DD` date. */
const weekdayOf = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay();

/** Parses a holiday table and checks it holds together: every date in `year`, no day both off and a working day, make-up days on weekends. */
export function parseHolidayTable(input: unknown): HolidayTable {
  const parsed = HolidayTable.safeParse(input);
  if (!parsed.success) throw new InvalidDocumentError('holiday table', zodIssues(parsed.error, input));
  const t = parsed.data;
  const issues: Issue[] = [];
  const off = new Set(t.holidays);
  t.holidays.forEach((d, i) => {
    if (Number(d.slice(0, 4)) !== t.year) issues.push({ path: `holidays[${i}]`, message: `date is not in the table's year ${t.year}`, value: d });
  });
  t.workdays.forEach((d, i) => {
    const path = `workdays[${i}]`;
    if (Number(d.slice(0, 4)) !== t.year) issues.push({ path, message: `date is not in the table's year ${t.year}`, value: d });
    if (off.has(d)) issues.push({ path, message: 'date is listed both as a holiday and as a make-up working day', value: d });
    const wd = weekdayOf(d);
    if (wd !== 0 && wd !== 6) issues.push({ path, message: 'a make-up working day (调休) must be a Saturday or Sunday', value: d });
  });
  if (issues.length > 0) throw new InvalidDocumentError('holiday table', issues);
  return t;
}

/** Where the published tables live: `data/holidays/<year>.json` at the repository root (the same from src/ and dist/). */
const DATA_DIR = new URL('../../data/holidays/', import.meta.url);
const published = new Map<number, HolidayTable | undefined>();

/**
 * The official table shipped with ovola for `year`, or undefined when that year's schedule was not yet
 * published when the data was written. Read once per year and kept.
 */
export function publishedHolidayTable(year: number): HolidayTable | undefined {
  if (published.has(year)) return published.get(year);
  const file = new URL(`${year}.json`, DATA_DIR);
  const table = Number.isInteger(year) && existsSync(file) ? parseHolidayTable(JSON.parse(readFileSync(file, 'utf8'))) : undefined;
  published.set(year, table);
  return table;
}
