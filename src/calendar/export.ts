/**
 * The calendar as files people use: iCalendar per lawyer and per village (times in Asia/Shanghai, UIDs
 * that survive re-planning so a calendar app updates its events), and a CSV to print.
 */
import { stringify } from 'csv-stringify/sync';
import ical from 'ical-generator';
import { tzlib_get_ical_block } from 'timezones-ical-library';
import type { Activity, Calendar, Scenario, Visit, VisitKind } from '../domain/index.js';
import { pointToWgs84 } from '../geo/crs.js';

const TZID = 'Asia/Shanghai';
/** ical-generator's VTIMEZONE hook, fed from the IANA data of timezones-ical-library (as ical-generator's README advises). */
const vtimezone = (tz: string): string => {
  const block = tzlib_get_ical_block(tz);
  return Array.isArray(block) ? block[0] : block;
};

export const KIND_LABEL: Record<VisitKind, string> = {
  onsite: '驻村现场服务',
  'evening-school': '法律夜校',
  weekend: '周末现场服务',
  remote: '远程法律服务(电话/微信)',
};
export const ACTIVITY_LABEL: Record<Activity, string> = {
  'law-class': '乡村振兴法治课',
  'dispute-screening': '矛盾纠纷排查',
  consultation: '涉农法律咨询',
};
const WEEKDAY_LABEL = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'];

/** Names by id, looked up once per export. */
class Names {
  readonly villages: Map<string, Scenario['villages'][number]>;
  readonly lawyers: Map<string, Scenario['lawyers'][number]>;
  readonly firms: Map<string, Scenario['firms'][number]>;
  readonly regions: Map<string, Scenario['regions'][number]>;
  readonly crs: Scenario['crs'];
  constructor(scenario: Scenario) {
    this.crs = scenario.crs;
    this.villages = new Map(scenario.villages.map((v) => [v.id, v]));
    this.lawyers = new Map(scenario.lawyers.map((l) => [l.id, l]));
    this.firms = new Map(scenario.firms.map((f) => [f.id, f]));
    this.regions = new Map(scenario.regions.map((r) => [r.id, r]));
  }
  village(id: string): string {
    return this.villages.get(id)?.name ?? id;
  }
  town(villageId: string): string {
    const v = this.villages.get(villageId);
    return v ? (this.regions.get(v.townId)?.name ?? v.townId) : '';
  }
  lawyer(id: string): string {
    return this.lawyers.get(id)?.name ?? id;
  }
  firm(lawyerId: string): string {
    const l = this.lawyers.get(lawyerId);
    return l ? (this.firms.get(l.firmId)?.name ?? l.firmId) : '';
  }
  phone(lawyerId: string): string {
    return this.lawyers.get(lawyerId)?.contact?.phone ?? '';
  }
  /** A village's GEO in WGS-84, which calendar and map apps assume, whatever the scenario's `crs`. */
  geo(village: Scenario['villages'][number]): { lat: number; lon: number } {
    const [lon, lat] = pointToWgs84(village.location, this.crs);
    return { lat, lon };
  }
}

const namesCache = new WeakMap<Scenario, Names>();
/** One look-up table per scenario, so writing thousands of files does not rebuild it each time. */
function namesOf(scenario: Scenario): Names {
  let n = namesCache.get(scenario);
  if (!n) namesCache.set(scenario, (n = new Names(scenario)));
  return n;
}

/** UID parts are ids; keep them to characters every calendar app accepts. */
const uidPart = (s: string) => encodeURIComponent(s).replace(/%/g, '');

/**
 * A visit's UID names what the visit is, not when: its month, kind and rank among the same lawyer's visits
 * of that kind to that village in the month. Moving a visit to another day keeps the UID, so an
 * imported calendar updates the event instead of adding a second one.
 */
