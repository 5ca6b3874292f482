import { describe, expect, it } from 'vitest';
import { byDate, monthWeeks } from '../../web/src/month-grid.js';

describe('the month grid', () => {
  it('lays a month out Monday first, blank cells outside it, whole weeks', () => {
    // 1 May 2026 is a Friday; May has 31 days
    const weeks = monthWeeks('2026-05');
    expect(weeks[0]).toEqual([null, null, null, null, '2026-05-01', '2026-05-02', '2026-05-03']);
    expect(weeks.flat().filter(Boolean)).toHaveLength(31);
    expect(weeks.every((w) => w.length === 7)).toBe(true);
    expect(weeks.at(-1)).toEqual(['2026-05-25', '2026-05-26', '2026-05-27', '2026-05-28', '2026-05-29', '2026-05-30', '2026-05-31']);
    // February 2027 starts on a Monday: no blank lead
    expect(monthWeeks('2027-02')[0][0]).toBe('2027-02-01');
  });

  it("puts each day's visits in time order", () => {
    const map = byDate([
      { date: '2026-05-06', start: '14:00' },
      { date: '2026-05-06', start: '09:00' },
      { date: '2026-05-07', start: '19:30' },
    ]);
    expect(map.get('2026-05-06')!.map((v) => v.start)).toEqual(['09:00', '14:00']);
    expect(map.get('2026-05-07')).toHaveLength(1);
  });
});
