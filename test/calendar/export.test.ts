import ICAL from 'ical.js';
import { describe, expect, test } from 'vitest';
import { buildCalendar, calendarCsv, lawyerIcs, villageIcs } from '../../src/calendar/index.js';
import { expectValid, plan, tiny } from './fixtures.js';

/** The events of an .ics text as ical.js reads them, with the file's own VTIMEZONE registered. */
function parse(text: string): ICAL.Event[] {
  const root = new ICAL.Component(ICAL.parse(text));
  for (const tz of root.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(tz);
  return root.getAllSubcomponents('vevent').map((e) => new ICAL.Event(e));
}

const s = tiny([{ id: 'V1', km: 5, evening: 1 }, { id: 'V2', km: 7 }], [{ id: 'L1' }], (x) => {
  x.lawyers[0].name = '张三';
  x.lawyers[0].contact = { phone: '13800000000' };
  x.villages[0].name = '东坑村';
});
const sol = plan(s);
const MONTHS = ['2026-03', '2026-04'];
const cal = buildCalendar(s, sol, { year: 2026, months: MONTHS });

describe('iCalendar', () => {
  test('an evening school starts at 19:30 Asia/Shanghai, i.e. 11:30 UTC, as ical.js reads it', () => {
    expectValid(s, sol, cal);
    const events = parse(lawyerIcs(cal, s, 'L1'));
    expect(events).toHaveLength(cal.visits.length);
    const evening = cal.visits.find((v) => v.kind === 'evening-school')!;
    const e = events.find((x) => x.startDate.toString().startsWith(evening.date) && x.startDate.hour === 19)!;
    expect(e.startDate.zone?.tzid).toBe('Asia/Shanghai');
    expect([e.startDate.hour, e.startDate.minute, e.endDate.hour, e.endDate.minute]).toEqual([19, 30, 21, 30]);
    expect(e.startDate.toJSDate().toISOString()).toBe(`${evening.date}T11:30:00.000Z`);
    expect(e.summary.startsWith('法律夜校·东坑村')).toBe(true);
    expect(e.description).toContain('法律顾问:张三');
    expect(e.description).toContain('联系电话:13800000000');
  });

  test('a village’s file holds its visits only, named for residents', () => {
    const events = parse(villageIcs(cal, s, 'V1'));
    expect(events).toHaveLength(cal.visits.filter((v) => v.villageId === 'V1').length);
    expect(events.every((e) => e.summary.includes('张三律师'))).toBe(true);
  });

  test('UIDs are stable: the same plan twice, and a visit moved to another day, keep them', () => {
    const uids = (text: string) => parse(text).map((e) => e.uid).sort();
    const again = buildCalendar(s, sol, { year: 2026, months: MONTHS });
    expect(uids(lawyerIcs(again, s, 'L1'))).toEqual(uids(lawyerIcs(cal, s, 'L1')));
    expect(new Set(uids(lawyerIcs(cal, s, 'L1'))).size).toBe(cal.visits.length);
    // The lawyer falls ill on the day of the first March on-site visit: it moves, its UID stays.
    const first = cal.visits.find((v) => v.kind === 'onsite')!;
    const ill = tiny([{ id: 'V1', km: 5, evening: 1 }, { id: 'V2', km: 7 }], [{ id: 'L1', unavailable: [first.date] }], (x) => {
      x.lawyers[0].name = '张三';
      x.villages[0].name = '东坑村';
    });
    const moved = buildCalendar(ill, sol, { year: 2026, months: MONTHS });
    expect(moved.visits.some((v) => v.date === first.date)).toBe(false);
    expect(uids(lawyerIcs(moved, ill, 'L1'))).toEqual(uids(lawyerIcs(cal, s, 'L1')));
  });

  test('long Chinese lines are folded at 75 octets without splitting a character', () => {
    const long = tiny([{ id: 'V1', km: 5 }], [{ id: 'L1' }], (x) => (x.villages[0].name = '很长的名字'.repeat(12)));
    const text = villageIcs(buildCalendar(long, plan(long), { year: 2026, months: ['2026-03'] }), long, 'V1');
    for (const line of text.split('\r\n')) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    expect(parse(text)[0].description).toContain('很长的名字'.repeat(12));
  });

  test('unknown ids are refused', () => {
    expect(() => lawyerIcs(cal, s, 'L9')).toThrow('lawyerId: unknown lawyer "L9"');
    expect(() => villageIcs(cal, s, 'V9')).toThrow('villageId: unknown village "V9"');
  });
});

describe('CSV', () => {
  test('UTF-8 with a byte-order mark, Chinese headers, one row per visit with names as well as ids', () => {
    const text = calendarCsv(cal, s);
    expect(text.startsWith('\uFEFF日期,星期,开始,结束,服务方式,活动,村(社区),村(社区)编号,镇(街道),律师,律师编号,律师事务所,联系电话\r\n')).toBe(true);
    const lines = text.trimEnd().split('\r\n');
    expect(lines).toHaveLength(cal.visits.length + 1);
    const evening = cal.visits.find((v) => v.kind === 'evening-school')!;
    const weekday = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'][new Date(`${evening.date}T00:00:00Z`).getUTCDay()];
    const activity = { 'law-class': '乡村振兴法治课', 'dispute-screening': '矛盾纠纷排查', consultation: '涉农法律咨询' }[evening.activity ?? 'law-class'];
    expect(lines).toContain(`${evening.date},${weekday},19:30,21:30,法律夜校,${evening.activity ? activity : ''},东坑村,V1,T1镇,张三,L1,F1律师事务所,13800000000`);
  });
});
