import { describe, expect, test } from 'vitest';
import { parseHolidayTable, type Visit } from '../../src/domain/index.js';
import { calendarWarnings, validateCalendar } from '../../src/validate/index.js';
import { byId, calendar, GOOD, regularVisits, rules, saturday, scenario, solution, weekday, YEAR } from './fixtures.js';

const MARCH = ['2025-03'];
const s = scenario();
const plan = solution(s, GOOD);
/** The usual March: each village an on-site morning and a remote afternoon, 4 h each. */
const march = () => regularVisits(plan, MARCH);
const visit = (v: Partial<Visit>): Visit => ({ lawyerId: 'L1', villageId: 'V1', date: '2025-03-04', start: '09:00', end: '10:00', kind: 'onsite', ...v });

describe('a correct calendar', () => {
  test('one month passes', () => {
    expect(validateCalendar(s, plan, calendar(MARCH, march()))).toEqual([]);
  });

  test('a whole year with every yearly activity passes', () => {
    const visits = regularVisits(plan, YEAR);
    for (const v of ['V1', 'V2', 'V3']) {
      const onsite = visits.filter((x) => x.villageId === v && x.kind === 'onsite');
      onsite[0].activity = 'law-class';
      onsite[1].activity = 'dispute-screening';
      onsite[2].activity = 'consultation';
    }
    expect(validateCalendar(s, plan, calendar(YEAR, visits))).toEqual([]);
  });
});

describe('visits', () => {
  test('a visit by a lawyer who is neither adviser nor team member is reported', () => {
    const v = validateCalendar(s, plan, calendar(MARCH, [...march(), visit({ lawyerId: 'L3', date: '2025-03-20' })]));
    expect(rules(v)).toEqual(['REFERENCE']);
    expect(v[0].message).toBe('lawyer L3 visits village V1 but is neither its adviser nor on its team');
  });

  test('a team member may visit', () => {
    const ts = scenario((x) => (x.policy = { mode: 'team' }));
    const tp = solution(ts, { assign: { V1: ['L1', 'L2'], V2: 'L2', V3: 'L3' } });
    const visits = [...regularVisits(tp, MARCH), visit({ lawyerId: 'L2', date: '2025-03-20' })];
    expect(validateCalendar(ts, tp, calendar(MARCH, visits))).toEqual([]);
  });

  test('a visit outside the calendar’s months is reported', () => {
    const v = validateCalendar(s, plan, calendar(MARCH, [...march(), visit({ date: '2025-04-01' })]));
    expect(rules(v)).toEqual(['SCHEDULE']);
    expect(v[0].message).toBe('visit on 2025-04-01 lies outside the calendar (2025: 2025-03)');
  });

  test('a visit that ends before it starts is reported', () => {
    const v = validateCalendar(s, plan, calendar(MARCH, [...march(), visit({ date: '2025-03-20', start: '11:00', end: '10:00' })]));
    expect(rules(v)).toEqual(['SCHEDULE']);
    expect(v[0].message).toBe('visit on 2025-03-20 starts at 11:00 but ends at 10:00');
  });

  test('a lawyer in two places at once is reported; back-to-back visits pass', () => {
    const date = weekday('2025-03', 1); // L1's V1 morning is 09:00–13:00 that day
    const ok = validateCalendar(s, plan, calendar(MARCH, [...march(), visit({ date, start: '13:00', end: '14:00' })]));
    expect(ok).toEqual([]);
    const v = validateCalendar(s, plan, calendar(MARCH, [...march(), visit({ date, start: '12:00', end: '12:30' })]));
    expect(rules(v)).toEqual(['SCHEDULE']);
    expect(v[0].message).toBe(`lawyer L1 has overlapping visits on ${date}: V1 09:00–13:00 and V1 12:00–12:30`);
  });

  test('a visit on a lawyer’s unavailable date is reported', () => {
    const us = scenario((x) => (byId(x.lawyers, 'L1').unavailable = [weekday('2025-03', 1)]));
    const v = validateCalendar(us, solution(us, GOOD), calendar(MARCH, march()));
    // both the on-site morning and the remote afternoon fall on that day
    expect(rules(v)).toEqual(['SCHEDULE', 'SCHEDULE']);
    expect(v[0].message).toBe(`lawyer L1 is unavailable on ${weekday('2025-03', 1)} but visits village V1`);
  });

  test('evening school on a Saturday or before 18:00 is reported (R12)', () => {
    const sat = saturday('2025-03', 1);
    const v = validateCalendar(
      s,
      plan,
      calendar(MARCH, [
        ...march(),
        visit({ kind: 'evening-school', date: sat, start: '19:30', end: '21:30' }),
        visit({ kind: 'evening-school', date: '2025-03-20', start: '17:00', end: '19:00' }),
        visit({ kind: 'evening-school', date: '2025-03-21', start: '19:30', end: '21:30' }),
      ]),
    );
    expect(rules(v)).toEqual(['R12', 'R12']);
    expect(v.map((x) => x.message)).toEqual([
      `evening school on ${sat} falls on a Saturday, not a weekday`,
      'evening school on 2025-03-20 starts at 17:00, before 18:00',
    ]);
  });

  test('a weekend visit on a weekday is reported (R12)', () => {
    const v = validateCalendar(s, plan, calendar(MARCH, [...march(), visit({ kind: 'weekend', date: '2025-03-20' }), visit({ kind: 'weekend', date: saturday('2025-03', 2) })]));
    expect(rules(v)).toEqual(['R12']);
    expect(v[0].message).toBe('weekend visit on 2025-03-20 falls on a Thursday');
  });
});

