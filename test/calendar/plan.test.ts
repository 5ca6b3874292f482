import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { buildCalendar, nextVisits } from '../../src/calendar/index.js';
import { parseCalendar, parseHolidayTable } from '../../src/domain/index.js';
import { solve } from '../../src/solver/solve.js';
import { validateCalendar } from '../../src/validate/index.js';
import { smallScenario } from '../fixtures/small.js';
import { datesOf, expectValid, on, plan, tiny, weekdayOf } from './fixtures.js';

const minutes = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3));

describe('working days', () => {
  test('February 2026: nothing during 春节 (2/15–2/23); the make-up Saturday 2/14 is a working day', () => {
    // The lawyer is free only on 2/14 and during the holiday: the on-site visit can go on 2/14 alone.
    const free = new Set(['2026-02-14', ...datesOf('2026-02').filter((d) => d >= '2026-02-15' && d <= '2026-02-23')]);
    const s = tiny([{ id: 'V1', km: 5 }], [{ id: 'L1', unavailable: datesOf('2026-02').filter((d) => !free.has(d)) }]);
    const sol = plan(s);
    const cal = buildCalendar(s, sol, { year: 2026, months: ['2026-02'] });
    expect(cal.provisional).toBe(false);
    expect(cal.visits).toEqual([
      { lawyerId: 'L1', villageId: 'V1', date: '2026-02-14', start: '08:30', end: '12:30', kind: 'onsite', activity: 'law-class' },
      // remote hours at the office once back from the village (a 10-minute drive), on the quarter hour
      { lawyerId: 'L1', villageId: 'V1', date: '2026-02-14', start: '12:45', end: '16:45', kind: 'remote' },
    ]);
    expect(cal.shortfalls).toEqual([]);
    expectValid(s, sol, cal);
  });

  test('a whole February: no visit on a holiday, weekend visits never on a make-up working day', () => {
    const s = tiny([{ id: 'V1', km: 5, weekend: 2, evening: 1 }, { id: 'V2', km: 8 }], [{ id: 'L1' }]);
    const sol = plan(s);
    const cal = buildCalendar(s, sol, { year: 2026, months: ['2026-02'] });
    for (const v of cal.visits) expect(v.date < '2026-02-15' || v.date > '2026-02-23').toBe(true);
    for (const v of on(cal.visits, 'V1', 'weekend')) {
      expect([0, 6]).toContain(weekdayOf(v.date));
      expect(['2026-02-14', '2026-02-28']).not.toContain(v.date);
    }
    expectValid(s, sol, cal);
  });

  test('unavailable dates are respected', () => {
    const away = datesOf('2026-03').slice(0, 20);
    const s = tiny([{ id: 'V1', km: 5 }, { id: 'V2', km: 9 }], [{ id: 'L1', unavailable: away }]);
    const sol = plan(s);
    const cal = buildCalendar(s, sol, { year: 2026, months: ['2026-03'] });
    expect(cal.visits.length).toBeGreaterThan(0);
    for (const v of cal.visits) expect(away).not.toContain(v.date);
    expect(cal.shortfalls).toEqual([]);
    expectValid(s, sol, cal);
  });

  test('a lawyer away all month: the calendar still comes out, with the shortfalls by rule, village and month', () => {
    const s = tiny([{ id: 'V1', km: 5 }], [{ id: 'L1', unavailable: datesOf('2026-03') }]);
    const sol = plan(s);
    const cal = buildCalendar(s, sol, { year: 2026, months: ['2026-03', '2026-04'] });
    expect(cal.visits.filter((v) => v.date.startsWith('2026-03'))).toEqual([]);
    expect(cal.shortfalls.map(({ rule, villageId, lawyerId, month }) => ({ rule, villageId, lawyerId, month }))).toEqual([
      { rule: 'R8', villageId: 'V1', lawyerId: 'L1', month: '2026-03' },
      { rule: 'R9', villageId: 'V1', lawyerId: 'L1', month: '2026-03' },
    ]);
    expect(cal.shortfalls[0].detail).toBe('V1村2026-03现场服务 0 次,少于每月 1 次(顾问律师L1本月可用工作日 0 天、周末 0 天)');
    expect(cal.summary).toEqual([
      { villageId: 'V1', month: '2026-03', onsiteHours: 0, remoteHours: 0, onsiteVisits: 0, eveningSchool: 0, weekend: 0 },
      { villageId: 'V1', month: '2026-04', onsiteHours: 4, remoteHours: 4, onsiteVisits: 1, eveningSchool: 0, weekend: 0 },
    ]);
    expectValid(s, sol, cal);
  });

  test('a year without an official table is provisional; a loaded table replaces it', () => {
    const s = tiny([{ id: 'V1', km: 5 }], [{ id: 'L1' }], (x) => (x.year = 2031));
    const sol = plan(s);
    const provisional = buildCalendar(s, sol, { year: 2031, months: ['2031-01'] });
    expect(provisional.provisional).toBe(true);
    for (const v of provisional.visits) expect(['2031-01-01', '2031-01-22', '2031-01-23', '2031-01-24', '2031-01-27']).not.toContain(v.date);
    expectValid(s, sol, provisional);
    // An "official" table that also gives 1/5–1/30 off leaves the working days 1/2, 1/3 and 1/31.
    const holidays = parseHolidayTable({
      schema: 'ovola.holidays/v1',
      year: 2031,
      holidays: datesOf('2031-01').filter((d) => d === '2031-01-01' || (d >= '2031-01-05' && d <= '2031-01-30')),
      workdays: [],
    });
    const loaded = buildCalendar(s, sol, { year: 2031, months: ['2031-01'], holidays });
    expect(loaded.provisional).toBe(false);
    expect([...new Set(loaded.visits.map((v) => v.date))].every((d) => ['2031-01-02', '2031-01-03', '2031-01-31'].includes(d))).toBe(true);
    expectValid(s, sol, loaded, { holidays });
    // Checked against the statutory days alone, the same calendar passes; against the loaded table, the provisional one does not.
    expect(validateCalendar(s, sol, provisional, { holidays }).some((v) => v.rule === 'SCHEDULE' && /holiday/.test(v.message))).toBe(true);
  });
});