function uids(visits: Visit[], scope: string): string[] {
  const rank = new Map<string, number>();
  return visits.map((v) => {
    const key = `${v.lawyerId}\u0000${v.villageId}\u0000${v.date.slice(0, 7)}\u0000${v.kind}`;
    const n = (rank.get(key) ?? 0) + 1;
    rank.set(key, n);
    return `${v.date.slice(0, 7)}-${v.kind}-${n}-${uidPart(v.villageId)}-${uidPart(v.lawyerId)}-${scope}@ovola`;
  });
}

const byTime = (a: Visit, b: Visit) =>
  a.date.localeCompare(b.date) || a.start.localeCompare(b.start) || a.villageId.localeCompare(b.villageId) || a.lawyerId.localeCompare(b.lawyerId);

/** UTF-8 length of one UTF-16 code unit's character (a surrogate pair counts 4 on its first half, 0 on its second). */
const utf8Bytes = (c: number) => (c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c <= 0xdbff ? 4 : c >= 0xdc00 && c <= 0xdfff ? 0 : 3);

/** RFC 5545 §3.1 line folding at 75 octets, never inside a UTF-8 character or a surrogate pair. */
// Not ical-generator's folding: it runs a TextEncoder per character (a city's year, seed 3: its village files alone took 34 s that way, every file 3.9 s this way).
function fold(text: string): string {
  return text
    .split('\r\n')
    .map((line) => {
      if (line.length <= 24) return line; // ≤ 24 UTF-16 units are ≤ 72 octets
      let out = '';
      let bytes = 0;
      let from = 0;
      for (let i = 0; i < line.length; i++) {
        const b = utf8Bytes(line.charCodeAt(i));
        if (bytes + b > 75) {
          out += `${line.slice(from, i)}\r\n `;
          from = i;
          bytes = 1;
        }
        bytes += b;
      }
      return out + line.slice(from);
    })
    .join('\r\n');
}

function ics(calendar: Calendar, scenario: Scenario, visits: Visit[], title: string, scope: string, summaryOf: (v: Visit, n: Names) => string): string {
  const names = namesOf(scenario);
  const options = {
    name: title,
    prodId: { company: 'ovola', product: 'visit-calendar', language: 'ZH' },
    timezone: { name: TZID, generator: vtimezone },
  };
  const cal = ical(options);
  const sorted = [...visits].sort(byTime);
  const ids = uids(sorted, scope);
  const provisional = calendar.provisional ? '\n注意:本年度节假日安排尚未公布,日程按法定节日推算,公布后将更新。' : '';
  sorted.forEach((v, i) => {
    const lines = [
      `${KIND_LABEL[v.kind]}${v.activity ? `:${ACTIVITY_LABEL[v.activity]}` : ''}`,
      `村(社区):${names.village(v.villageId)}(${names.town(v.villageId)})`,
      `法律顾问:${names.lawyer(v.lawyerId)}(${names.firm(v.lawyerId)})`,
    ];
    const phone = names.phone(v.lawyerId);
    if (phone) lines.push(`联系电话:${phone}`);
    const village = names.villages.get(v.villageId);
    cal.createEvent({
      id: ids[i],
      start: `${v.date}T${v.start}:00`,
      end: `${v.date}T${v.end}:00`,
      timezone: TZID,
      summary: summaryOf(v, names),
      description: lines.join('\n') + provisional,
      location:
        v.kind === 'remote'
          ? `远程(电话/微信)`
          : village
            ? { title: `${village.name}(${names.town(v.villageId)})`, geo: names.geo(village) }
            : names.village(v.villageId),
    });
  });
  // The calendar's own text without events, then each event's, folded once by `fold`.
  const head = ical(options).toString().replace(/END:VCALENDAR$/, '');
  return fold(`${head}${cal.events().map((e) => e.toString()).join('')}END:VCALENDAR`);
}

