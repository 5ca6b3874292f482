import { existsSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import { IsoDate, IssueList, zodIssues } from './common.js';
import { LIMITS } from './limits.js';

export const HOLIDAYS_SCHEMA = 'ovola.holidays/v1';

/**
 * China's official holiday schedule for one year (国务院办公厅 部分节假日安排): the days off, statutory
 * holidays and the bridging days alike, and the make-up working days on weekends (调休).
 */
export const HolidayTable = z.strictObject({
  schema: z.literal(HOLIDAYS_SCHEMA),
  year: z.number().int().min(2000).max(2100),
  /** days off: statutory holidays incl. the bridging days */
  holidays: z.array(IsoDate).max(LIMITS.holidayDays),
  /** make-up working days on Saturdays and Sundays (调休) */
  workdays: z.array(IsoDate).max(LIMITS.holidayDays),
  source: z.string().max(LIMITS.text).optional(),
});
export type HolidayTable = z.infer<typeof HolidayTable>;

/** 0 = Sunday … 6 = Saturday, for a `YYYY-MM-DD` date. */
const weekdayOf = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay();

/**
 * Parses a holiday table and checks it holds together: every date in `year`, no day both off and a working
 * day, make-up days on weekends, and, when `expect.year` is given, the table for that year. Every problem
 * is listed at once: the dates that are well formed are checked even when other fields are not.
 */
export function parseHolidayTable(input: unknown, expect: { year?: number } = {}): HolidayTable {
  const sink = new IssueList();
  const parsed = HolidayTable.safeParse(input);
  if (!parsed.success) zodIssues(parsed.error, input, sink);
  // What can be read of the table, well formed or not, for the checks across fields.
  const raw = (typeof input === 'object' && input !== null && !Array.isArray(input) ? input : {}) as Record<string, unknown>;
  const year = typeof raw.year === 'number' && Number.isInteger(raw.year) ? raw.year : undefined;
  const datesOf = (key: 'holidays' | 'workdays'): (string | undefined)[] => {
    const list = raw[key];
    if (!Array.isArray(list) || list.length > LIMITS.holidayDays) return [];
    return list.map((d) => (typeof d === 'string' && IsoDate.safeParse(d).success ? d : undefined));
  };
  const holidays = datesOf('holidays');
  const workdays = datesOf('workdays');
  if (expect.year !== undefined && year !== undefined && year !== expect.year) {
    sink.add({ path: 'year', message: `expected ${expect.year}, the year in the path`, value: year });
  }
  const off = new Set(holidays);
  holidays.forEach((d, i) => {
    if (d !== undefined && year !== undefined && Number(d.slice(0, 4)) !== year) sink.add({ path: `holidays[${i}]`, message: `date is not in the table's year ${year}`, value: d });
  });
  workdays.forEach((d, i) => {
    if (d === undefined) return;
    const path = `workdays[${i}]`;
    if (year !== undefined && Number(d.slice(0, 4)) !== year) sink.add({ path, message: `date is not in the table's year ${year}`, value: d });
    if (off.has(d)) sink.add({ path, message: 'date is listed both as a holiday and as a make-up working day', value: d });
    const wd = weekdayOf(d);
    if (wd !== 0 && wd !== 6) sink.add({ path, message: 'a make-up working day (调休) must be a Saturday or Sunday', value: d });
  });
  sink.throwIfAny('holiday table');
  return parsed.data!;
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