describe('service rules', () => {
  test('R8, R9: a standard village gets a 4 h on-site half day and 4 h of remote service each month', () => {
    const s = tiny([{ id: 'V1', km: 5 }], [{ id: 'L1' }]);
    const sol = plan(s);
    const cal = buildCalendar(s, sol, { year: 2026 });
    expect(cal.months).toHaveLength(12);
    for (const row of cal.summary) expect(row).toMatchObject({ onsiteVisits: 1, onsiteHours: 4, remoteHours: 4 });
    expect(cal.shortfalls).toEqual([]);
    expectValid(s, sol, cal);
  });

  test('R10: a flexible village gets 50 on-site hours each half-year and a visit every month, no remote hours', () => {
    const s = tiny([{ id: 'V1', km: 5, flexible: true }], [{ id: 'L1' }]);
    const sol = plan(s);
    const cal = buildCalendar(s, sol, { year: 2026 });
    const half = (h: number) => cal.summary.filter((r) => (Number(r.month.slice(5)) <= 6) === (h === 1));
    for (const h of [1, 2]) expect(half(h).reduce((sum, r) => sum + r.onsiteHours, 0)).toBeGreaterThanOrEqual(50);
    for (const r of cal.summary) {
      expect(r.onsiteVisits).toBeGreaterThanOrEqual(1);
      expect(r.remoteHours).toBe(0);
    }
    expectValid(s, sol, cal);
  });

  test('R12: requested evening schools fall on weekday evenings at the policy hours, weekend visits on free weekend days', () => {
    const s = tiny([{ id: 'V1', km: 5, evening: 2, weekend: 1 }], [{ id: 'L1' }]);
    const sol = plan(s);
    const cal = buildCalendar(s, sol, { year: 2026, months: ['2026-03', '2026-10'] });
    for (const month of cal.months) {
      const evenings = on(cal.visits, 'V1', 'evening-school').filter((v) => v.date.startsWith(month));
      expect(evenings).toHaveLength(2);
      for (const e of evenings) {
        expect([e.start, e.end]).toEqual(['19:30', '21:30']);
        expect([1, 2, 3, 4, 5]).toContain(weekdayOf(e.date));
      }
      expect(on(cal.visits, 'V1', 'weekend').filter((v) => v.date.startsWith(month))).toHaveLength(1);
    }
    // Two evening schools (4 h) and a weekend visit (3 h) already make 7 h on site; the R13 activities due in
    // March still bring a 2 h day visit: 9 h on site, so no remote hours are needed.
    expect(cal.summary[0]).toEqual({ villageId: 'V1', month: '2026-03', onsiteHours: 9, remoteHours: 0, onsiteVisits: 4, eveningSchool: 2, weekend: 1 });
    expectValid(s, sol, cal);
  });

  test('R13: a law class, a dispute screening and a consultation in three different months; R11 recorded lectures are never used', () => {
    const s = tiny([{ id: 'V1', km: 5 }, { id: 'V2', km: 7 }, { id: 'V3', km: 9 }], [{ id: 'L1' }]);
    const sol = plan(s);
    const cal = buildCalendar(s, sol, { year: 2026 });
    for (const v of ['V1', 'V2', 'V3']) {
      const acts = cal.visits.filter((x) => x.villageId === v && x.activity);
      expect(acts.map((x) => x.activity)).toEqual(['law-class', 'dispute-screening', 'consultation']);
      expect(new Set(acts.map((x) => x.date.slice(0, 7))).size).toBe(3);
      for (const a of acts) expect(a.kind).toBe('onsite');
    }
    expectValid(s, sol, cal);
  });

  test('a lawyer’s monthly hours cut below a plan made before: every village still gets its visit, remote hours fall short and are listed', () => {
    const villages = [{ id: 'V1', km: 5 }, { id: 'V2', km: 6 }, { id: 'V3', km: 7 }, { id: 'V4', km: 8 }];
    // The solver gives a lawyer no more villages than their hours allow (R1 with R9); this plan predates the cut to 16 h.
    const sol = plan(tiny(villages, [{ id: 'L1' }]));
    const s = tiny(villages, [{ id: 'L1', monthlyHours: 16 }]);
    const cal = buildCalendar(s, sol, { year: 2026, months: ['2026-03'] });
    for (const r of cal.summary) expect(r).toMatchObject({ onsiteVisits: 1, onsiteHours: 4, remoteHours: 0 });
    expect(cal.shortfalls.map((x) => `${x.rule} ${x.villageId}`)).toEqual(['R9 V1', 'R9 V2', 'R9 V3', 'R9 V4']);
    expect(cal.shortfalls[0].detail).toContain('每月可服务 16 小时');
    expectValid(s, sol, cal);
  });
});

