import chineseDays from 'chinese-days';
import { type HolidayTable, publishedHolidayTable } from '../domain/index.js';

/** The days the validator holds a calendar to: days off, and weekend days that are working days (调休). */
export interface HolidayView {
  off: Set<string>;
  work: Set<string>;
  /** where the days come from, for messages */
  source: 'loaded' | 'published' | 'statutory';
}

const DAY_MS = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** Gregorian UTC ms of a lunar date; chinese-days reads a Date's local fields, so it is given one built in local time. */
function lunar(year: number, month: number, day: number): number {
  const [y, m, d] = chineseDays.getSolarDateFromLunar(new Date(year, month - 1, day)).date.split('-').map(Number);
  return Date.UTC(y, m - 1, d);
}

/**
 * The statutory days every schedule of a year gives off (全国年节及纪念日放假办法, 2024): 元旦, 春节 (除夕 to
 * 初三), 清明, 劳动节 (2 days), 端午, 中秋, 国庆 (3 days). Used when no official table is at hand; the
 * bridging days and 调休 of a later official table are not known, so only these are checked.
 */
function statutoryDays(year: number): Set<string> {
  const y = year % 100;
  const qingming = Date.UTC(year, 3, Math.floor(y * 0.2422 + (year >= 2000 ? 4.81 : 5.59)) - Math.floor(y / 4));
  const spring = lunar(year, 1, 1);
  const days = [
    Date.UTC(year, 0, 1),
    spring - DAY_MS,
    spring,
    spring + DAY_MS,
    spring + 2 * DAY_MS,
    qingming,
    Date.UTC(year, 4, 1),
    Date.UTC(year, 4, 2),
    lunar(year, 5, 5),
    lunar(year, 8, 15),
    Date.UTC(year, 9, 1),
    Date.UTC(year, 9, 2),
    Date.UTC(year, 9, 3),
  ];
  return new Set(days.map(iso));
}

/** A table loaded by the user wins; else the official table shipped as data; else the statutory days alone. */
export function holidayView(year: number, loaded?: HolidayTable): HolidayView {
  if (loaded && loaded.year === year) return { off: new Set(loaded.holidays), work: new Set(loaded.workdays), source: 'loaded' };
  const published = publishedHolidayTable(year);
  if (published) return { off: new Set(published.holidays), work: new Set(published.workdays), source: 'published' };
  return { off: statutoryDays(year), work: new Set(), source: 'statutory' };
}
