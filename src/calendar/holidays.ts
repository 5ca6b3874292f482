import chineseDays from 'chinese-days';
import { HOLIDAYS_SCHEMA, type HolidayTable, publishedHolidayTable } from '../domain/index.js';

const DAY_MS = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const utc = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d);

/**
 * The Gregorian date of a lunar date (month, day) in lunar year `year`, as UTC midnight ms.
 * chinese-days reads its argument's local fields, so it gets a local-time Date and answers a plain date string.
 */
function lunarToUtc(year: number, month: number, day: number): number {
  const { date } = chineseDays.getSolarDateFromLunar(new Date(year, month - 1, day));
  const [y, m, d] = date.split('-').map(Number);
  return utc(y, m, d);
}

/**
 * 清明 (Pure Brightness, the solar term near 5 April) for 2000–2099, by the usual formula
 * ⌊Y·0.2422 + 4.81⌋ − ⌊Y/4⌋ with Y the last two digits; chinese-days uses the same constant with no exception for this term.
 */
function qingming(year: number): number {
  const y = year % 100;
  const c = year >= 2000 ? 4.81 : 5.59;
  return utc(year, 4, Math.floor(y * 0.2422 + c) - Math.floor(y / 4));
}

/**
 * A provisional schedule for a year whose official table is not out: the statutory days of
 * 《全国年节及纪念日放假办法》(2024 revision) — 元旦 1 day, 春节 4 (除夕 to 初三), 清明 1, 劳动节 2,
 * 端午 1, 中秋 1, 国庆 3 — and, for each of them falling on a Saturday or Sunday, the next free weekday off
 * in lieu (补休). The bridging days and make-up working days (调休) the State Council adds cannot be
 * foreseen, so the table has no workdays; the calendar built on it is marked provisional.
 */
export function provisionalHolidayTable(year: number): HolidayTable {
  const springFestival = lunarToUtc(year, 1, 1);
  const festivals: number[][] = [
    [utc(year, 1, 1)],
    [springFestival - DAY_MS, springFestival, springFestival + DAY_MS, springFestival + 2 * DAY_MS],
    [qingming(year)],
    [utc(year, 5, 1), utc(year, 5, 2)],
    [lunarToUtc(year, 5, 5)],
    [lunarToUtc(year, 8, 15)],
    [utc(year, 10, 1), utc(year, 10, 2), utc(year, 10, 3)],
  ];
  const off = new Set<number>(festivals.flat());
  const weekend = (ms: number) => {
    const d = new Date(ms).getUTCDay();
    return d === 0 || d === 6;
  };
  for (const days of festivals) {
    let next = Math.max(...days) + DAY_MS;
    for (const d of days) {
      if (!weekend(d)) continue;
      while (weekend(next) || off.has(next)) next += DAY_MS;
      off.add(next);
    }
  }
  const holidays = [...off].filter((ms) => new Date(ms).getUTCFullYear() === year).sort((a, b) => a - b).map(iso);
  return {
    schema: HOLIDAYS_SCHEMA,
    year,
    holidays,
    workdays: [],
    source: `provisional: statutory days of 全国年节及纪念日放假办法 (2024) with weekday days off in lieu; no official ${year} schedule loaded`,
  };
}

/** The holiday table for `year`: a loaded one wins, else the official table shipped with ovola, else a provisional one. */
export function holidaysFor(year: number, loaded?: HolidayTable): { table: HolidayTable; provisional: boolean } {
  if (!Number.isInteger(year) || year < 2000 || year > 2100) throw new Error(`year: expected a whole year in 2000–2100, got ${JSON.stringify(year)}`);
  if (loaded) {
    if (loaded.year !== year) throw new Error(`holidays.year: the loaded table is for ${loaded.year}, the calendar for ${year}`);
    return { table: loaded, provisional: false };
  }
  const official = publishedHolidayTable(year);
  if (official) return { table: official, provisional: false };
  return { table: provisionalHolidayTable(year), provisional: true };
}