describe('realistic days', () => {
  test('two near villages share a day: a morning and, after lunch, an afternoon, with the drive between', () => {
    const s = tiny([{ id: 'V1', km: 5 }, { id: 'V2', km: 6 }], [{ id: 'L1' }]);
    const sol = plan(s);
    const cal = buildCalendar(s, sol, { year: 2026, months: ['2026-03'] });
    const onsite = cal.visits.filter((v) => v.kind === 'onsite');
    expect(onsite).toHaveLength(2);
    expect(onsite[0].date).toBe(onsite[1].date);
    expect(onsite.map((v) => [v.villageId, v.start, v.end])).toEqual([
      ['V1', '08:30', '12:30'],
      ['V2', '13:15', '17:15'],
    ]);
    // remote hours at the base on other days, never overlapping a trip
    expectValid(s, sol, cal);
  });

  test('villages far apart get days of their own', () => {
    const s = tiny([{ id: 'V1', km: 30 }, { id: 'V2', km: -30 }], [{ id: 'L1' }], (x) => (x.policy.maxTravelKm = 100));
    const sol = plan(s);
    const cal = buildCalendar(s, sol, { year: 2026, months: ['2026-03'] });
    const onsite = cal.visits.filter((v) => v.kind === 'onsite');
    expect(onsite).toHaveLength(2);
    expect(onsite[0].date).not.toBe(onsite[1].date);
    expectValid(s, sol, cal);
  });

  test('a lawyer’s visits spread over the month, and times sit on quarter hours', () => {
    const villages = Array.from({ length: 8 }, (_, i) => ({ id: `V${i + 1}`, km: 4 + 4 * i }));
    const s = tiny(villages, [{ id: 'L1' }]);
    const sol = plan(s);
    const cal = buildCalendar(s, sol, { year: 2026, months: ['2026-03'] });
    const days = [...new Set(cal.visits.filter((v) => v.kind === 'onsite').map((v) => Number(v.date.slice(8))))].sort((a, b) => a - b);
    expect(days[0]).toBeLessThanOrEqual(10);
    expect(days[days.length - 1]).toBeGreaterThanOrEqual(20);
    for (const v of cal.visits) expect(minutes(v.start) % 15 + (minutes(v.end) % 15)).toBe(0);
    expectValid(s, sol, cal);
  });

  test('team members join an on-site visit a month at the adviser’s times, as their own records', () => {
    const s = tiny([{ id: 'V1', km: 5 }], [{ id: 'L1' }, { id: 'L2' }]);
    const base = plan(s, { V1: 'L1' });
    const team = { ...base, assignments: base.assignments.map((a) => ({ ...a, team: ['L2'] })) };
    const cal = buildCalendar(s, team, { year: 2026, months: ['2026-03', '2026-04'] });
    const joins = cal.visits.filter((v) => v.lawyerId === 'L2');
    expect(joins).toHaveLength(2);
    for (const j of joins) {
      const adviser = cal.visits.find((v) => v.lawyerId === 'L1' && v.date === j.date && v.kind === 'onsite')!;
      expect([j.start, j.end, j.kind]).toEqual([adviser.start, adviser.end, 'onsite']);
    }
    expectValid(s, team, cal);
  });

  test('deterministic: the same input gives the same calendar', () => {
    const s = tiny([{ id: 'V1', km: 5, evening: 1 }, { id: 'V2', km: 7, weekend: 1 }, { id: 'V3', km: 12, flexible: true }], [{ id: 'L1' }]);
    const sol = plan(s);
    expect(buildCalendar(s, sol, { year: 2026 })).toEqual(buildCalendar(s, sol, { year: 2026 }));
  });
});

