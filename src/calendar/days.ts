import type { HolidayTable } from '../domain/index.js';

/** What a day of the year is for: a working day (Mon–Fri, or a make-up working day 调休), a free weekend day, or a day off. */
export const WORKDAY = 0;
export const WEEKEND = 1;
export const DAY_OFF = 2;
export type DayKind = typeof WORKDAY | typeof WEEKEND | typeof DAY_OFF;

const DAY_MS = 86_400_000;

/** The days of one year: kind and ISO date by day of year (0 = 1 January), and where each month starts. */
export class YearDays {
  readonly kind: Uint8Array;
  readonly iso: string[];
  /** day of year of the 1st of month m (1–12) at index m − 1, and one past the end at index 12 */
  readonly monthStart: number[];

  constructor(
    readonly year: number,
    table: HolidayTable,
  ) {
    const off = new Set(table.holidays);
    const work = new Set(table.workdays);
    const first = Date.UTC(year, 0, 1);
    const n = Math.round((Date.UTC(year + 1, 0, 1) - first) / DAY_MS);
    this.kind = new Uint8Array(n);
    this.iso = new Array<string>(n);
    for (let d = 0; d < n; d++) {
      const date = new Date(first + d * DAY_MS);
      const iso = date.toISOString().slice(0, 10);
      this.iso[d] = iso;
      const wd = date.getUTCDay();
      this.kind[d] = off.has(iso) ? DAY_OFF : work.has(iso) ? WORKDAY : wd === 0 || wd === 6 ? WEEKEND : WORKDAY;
    }
    this.monthStart = Array.from({ length: 13 }, (_, m) => Math.round((Date.UTC(year, m, 1) - first) / DAY_MS));
  }

  /** Day of year of an ISO date in this year, or −1. */
  dayOf(iso: string): number {
    if (!iso.startsWith(`${this.year}-`)) return -1;
    const [, m, d] = iso.split('-').map(Number);
    return Math.round((Date.UTC(this.year, m - 1, d) - Date.UTC(this.year, 0, 1)) / DAY_MS);
  }
}