/** The calendar's visits by lawyer and by village, in calendar order: what each person's file is made of. */
export function visitsByPerson(calendar: Calendar): { byLawyer: Map<string, Visit[]>; byVillage: Map<string, Visit[]> } {
  const byLawyer = new Map<string, Visit[]>();
  const byVillage = new Map<string, Visit[]>();
  for (const v of calendar.visits) {
    (byLawyer.get(v.lawyerId) ?? byLawyer.set(v.lawyerId, []).get(v.lawyerId)!).push(v);
    (byVillage.get(v.villageId) ?? byVillage.set(v.villageId, []).get(v.villageId)!).push(v);
  }
  return { byLawyer, byVillage };
}

/** One lawyer's visits as an iCalendar file. */
export function lawyerIcs(calendar: Calendar, scenario: Scenario, lawyerId: string): string {
  const lawyer = namesOf(scenario).lawyers.get(lawyerId);
  if (!lawyer) throw new Error(`lawyerId: unknown lawyer ${JSON.stringify(lawyerId)}`);
  const visits = calendar.visits.filter((v) => v.lawyerId === lawyerId);
  return ics(calendar, scenario, visits, `${lawyer.name} 村(社区)法律顾问服务日程 ${calendar.year}`, 'l', (v, n) => `${KIND_LABEL[v.kind]}·${n.village(v.villageId)}${v.activity ? `·${ACTIVITY_LABEL[v.activity]}` : ''}`);
}

/** One village's visits (its adviser's and team members') as an iCalendar file. */
export function villageIcs(calendar: Calendar, scenario: Scenario, villageId: string): string {
  const village = namesOf(scenario).villages.get(villageId);
  if (!village) throw new Error(`villageId: unknown village ${JSON.stringify(villageId)}`);
  const visits = calendar.visits.filter((v) => v.villageId === villageId);
  return ics(calendar, scenario, visits, `${village.name} 法律顾问服务日程 ${calendar.year}`, 'v', (v, n) => `${KIND_LABEL[v.kind]}·${n.lawyer(v.lawyerId)}律师${v.activity ? `·${ACTIVITY_LABEL[v.activity]}` : ''}`);
}

/** A spreadsheet would take a cell starting like a formula for one; an apostrophe keeps it text. */
const defuse = (s: string) => (/^[=@+\-\t\r]/.test(s) ? `'${s}` : s);

/** The whole calendar as CSV for printing: UTF-8 with a byte-order mark (Excel reads the Chinese right), CRLF line ends. */
export function calendarCsv(calendar: Calendar, scenario: Scenario): string {
  const names = namesOf(scenario);
  const header = ['日期', '星期', '开始', '结束', '服务方式', '活动', '村(社区)', '村(社区)编号', '镇(街道)', '律师', '律师编号', '律师事务所', '联系电话'];
  const rows = [...calendar.visits].sort(byTime).map((v) =>
    [
      v.date,
      WEEKDAY_LABEL[new Date(`${v.date}T00:00:00Z`).getUTCDay()],
      v.start,
      v.end,
      KIND_LABEL[v.kind],
      v.activity ? ACTIVITY_LABEL[v.activity] : '',
      names.village(v.villageId),
      v.villageId,
      names.town(v.villageId),
      names.lawyer(v.lawyerId),
      v.lawyerId,
      names.firm(v.lawyerId),
      names.phone(v.lawyerId),
    ].map(defuse),
  );
  return stringify([header, ...rows], { bom: true, record_delimiter: 'windows' });
}

/** The next `count` visits to a village from a date on (that date included), in time order. */
export function nextVisits(calendar: Calendar, villageId: string, from: string, count: number): Visit[] {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(from)) throw new Error(`from: expected YYYY-MM-DD, got ${JSON.stringify(from)}`);
  if (!Number.isInteger(count) || count < 0) throw new Error(`count: expected a whole number ≥ 0, got ${JSON.stringify(count)}`);
  return calendar.visits
    .filter((v) => v.villageId === villageId && v.date >= from)
    .sort(byTime)
    .slice(0, count);
}