describe('bad input and look-ups', () => {
  const s = tiny([{ id: 'V1', km: 5 }], [{ id: 'L1' }]);
  const sol = plan(s);
  test('months outside the year, malformed months and bad years are named', () => {
    expect(() => buildCalendar(s, sol, { year: 2026, months: ['2025-03'] })).toThrow('months[0]: 2025-03 is not in the calendar year 2026');
    expect(() => buildCalendar(s, sol, { year: 2026, months: ['2026-3'] })).toThrow('months[0]: expected YYYY-MM, got "2026-3"');
    expect(() => buildCalendar(s, sol, { year: 2026, months: [] })).toThrow('months: give at least one month');
    expect(() => buildCalendar(s, sol, { year: 1999 })).toThrow('year: expected a whole year in 2000–2100, got 1999');
  });

  test('a solution naming an unknown village is refused with its path', () => {
    const bad = { ...sol, assignments: [{ ...sol.assignments[0], villageId: 'NOPE' }] };
    expect(() => buildCalendar(s, bad, { year: 2026 })).toThrow('solution.assignments[0].villageId: unknown village "NOPE"');
  });

  test('the result is a valid ovola.calendar/v1 document; nextVisits lists a village’s coming visits in order', () => {
    const cal = parseCalendar(buildCalendar(s, sol, { year: 2026, months: ['2026-03', '2026-04'] }));
    const next = nextVisits(cal, 'V1', '2026-03-15', 3);
    expect(next).toHaveLength(3);
    expect(next.every((v) => v.date >= '2026-03-15')).toBe(true);
    expect(next.map((v) => `${v.date} ${v.start}`)).toEqual([...next.map((v) => `${v.date} ${v.start}`)].sort());
    expect(nextVisits(cal, 'V1', '2026-12-01', 5)).toEqual([]);
  });
});

describe('property: calendars of solved random scenarios pass the validator', () => {
  test('small random worlds, individual mode, three months', () => {
    fc.assert(
      fc.property(smallScenario, (s) => {
        const sol = solve(s);
        const cal = buildCalendar(s, sol, { year: s.year, months: [`${s.year}-02`, `${s.year}-05`, `${s.year}-10`] });
        expect(validateCalendar(s, sol, cal)).toEqual([]);
      }),
      { numRuns: 25, seed: 7 },
    );
  });
});