describe('service rules', () => {
  test('R8: a month without the minimum of on-site visits is reported', () => {
    const visits = march().filter((x) => !(x.villageId === 'V1' && x.kind === 'onsite'));
    visits.push(visit({ kind: 'remote', date: '2025-03-20', start: '09:00', end: '13:00' }));
    // 8 remote hours count only 4, so R9 fails too
    const v = validateCalendar(s, plan, calendar(MARCH, visits));
    expect(rules(v)).toEqual(['R8', 'R9']);
    expect(v[0].message).toBe('village V1 has 0 on-site visits in 2025-03, needs 1');
  });

  test('R8: a higher policy minimum is applied', () => {
    const ms = scenario((x) => (x.policy = { service: { minOnsiteVisitsPerMonth: 2 } }));
    const v = validateCalendar(ms, solution(ms, GOOD), calendar(MARCH, march()));
    expect(rules(v)).toEqual(['R8', 'R8', 'R8']);
  });

  test('R9: too few hours, or remote hours beyond the share, are reported', () => {
    const visits = march().filter((x) => x.villageId !== 'V1');
    visits.push(visit({ start: '09:00', end: '12:00' }), visit({ kind: 'remote', start: '13:00', end: '19:00' }));
    const v = validateCalendar(s, plan, calendar(MARCH, visits));
    expect(rules(v)).toEqual(['R9']);
    expect(v[0].message).toBe('village V1 gets 7 h in 2025-03 (3 on site, 6 remote, at most 4 remote counted), needs 8 with ≥ 4 on site');
    const enough = march().filter((x) => x.villageId !== 'V1');
    enough.push(visit({ start: '09:00', end: '17:00' }));
    expect(validateCalendar(s, plan, calendar(MARCH, enough))).toEqual([]);
  });

  test('R10: a flexible village short of its half-year on-site hours is reported', () => {
    const fs = scenario((x) => (byId(x.villages, 'V1').serviceMode = 'flexible'));
    const fp = solution(fs, GOOD);
    const h1 = YEAR.slice(0, 6);
    // V1 gets only a 4 h on-site morning each month: 24 h, not 50; its monthly 8 h do not apply.
    const visits = regularVisits(fp, h1).filter((x) => !(x.villageId === 'V1' && x.kind === 'remote'));
    const v = validateCalendar(fs, fp, calendar(h1, visits));
    expect(rules(v)).toEqual(['R10']);
    expect(v[0].message).toBe('flexible village V1 gets 24 on-site hours in 2025-01…2025-06, needs 50');
    // Nine on-site hours a month make 54.
    const longer = visits.map((x) => (x.villageId === 'V1' ? { ...x, start: '08:00', end: '17:00' } : x));
    expect(validateCalendar(fs, fp, calendar(h1, longer))).toEqual([]);
    // Over a part of a half-year R10 cannot be judged.
    const q1 = h1.slice(0, 3);
    expect(validateCalendar(fs, fp, calendar(q1, visits.filter((x) => q1.includes(x.date.slice(0, 7)))))).toEqual([]);
  });

  test('R12: fewer evening-school or weekend visits than the village asked for are warnings, not violations', () => {
    const rs = scenario((x) => (byId(x.villages, 'V1').requests = { eveningSchoolPerMonth: 1, weekendPerMonth: 1 }));
    const rp = solution(rs, GOOD);
    const short = calendar(MARCH, regularVisits(rp, MARCH));
    expect(validateCalendar(rs, rp, short)).toEqual([]);
    expect(calendarWarnings(rs, rp, short)).toEqual([
      { rule: 'R12', villageId: 'V1', month: '2025-03', message: 'village V1 has 0 evening-school visits in 2025-03, asked for 1' },
      { rule: 'R12', villageId: 'V1', month: '2025-03', message: 'village V1 has 0 weekend visits in 2025-03, asked for 1' },
    ]);
    const met = [
      ...regularVisits(rp, MARCH),
      visit({ kind: 'evening-school', date: '2025-03-20', start: '19:30', end: '21:30' }),
      visit({ kind: 'weekend', date: saturday('2025-03', 2), start: '10:00', end: '12:00' }),
    ];
    expect(validateCalendar(rs, rp, calendar(MARCH, met))).toEqual([]);
    expect(calendarWarnings(rs, rp, calendar(MARCH, met))).toEqual([]);
  });

  test('R13: a whole year without one of the activities is reported', () => {
    const visits = regularVisits(plan, YEAR);
    for (const v of ['V1', 'V2', 'V3']) {
      const onsite = visits.filter((x) => x.villageId === v && x.kind === 'onsite');
      onsite[0].activity = 'law-class';
      onsite[1].activity = 'dispute-screening';
      if (v !== 'V2') onsite[2].activity = 'consultation';
    }
    const v = validateCalendar(s, plan, calendar(YEAR, visits));
    expect(rules(v)).toEqual(['R13']);
    expect(v[0].message).toBe('village V2 has no consultation in 2025');
    // Over part of a year R13 is not judged.
    expect(validateCalendar(s, plan, calendar(MARCH, march()))).toEqual([]);
  });

  test('a shortfall the calendar declares for that rule, village and month is not a violation but a warning', () => {
    const rs = scenario((x) => (byId(x.villages, 'V1').requests = { eveningSchoolPerMonth: 1, weekendPerMonth: 0 }));
    const rp = solution(rs, GOOD);
    const declared = calendar(MARCH, regularVisits(rp, MARCH), (c) => {
      c.shortfalls = [{ rule: 'R12', villageId: 'V1', month: '2025-03', detail: 'no evening slot free' }];
    });
    expect(validateCalendar(rs, rp, declared)).toEqual([]);
    expect(calendarWarnings(rs, rp, declared)).toEqual([{ rule: 'R12', villageId: 'V1', month: '2025-03', message: 'no evening slot free' }]);
    // Declared for April, the March request is still unmet: both are listed.
    const otherMonth = calendar(MARCH, regularVisits(rp, MARCH), (c) => {
      c.shortfalls = [{ rule: 'R12', villageId: 'V1', month: '2025-04', detail: 'no evening slot free' }];
    });
    expect(validateCalendar(rs, rp, otherMonth)).toEqual([]);
    expect(calendarWarnings(rs, rp, otherMonth).map((w) => w.month)).toEqual(['2025-04', '2025-03']);
    // A declared R9 shortfall excuses the hard rule and is listed too.
    const r9 = calendar(MARCH, regularVisits(rp, MARCH).filter((x) => !(x.villageId === 'V2' && x.kind === 'remote')), (c) => {
      c.shortfalls = [{ rule: 'R9', villageId: 'V2', lawyerId: 'L2', month: '2025-03', detail: 'L2 has 4 h free in March' }];
    });
    expect(validateCalendar(s, plan, r9)).toEqual([]);
    expect(calendarWarnings(s, plan, r9)).toEqual([{ rule: 'R9', villageId: 'V2', lawyerId: 'L2', month: '2025-03', message: 'L2 has 4 h free in March' }]);
  });

  test('a calendar for another year than the scenario’s is a warning', () => {
    const other = calendar(['2026-03'], [], (c) => (c.year = 2026));
    expect(calendarWarnings(s, plan, other)[0]).toEqual({ rule: 'SCHEDULE', message: 'the calendar is for 2026, but the scenario is for 2025' });
    expect(calendarWarnings(s, plan, calendar(MARCH, march()))).toEqual([]);
  });
});

