import { describe, expect, test } from 'vitest';
import { holidaysFor, provisionalHolidayTable } from '../../src/calendar/index.js';
import { InvalidDocumentError, parseHolidayTable, publishedHolidayTable } from '../../src/domain/index.js';

const range = (from: string, to: string) => {
  const out: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000) out.push(new Date(t).toISOString().slice(0, 10));
  return out;
};

describe('the official tables shipped as data', () => {
  test('2026 is the State Council schedule: days off and make-up working days (调休)', () => {
    const { table, provisional } = holidaysFor(2026);
    expect(provisional).toBe(false);
    expect(table.holidays).toEqual([
      ...range('2026-01-01', '2026-01-03'), // 元旦
      ...range('2026-02-15', '2026-02-23'), // 春节
      ...range('2026-04-04', '2026-04-06'), // 清明
      ...range('2026-05-01', '2026-05-05'), // 劳动节
      ...range('2026-06-19', '2026-06-21'), // 端午
      ...range('2026-09-25', '2026-09-27'), // 中秋
      ...range('2026-10-01', '2026-10-07'), // 国庆
    ]);
    expect(table.workdays).toEqual(['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10']);
  });

  test('2025 is shipped too (春节 1/28–2/4 with 1/26 and 2/8 worked)', () => {
    const t = publishedHolidayTable(2025)!;
    expect(t.holidays.filter((d) => d.startsWith('2025-01') || d.startsWith('2025-02'))).toEqual(['2025-01-01', ...range('2025-01-28', '2025-02-04')]);
    expect(t.workdays).toEqual(['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11']);
  });

  test('a year with no table shipped has none', () => {
    expect(publishedHolidayTable(2031)).toBeUndefined();
  });
});

describe('a provisional schedule for a year not yet published', () => {
  test('2031: the statutory days on their lunar and solar dates, weekend ones made up on the next weekday', () => {
    const { table, provisional } = holidaysFor(2031);
    expect(provisional).toBe(true);
    expect(table.workdays).toEqual([]);
    expect(table.holidays).toEqual([
      '2031-01-01', // 元旦 (Wednesday)
      '2031-01-22', // 除夕
      '2031-01-23', // 春节, 正月初一
      '2031-01-24',
      '2031-01-25', // 初三, a Saturday …
      '2031-01-27', // … made up on Monday
      '2031-04-05', // 清明, a Saturday …
      '2031-04-07', // … made up on Monday
      '2031-05-01',
      '2031-05-02',
      '2031-06-24', // 端午, 五月初五
      '2031-10-01', // 国庆 and 中秋 (八月十五) on the same day
      '2031-10-02',
      '2031-10-03',
    ]);
  });

  test('for the published years 2025 and 2026 every provisional day off is an official one', () => {
    for (const year of [2025, 2026]) {
      const official = publishedHolidayTable(year)!.holidays;
      expect(official).toEqual(expect.arrayContaining(provisionalHolidayTable(year).holidays));
    }
    // 2026: 除夕 2/16 to 初三 2/19, 清明 4/5 (a Sunday, made up 4/6), 端午 6/19, 中秋 9/25
    expect(provisionalHolidayTable(2026).holidays).toEqual(
      expect.arrayContaining(['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-04-05', '2026-04-06', '2026-06-19', '2026-09-25']),
    );
  });

  test('a loaded table replaces the provisional one', () => {
    const loaded = parseHolidayTable({ schema: 'ovola.holidays/v1', year: 2031, holidays: ['2031-01-22', '2031-01-23'], workdays: ['2031-01-19'], source: 'test' });
    const { table, provisional } = holidaysFor(2031, loaded);
    expect(provisional).toBe(false);
    expect(table).toBe(loaded);
    expect(() => holidaysFor(2030, loaded)).toThrow('holidays.year: the loaded table is for 2031, the calendar for 2030');
  });
});

describe('parseHolidayTable', () => {
  test('dates outside the year, a day both off and worked, and a weekday make-up day are reported with their paths', () => {
    let error: unknown;
    try {
      parseHolidayTable({ schema: 'ovola.holidays/v1', year: 2031, holidays: ['2031-01-22', '2030-12-31'], workdays: ['2031-01-22', '2031-01-20'] });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(InvalidDocumentError);
    expect((error as InvalidDocumentError).issues).toEqual([
      { path: 'holidays[1]', message: "date is not in the table's year 2031", value: '2030-12-31' },
      { path: 'workdays[0]', message: 'date is listed both as a holiday and as a make-up working day', value: '2031-01-22' },
      { path: 'workdays[0]', message: 'a make-up working day (调休) must be a Saturday or Sunday', value: '2031-01-22' },
      { path: 'workdays[1]', message: 'a make-up working day (调休) must be a Saturday or Sunday', value: '2031-01-20' },
    ]);
  });

  test('the shape is checked like every document: unknown fields and bad dates named by path', () => {
    expect(() => parseHolidayTable({ schema: 'ovola.holidays/v1', year: 2031, holidays: ['2031-02-30'], workdays: [], extra: 1 })).toThrow(/holidays\[0\][\s\S]*extra: unknown field/);
  });
});