describe('summary', () => {
  test('a summary row that does not match the visits is reported', () => {
    const v = validateCalendar(s, plan, calendar(MARCH, march(), (c) => (c.summary[0].onsiteHours = 5)));
    expect(rules(v)).toEqual(['METRICS']);
    expect(v[0]).toMatchObject({ path: 'summary[0].onsiteHours', message: 'summary for village V1, 2025-03: onsiteHours is 5, the visits give 4' });
  });

  test('a village-month with visits but no summary row is reported', () => {
    const v = validateCalendar(s, plan, calendar(MARCH, march(), (c) => c.summary.splice(1, 1)));
    expect(rules(v)).toEqual(['METRICS']);
    expect(v[0].message).toBe('no summary row for village V2, 2025-03, which has visits');
  });
});

describe('holidays and travel', () => {
  test('a visit on a day off of the official table is reported (2025-10-01, 国庆)', () => {
    const v = validateCalendar(s, plan, calendar(['2025-10'], [...regularVisits(plan, ['2025-10']), visit({ date: '2025-10-01' })]));
    expect(rules(v)).toEqual(['SCHEDULE']);
    expect(v[0].message).toBe('onsite visit on 2025-10-01 falls on a holiday (a day off in the holiday table)');
  });

  test('a make-up working day (调休) is a working day: day and evening visits pass, weekend visits do not (R12)', () => {
    const visits = [
      ...regularVisits(plan, ['2025-09']),
      visit({ date: '2025-09-28', start: '09:00', end: '12:00' }), // Sunday, worked
      visit({ date: '2025-09-28', kind: 'evening-school', start: '19:30', end: '21:30' }),
      visit({ date: '2025-09-28', kind: 'weekend', start: '14:00', end: '16:00', villageId: 'V1' }),
    ];
    const v = validateCalendar(s, plan, calendar(['2025-09'], visits));
    expect(rules(v)).toEqual(['R12']);
    expect(v[0].message).toBe('weekend visit on 2025-09-28 falls on a make-up working day (调休), not a free weekend day');
  });

  test('a day visit or remote hours on a free Saturday are reported', () => {
    const sat = saturday('2025-03', 2);
    const v = validateCalendar(s, plan, calendar(MARCH, [...march(), visit({ date: sat }), visit({ date: sat, kind: 'remote', start: '14:00', end: '15:00' })]));
    expect(v.map((x) => x.message)).toEqual([
      `onsite visit on ${sat} falls on a Saturday that is not a make-up working day`,
      `remote visit on ${sat} falls on a Saturday that is not a make-up working day`,
    ]);
  });

  test('a loaded table replaces the shipped one', () => {
    const holidays = parseHolidayTable({ schema: 'ovola.holidays/v1', year: 2025, holidays: [weekday('2025-03', 1)], workdays: [] });
    const v = validateCalendar(s, plan, calendar(MARCH, march()), { holidays });
    // every adviser's first village has its morning and afternoon on that day: 3 × 2
    expect(rules(v)).toEqual(Array(6).fill('SCHEDULE'));
    expect(validateCalendar(s, plan, calendar(MARCH, march()))).toEqual([]);
  });

  test('for a year with no table the statutory days are checked: 春节 2031 is 1/23', () => {
    const jan = ['2031-01'];
    const late = visit({ date: '2031-01-23' });
    const v = validateCalendar(s, plan, calendar(jan, [late], (c) => (c.year = 2031)));
    expect(v.filter((x) => x.rule === 'SCHEDULE').map((x) => x.message)).toEqual(['onsite visit on 2031-01-23 falls on a holiday (a statutory holiday)']);
  });

  test('two on-site visits too close for the drive between the villages are reported (SCHEDULE)', () => {
    // V1 [113.01, 23.00] to V3 [113.00, 23.09]: about 10 km straight, 13 km by road, 20 minutes at 40 km/h
    const date = '2025-03-20';
    const tight = [...march(), visit({ date, start: '09:00', end: '10:00' }), visit({ date, villageId: 'V3', lawyerId: 'L3', start: '10:00', end: '11:00' })];
    expect(validateCalendar(s, plan, calendar(MARCH, tight))).toEqual([]);
    const ts = scenario((x) => (x.policy = { mode: 'team' }));
    const tp = solution(ts, { assign: { V1: ['L1'], V2: 'L2', V3: ['L3', 'L1'] } });
    const hop = [...regularVisits(tp, MARCH), visit({ date, start: '09:00', end: '10:00' }), visit({ date, villageId: 'V3', start: '10:15', end: '11:00' })];
    const v = validateCalendar(ts, tp, calendar(MARCH, hop));
    expect(rules(v)).toEqual(['SCHEDULE']);
    expect(v[0].message).toBe(`lawyer L1 on ${date} leaves V1 at 10:00 and starts at V3 at 10:15: 15 min for a drive of 20 min`);
    const enough = [...regularVisits(tp, MARCH), visit({ date, start: '09:00', end: '10:00' }), visit({ date, villageId: 'V3', start: '10:30', end: '11:00' })];
    expect(validateCalendar(ts, tp, calendar(MARCH, enough))).toEqual([]);
  });
});
