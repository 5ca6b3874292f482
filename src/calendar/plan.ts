/**
 * Monthly planning: every adviser's visits, month by month, within their working days.
 *
 * Per lawyer and month, in this order: weekend visits (R12) on free weekend days, evening schools (R12)
 * on working-day evenings, on-site day trips (R8, R9/R10, R13) that chain near villages, then remote
 * hours at the base (R9). Each item aims at a day spread evenly over the month and takes the nearest day
 * where it fits. Team members then join one on-site visit a month of their team's villages where they are
 * free. What cannot be placed is listed as a shortfall by rule, village and month; nothing throws.
 */
import {
  type Activity,
  CALENDAR_SCHEMA,
  type Calendar,
  type HolidayTable,
  type RuleId,
  type Scenario,
  type Solution,
  type Visit,
  type VisitKind,
} from '../domain/index.js';
import { haversineKm } from '../geo/distance.js';
import { Geography } from '../geo/geography.js';
import { WEEKEND, WORKDAY, YearDays } from './days.js';
import { holidaysFor } from './holidays.js';

export interface BuildOptions {
  year: number;
  /** `YYYY-MM` months of `year`; all twelve when left out */
  months?: string[];
  /** an official table loaded by the user; replaces the shipped or provisional one */
  holidays?: HolidayTable;
  onProgress?: (p: { phase: string; fraction: number }) => void;
}

// ── the slot rules, in minutes after midnight ──────────────────────────────
/** Times sit on a quarter-hour grid, as appointments do. */
const SLOT = 15;
/** The earliest a lawyer leaves the base in the morning. */
const EARLIEST_LEAVE = 7 * 60 + 30;
/** Village offices open; no day visit starts before. */
const MORNING_OPEN = 8 * 60 + 30;
/** Weekend visits start later, when residents are up and about. */
const WEEKEND_OPEN = 9 * 60;
/** A visit that ends around noon (11:30–13:30) is followed by a lunch break of at least this, the drive to the next village within it. */
const LUNCH_FROM = 11 * 60 + 30;
const LUNCH_TO = 13 * 60 + 30;
const LUNCH_BREAK = 45;
/** Day visits end by the close of office hours. */
const DAY_CLOSE = 18 * 60;
/** A day trip is back at the base by then. */
const LATEST_RETURN = 19 * 60 + 30;
/** Remote service is given from the office, in office hours. */
const OFFICE_OPEN = 8 * 60 + 30;
const OFFICE_CLOSE = 18 * 60;
/** A lawyer's day, from leaving the base to coming back, summed over its trips and remote work: 8 h of service and 2 h on the road. */
const MAX_DAY_MINUTES = 10 * 60;
/** An evening school is reachable when the drive each way stays within 2 h, i.e. anywhere within the default 80 km range at 40 km/h. */
const MAX_EVENING_TRAVEL = 120;
/** A weekday on-site visit is a half day (≥ 4 h holds R9's on-site share with one visit) and at most 4.5 h. */
const ONSITE_VISIT = 4 * 60;
const MAX_ONSITE_VISIT = 4 * 60 + 30;
/** The shortest visit worth the trip, when the month's hours are already met (R8 alone, or an R13 activity). */
const MIN_VISIT = 2 * 60;
/** A weekend visit: a morning or an afternoon of three hours. */
const WEEKEND_VISIT = 3 * 60;
/** Remote service in blocks of at most 4 h. */
const MAX_REMOTE_BLOCK = 4 * 60;
/** Visits to one village on days closer than this count as bunched. */
const SPREAD_DAYS = 3;

const ACTIVITIES: Activity[] = ['law-class', 'dispute-screening', 'consultation'];
const MONTH_RE = /^(\d{4})-(0[1-9]|1[0-2])$/;

const ceilSlot = (m: number) => Math.ceil(m / SLOT - 1e-9) * SLOT;
const clock = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
const toMinutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** A visit placed on a day: village index (in the scenario), minutes after midnight. */
interface Stop {
  v: number;
  start: number;
  end: number;
  kind: VisitKind;
  activity?: Activity;
}
interface TripItem {
  v: number;
  minutes: number;
  kind: VisitKind;
  activities: Activity[];
}
/** One day of one lawyer. */
interface Day {
  tripItems: TripItem[];
  trip: Stop[];
  leave: number;
  ret: number;
  evening?: Stop;
  eLeave: number;
  eRet: number;
  remote: Stop[];
  joins: { stop: Stop; leave: number; ret: number }[];
  work: number;
}
const newDay = (): Day => ({ tripItems: [], trip: [], leave: 0, ret: 0, eLeave: 0, eRet: 0, remote: [], joins: [], work: 0 });

/** Busy intervals of a day: trips door to door, evening school door to door, remote blocks, team joins. */
function busy(day: Day): [number, number][] {
  const out: [number, number][] = [];
  if (day.trip.length > 0) out.push([day.leave, day.ret]);
  if (day.evening) out.push([day.eLeave, day.eRet]);
  for (const r of day.remote) out.push([r.start, r.end]);
  for (const j of day.joins) out.push([j.leave, j.ret]);
  return out;
}
const overlaps = (list: [number, number][], s: number, e: number) => list.some(([a, b]) => s < b && a < e);

/** Everything the planner knows about one lawyer, for the whole year. */
class LawyerPlan {
  /** minutes from the base to each village of this lawyer (global village index) */
  private readonly toBase = new Map<number, number>();
  readonly unavailable = new Set<number>();
  /** days with something planned, by day of year */
  readonly days = new Map<number, Day>();
  /** service minutes given per month (index 0–11), against `lawyer.monthlyHours` */
  readonly used = new Float64Array(12);

  constructor(
    readonly l: number,
    private readonly ctx: Context,
  ) {
    const lawyer = ctx.scenario.lawyers[l];
    for (const d of lawyer.unavailable ?? []) {
      const doy = ctx.days.dayOf(d);
      if (doy >= 0) this.unavailable.add(doy);
    }
  }

  get capacity(): number {
    const h = this.ctx.scenario.lawyers[this.l].monthlyHours;
    return h === undefined ? Infinity : h * 60;
  }

  travel(v: number): number {
    let t = this.toBase.get(v);
    if (t === undefined) {
      const override = this.ctx.overrideMinutes.get(`${this.l}:${v}`);
      t = override ?? (this.ctx.geo.roadKm(v, this.l) / this.ctx.speedKmh) * 60;
      this.toBase.set(v, t);
    }
    return t;
  }

  day(doy: number): Day {
    let d = this.days.get(doy);
    if (!d) this.days.set(doy, (d = newDay()));
    return d;
  }

  usable(doy: number, kind: typeof WORKDAY | typeof WEEKEND): boolean {
    return this.ctx.days.kind[doy] === kind && !this.unavailable.has(doy);
  }

  /** On-site stops of a day other than those in `except`, for the travel gaps between villages. */
  private onsiteStops(day: Day, except: 'trip' | 'evening' | 'none'): Stop[] {
    const out: Stop[] = [];
    if (except !== 'trip') out.push(...day.trip);
    if (except !== 'evening' && day.evening) out.push(day.evening);
    for (const j of day.joins) out.push(j.stop);
    return out;
  }

  /** Between two on-site visits on one day lies at least the drive between the villages (a routing override may make the base shorter). */
  private gapsHold(stops: Stop[], others: Stop[]): boolean {
    for (const s of stops)
      for (const o of others) {
        const t = this.ctx.villageMinutes(s.v, o.v);
        if (o.end <= s.start ? s.start - o.end < t - 1e-9 : o.start >= s.end ? o.start - s.end < t - 1e-9 : true) return false;
      }
    return true;
  }

  /** Times for a day trip visiting `items` in order, or null when it does not fit a day. */
  layout(items: TripItem[], weekend: boolean): { stops: Stop[]; leave: number; ret: number } | null {
    const stops: Stop[] = [];
    let prev = -1;
    let prevEnd = 0;
    for (const it of items) {
      let start: number;
      if (prev < 0) start = Math.max(weekend ? WEEKEND_OPEN : MORNING_OPEN, ceilSlot(EARLIEST_LEAVE + this.travel(it.v)));
      else {
        const lunch = prevEnd > LUNCH_FROM && prevEnd <= LUNCH_TO ? LUNCH_BREAK : 0;
        start = ceilSlot(prevEnd + Math.max(lunch, this.ctx.villageMinutes(prev, it.v)));
      }
      const end = start + it.minutes;
      if (end > DAY_CLOSE) return null;
      stops.push({ v: it.v, start, end, kind: it.kind, ...(it.activities.length > 0 ? { activity: it.activities[0] } : {}) });
      prev = it.v;
      prevEnd = end;
    }
    const leave = stops[0].start - this.travel(stops[0].v);
    const ret = prevEnd + this.travel(prev);
    if (ret > LATEST_RETURN || ret - leave > MAX_DAY_MINUTES) return null;
    return { stops, leave, ret };
  }

  /** Puts a day trip on a day if it fits beside what the day holds; weekend days take further villages onto their trip. */
  tryTrip(doy: number, items: TripItem[], weekend: boolean): boolean {
    const day = this.days.get(doy) ?? newDay();
    if (!weekend && day.tripItems.length > 0) return false;
    const all = [...day.tripItems, ...items];
    const lay = this.layout(all, weekend);
    if (!lay) return false;
    const oldSpan = day.trip.length > 0 ? day.ret - day.leave : 0;
    const others: [number, number][] = [];
    if (day.evening) others.push([day.eLeave, day.eRet]);
    for (const r of day.remote) others.push([r.start, r.end]);
    for (const j of day.joins) others.push([j.leave, j.ret]);
    if (overlaps(others, lay.leave, lay.ret)) return false;
    if (day.work - oldSpan + (lay.ret - lay.leave) > MAX_DAY_MINUTES) return false;
    if (!this.gapsHold(lay.stops, this.onsiteStops(day, 'trip'))) return false;
    day.tripItems = all;
    day.trip = lay.stops;
    day.work += lay.ret - lay.leave - oldSpan;
    day.leave = lay.leave;
    day.ret = lay.ret;
    this.days.set(doy, day);
    return true;
  }

  tryEvening(doy: number, v: number): boolean {
    const t = this.travel(v);
    if (t > MAX_EVENING_TRAVEL) return false;
    const day = this.days.get(doy) ?? newDay();
    if (day.evening) return false;
    const start = this.ctx.evening[0];
    const end = this.ctx.evening[1];
    const leave = start - t;
    const ret = end + t;
    if (overlaps(busy(day), leave, ret) || day.work + (ret - leave) > MAX_DAY_MINUTES) return false;
    const stop: Stop = { v, start, end, kind: 'evening-school' };
    if (!this.gapsHold([stop], this.onsiteStops(day, 'evening'))) return false;
    day.evening = stop;
    day.eLeave = leave;
    day.eRet = ret;
    day.work += ret - leave;
    this.days.set(doy, day);
    return true;
  }

  /** The earliest office-hours window of `minutes` free on a day, or −1. */
  remoteSlot(doy: number, minutes: number): number {
    const day = this.days.get(doy);
    if (day && day.work + minutes > MAX_DAY_MINUTES) return -1;
    const b = day ? busy(day) : [];
    for (let s = OFFICE_OPEN; s + minutes <= OFFICE_CLOSE; s += SLOT) {
      if (!overlaps(b, s, s + minutes)) return s;
    }
    return -1;
  }

  addRemote(doy: number, v: number, start: number, minutes: number): void {
    const day = this.day(doy);
    day.remote.push({ v, start, end: start + minutes, kind: 'remote' });
    day.work += minutes;
  }

  /** A team member's visit at the adviser's times, if the member is free then, can get there and back, and has hours left. */
  tryJoin(doy: number, stop: Stop): boolean {
    if (!this.usable(doy, WORKDAY)) return false;
    const month = this.ctx.monthOfDay(doy);
    const minutes = stop.end - stop.start;
    if (this.used[month] + minutes > this.capacity) return false;
    const t = this.travel(stop.v);
    const leave = stop.start - t;
    const ret = stop.end + t;
    if (leave < EARLIEST_LEAVE || ret > LATEST_RETURN) return false;
    const day = this.days.get(doy) ?? newDay();
    if (overlaps(busy(day), leave, ret) || day.work + (ret - leave) > MAX_DAY_MINUTES) return false;
    const own: Stop = { v: stop.v, start: stop.start, end: stop.end, kind: stop.kind };
    if (!this.gapsHold([own], this.onsiteStops(day, 'none'))) return false;
    day.joins.push({ stop: own, leave, ret });
    day.work += ret - leave;
    this.used[month] += minutes;
    this.days.set(doy, day);
    return true;
  }
}

/** Shared, read-only facts for the whole run. */
class Context {
  readonly geo: Geography;
  readonly speedKmh: number;
  readonly detour: number;
  readonly overrideMinutes = new Map<string, number>();
  readonly evening: [number, number];
  private readonly monthByDay: Uint8Array;
  private readonly firstWeekday: number;

  constructor(
    readonly scenario: Scenario,
    readonly days: YearDays,
  ) {
    this.geo = new Geography(scenario);
    this.speedKmh = scenario.policy.travel.speedKmh;
    this.detour = scenario.policy.travel.detourFactor;
    for (const o of scenario.travelOverrides) {
      if (o.minutes === undefined) continue;
      const l = this.geo.lawyerIndex.get(o.lawyerId);
      const v = this.geo.villageIndex.get(o.villageId);
      if (l !== undefined && v !== undefined) this.overrideMinutes.set(`${l}:${v}`, o.minutes);
    }
    const { start, end } = scenario.policy.service.eveningSchool;
    this.evening = [toMinutes(start), toMinutes(end)];
    this.firstWeekday = new Date(Date.UTC(days.year, 0, 1)).getUTCDay();
    this.monthByDay = new Uint8Array(days.kind.length);
    for (let m = 0; m < 12; m++) this.monthByDay.fill(m, days.monthStart[m], days.monthStart[m + 1]);
  }

  /** Drive minutes between two villages: straight line × detour at the policy's speed. */
  villageMinutes(a: number, b: number): number {
    if (a === b) return 0;
    const g = this.geo;
    return ((haversineKm(g.vLon[a], g.vLat[a], g.vLon[b], g.vLat[b]) * this.detour) / this.speedKmh) * 60;
  }

  /** 0 = Sunday … 6 = Saturday */
  weekday(doy: number): number {
    return (this.firstWeekday + doy) % 7;
  }

  monthOfDay(doy: number): number {
    return this.monthByDay[doy];
  }
}

/** The `months` option checked and sorted, as month numbers 1–12. */
function monthNumbers(year: number, months: string[] | undefined): number[] {
  if (months === undefined) return Array.from({ length: 12 }, (_, i) => i + 1);
  if (!Array.isArray(months) || months.length === 0) throw new Error('months: give at least one month as YYYY-MM');
  const out = new Set<number>();
  months.forEach((m, i) => {
    const match = typeof m === 'string' ? MONTH_RE.exec(m) : null;
    if (!match) throw new Error(`months[${i}]: expected YYYY-MM, got ${JSON.stringify(m)}`);
    if (Number(match[1]) !== year) throw new Error(`months[${i}]: ${m} is not in the calendar year ${year}`);
    out.add(Number(match[2]));
  });
  return [...out].sort((a, b) => a - b);
}

/** One adviser's villages, and when in the program year each R13 activity is due. */
interface Charge {
  v: number;
  flexible: boolean;
  evening: number;
  weekend: number;
  /** activities due, each with the index (into the calendar's months) of the month it aims at */
  due: { activity: Activity; month: number }[];
  /** on-site minutes so far in each half-year, for R10 */
  halfOnsite: [number, number];
}

/** R13: three activities in three different months of the calendar, spread over the year and staggered across a lawyer's villages. */
function activityMonths(k: number, monthCount: number): number[] {
  if (monthCount >= 3) {
    const third = Math.floor(monthCount / 3);
    const offset = k % third;
    return [0, 1, 2].map((i) => offset + Math.floor((i * monthCount) / 3));
  }
  return [0, 1, 2].map((i) => i % monthCount);
}

/** Spreads `n` items over `slots` positions: the position item i aims at, shifted by `phase` ∈ [0, 1). */
const aim = (i: number, n: number, slots: number, phase: number) => Math.min(slots - 1, Math.floor(((i + phase) / n) * slots));

/**
 * The day closest to `target` among `candidates` (indices into it) that `fits`, preferring days with no
 * visit to the same village within SPREAD_DAYS; −1 when none fits.
 */
function pickDay(candidates: number[], target: number, bunched: (doy: number) => boolean, fits: (doy: number) => boolean): number {
  let fallback = -1;
  for (let step = 0; step < candidates.length * 2; step++) {
    const i = target + (step % 2 === 0 ? step / 2 : -(step + 1) / 2);
    if (i < 0 || i >= candidates.length) continue;
    const doy = candidates[i];
    if (bunched(doy)) {
      if (fallback < 0) fallback = doy;
      continue;
    }
    if (fits(doy)) return doy;
  }
  if (fallback >= 0) {
    // Every unbunched day failed; try the bunched ones, nearest first.
    for (let step = 0; step < candidates.length * 2; step++) {
      const i = target + (step % 2 === 0 ? step / 2 : -(step + 1) / 2);
      if (i < 0 || i >= candidates.length) continue;
      const doy = candidates[i];
      if (bunched(doy) && fits(doy)) return doy;
    }
  }
  return -1;
}

/** Plans one lawyer's month; `charges` are the villages the lawyer advises. */
function planMonth(ctx: Context, plan: LawyerPlan, charges: Charge[], month: number, monthIndex: number, unplannedEarlier: number): void {
  const s = ctx.scenario.policy.service;
  const days = ctx.days;
  const from = days.monthStart[month - 1];
  const to = days.monthStart[month];
  const workdays: number[] = [];
  const weekends: number[] = [];
  for (let d = from; d < to; d++) {
    if (plan.usable(d, WORKDAY)) workdays.push(d);
    else if (plan.usable(d, WEEKEND)) weekends.push(d);
  }
  const m0 = month - 1;
  const cap = plan.capacity;
  const visitDays = new Map<number, number[]>();
  const mark = (v: number, doy: number) => {
    const list = visitDays.get(v);
    if (list) list.push(doy);
    else visitDays.set(v, [doy]);
  };
  const bunchedFor = (vs: number[]) => (doy: number) => vs.some((v) => (visitDays.get(v) ?? []).some((d) => Math.abs(d - doy) < SPREAD_DAYS));
  const n = charges.length;
  const onsiteMinutes = new Map<number, number>();
  const addOnsite = (c: Charge, minutes: number) => {
    onsiteMinutes.set(c.v, (onsiteMinutes.get(c.v) ?? 0) + minutes);
    c.halfOnsite[m0 < 6 ? 0 : 1] += minutes;
  };
  const half = m0 < 6 ? 0 : 1;
  const monthsLeftInHalf = 6 - (m0 % 6);
  const needOnsite = (c: Charge) =>
    c.flexible
      ? Math.max(0, ceilSlot(((s.flexibleHalfYearOnsiteHours * 60 * (6 - unplannedEarlier)) / 6 - c.halfOnsite[half]) / monthsLeftInHalf))
      : ceilSlot(s.monthlyHours * (1 - s.maxRemoteShare) * 60);
  // The month's on-site target per village, fixed before anything of this month is placed.
  const target = new Map(charges.map((c) => [c.v, needOnsite(c)]));
  // Minutes held back for the on-site hours every village still needs (R8, R9), so requested slots cannot eat them up under a lawyer's monthly hours.
  const reserve = () => charges.reduce((sum, c) => sum + Math.max(MIN_VISIT, target.get(c.v)! - (onsiteMinutes.get(c.v) ?? 0)), 0);

  // R12: weekend visits on free weekend days, a village's visits spread, villages staggered.
  charges.forEach((c, k) => {
    for (let j = 0; j < c.weekend; j++) {
      if (weekends.length === 0 || plan.used[m0] + WEEKEND_VISIT + reserve() > cap) break;
      const item: TripItem = { v: c.v, minutes: WEEKEND_VISIT, kind: 'weekend', activities: [] };
      const doy = pickDay(weekends, aim(j, c.weekend, weekends.length, (k + 0.5) / n), bunchedFor([c.v]), (d) => plan.tryTrip(d, [item], true));
      if (doy < 0) break;
      plan.used[m0] += WEEKEND_VISIT;
      addOnsite(c, WEEKEND_VISIT);
      mark(c.v, doy);
    }
  });
  // R12: evening schools on weekday evenings (Monday to Friday working days, not the make-up Saturdays and Sundays).
  const eveningLength = ctx.evening[1] - ctx.evening[0];
  const weekdays = workdays.filter((d) => ctx.weekday(d) !== 0 && ctx.weekday(d) !== 6);
  charges.forEach((c, k) => {
    for (let j = 0; j < c.evening; j++) {
      if (weekdays.length === 0 || plan.used[m0] + eveningLength + reserve() > cap) break;
      const doy = pickDay(weekdays, aim(j, c.evening, weekdays.length, (k + 0.5) / n), bunchedFor([c.v]), (d) => plan.tryEvening(d, c.v));
      if (doy < 0) break;
      plan.used[m0] += eveningLength;
      addOnsite(c, eveningLength);
      mark(c.v, doy);
    }
  });

  // R8, R9/R10, R13: weekday on-site visits, as many as the month needs and of the length its hours need.
  const visits: (TripItem & { seq: number; count: number })[] = [];
  for (const c of charges) {
    const got = onsiteMinutes.get(c.v) ?? 0;
    const due = c.due.filter((d) => d.month <= monthIndex).map((d) => d.activity);
    const hoursLeft = Math.max(0, target.get(c.v)! - got);
    const slotsGot = (visitDays.get(c.v) ?? []).length;
    const count = Math.max(s.minOnsiteVisitsPerMonth - slotsGot, Math.ceil(hoursLeft / MAX_ONSITE_VISIT), due.length > 0 ? 1 : 0);
    const each = count === 0 ? 0 : Math.max(hoursLeft > 0 ? Math.min(ONSITE_VISIT, hoursLeft) : 0, MIN_VISIT, ceilSlot(hoursLeft / count));
    for (let j = 0; j < count; j++) visits.push({ v: c.v, minutes: each, kind: 'onsite', activities: j === 0 ? due : [], seq: j, count });
  }
  // Under a lawyer's monthly hours, shorten the weekday visits (never below MIN_VISIT) so every village still gets one.
  const room = cap - plan.used[m0];
  const asked = visits.reduce((sum, x) => sum + x.minutes, 0);
  if (asked > room) {
    for (const x of visits) x.minutes = Math.max(MIN_VISIT, Math.floor((x.minutes * room) / asked / SLOT) * SLOT);
  }
  // Chain near villages: pair each visit with the one whose shared trip adds least driving, when the pair fits a day.
  visits.sort((a, b) => a.seq - b.seq);
  const used = new Array<boolean>(visits.length).fill(false);
  const trips: { items: TripItem[]; seq: number; count: number }[] = [];
  for (let i = 0; i < visits.length; i++) {
    if (used[i]) continue;
    used[i] = true;
    const a = visits[i];
    const alone = 2 * plan.travel(a.v);
    let best = -1;
    let bestOrder: TripItem[] = [];
    let bestCost = Infinity;
    for (let j = i + 1; j < visits.length; j++) {
      const b = visits[j];
      if (used[j] || b.v === a.v || b.seq !== a.seq) continue;
      for (const order of [[a, b], [b, a]]) {
        const lay = plan.layout(order, false);
        if (!lay) continue;
        const driving = plan.travel(order[0].v) + ctx.villageMinutes(order[0].v, order[1].v) + plan.travel(order[1].v);
        const saved = alone + 2 * plan.travel(b.v) - driving;
        if (saved > 0 && driving < bestCost) {
          bestCost = driving;
          best = j;
          bestOrder = order;
        }
      }
    }
    if (best >= 0) {
      used[best] = true;
      trips.push({ items: bestOrder, seq: a.seq, count: Math.max(a.count, visits[best].count) });
    } else trips.push({ items: [a], seq: a.seq, count: a.count });
  }
  const placeTrip = (items: TripItem[], target: number): number => {
    const minutes = items.reduce((sum, it) => sum + it.minutes, 0);
    if (plan.used[m0] + minutes > cap) return -1;
    const vs = items.map((it) => it.v);
    let doy = workdays.length > 0 ? pickDay(workdays, target, bunchedFor(vs), (d) => plan.tryTrip(d, items, false)) : -1;
    if (doy < 0 && weekends.length > 0) {
      // No working day left: a free weekend day still gets the village its visit.
      const asWeekend = items.map((it) => ({ ...it, kind: 'weekend' as const }));
      doy = pickDay(weekends, Math.min(weekends.length - 1, Math.floor((target / Math.max(1, workdays.length)) * weekends.length)), bunchedFor(vs), (d) =>
        plan.tryTrip(d, asWeekend, true),
      );
    }
    if (doy < 0) return -1;
    plan.used[m0] += minutes;
    for (const it of items) {
      const c = charges.find((x) => x.v === it.v)!;
      addOnsite(c, it.minutes);
      mark(it.v, doy);
    }
    return doy;
  };
  trips.forEach((t, k) => {
    const target = workdays.length === 0 ? 0 : aim(k, trips.length, workdays.length, 0.5);
    if (placeTrip(t.items, target) >= 0) return;
    if (t.items.length === 2) {
      // The pair fits no day: try each village on its own.
      for (const it of t.items) placeTrip([it], target);
    }
  });
  // Activities that found no weekday visit ride on another on-site visit of the village this month.
  for (const c of charges) {
    const placedActivities = new Set<Activity>();
    const stopsOfVillage: Stop[] = [];
    for (const doy of visitDays.get(c.v) ?? []) {
      const day = plan.days.get(doy)!;
      for (const st of day.trip) if (st.v === c.v) stopsOfVillage.push(st);
      if (day.evening?.v === c.v) stopsOfVillage.push(day.evening);
    }
    for (const st of stopsOfVillage) if (st.activity) placedActivities.add(st.activity);
    for (const d of c.due) {
      if (d.month > monthIndex || placedActivities.has(d.activity)) continue;
      const free = stopsOfVillage.find((st) => !st.activity);
      if (free) {
        free.activity = d.activity;
        placedActivities.add(d.activity);
      }
    }
    c.due = c.due.filter((d) => !placedActivities.has(d.activity));
  }
  // The activity a trip item carried is fixed into its stop by layout (first activity only); a second one due the same month goes on the village's next free stop above.

  // R9: remote hours at the base, up to the remote share, to make up the month's hours.
  for (const [k, c] of charges.entries()) {
    if (c.flexible) continue;
    const got = onsiteMinutes.get(c.v) ?? 0;
    const remote = Math.min(Math.floor(s.monthlyHours * s.maxRemoteShare * 60 + 1e-9), Math.max(0, ceilSlot(s.monthlyHours * 60 - got)));
    let left = Math.min(remote, Math.max(0, cap - plan.used[m0]));
    const blocks = Math.ceil(left / MAX_REMOTE_BLOCK);
    for (let j = 0; left > 0 && j < blocks + 8; j++) {
      const size = Math.min(left, MAX_REMOTE_BLOCK);
      const target = workdays.length === 0 ? 0 : aim(j % Math.max(1, blocks), Math.max(1, blocks), workdays.length, (k + 0.5) / n);
      let placedAt = -1;
      let start = -1;
      for (const len of [size, Math.min(size, 60)]) {
        placedAt = pickDay(workdays, target, () => false, (d) => (start = plan.remoteSlot(d, len)) >= 0);
        if (placedAt >= 0) {
          plan.addRemote(placedAt, c.v, start, len);
          plan.used[m0] += len;
          left -= len;
          break;
        }
      }
      if (placedAt < 0) break;
    }
  }
}

/** Builds the visit calendar of a solution's advisers for the year (or some of its months). */
export function buildCalendar(scenario: Scenario, solution: Solution, opts: BuildOptions): Calendar {
  const { year } = opts;
  if (!Number.isInteger(year) || year < 2000 || year > 2100) throw new Error(`year: expected a whole year in 2000–2100, got ${JSON.stringify(year)}`);
  const months = monthNumbers(year, opts.months);
  const { table, provisional } = holidaysFor(year, opts.holidays);
  const days = new YearDays(year, table);
  const ctx = new Context(scenario, days);
  const geo = ctx.geo;
  const progress = opts.onProgress ?? (() => {});
  progress({ phase: 'plan visits', fraction: 0 });

  // Who advises which village, and who is on its team.
  const chargesOf = new Map<number, Charge[]>();
  const teams: { v: number; members: number[] }[] = [];
  const seen = new Set<number>();
  solution.assignments.forEach((a, i) => {
    const v = geo.villageIndex.get(a.villageId);
    if (v === undefined) throw new Error(`solution.assignments[${i}].villageId: unknown village ${JSON.stringify(a.villageId)}`);
    const l = geo.lawyerIndex.get(a.lawyerId);
    if (l === undefined) throw new Error(`solution.assignments[${i}].lawyerId: unknown lawyer ${JSON.stringify(a.lawyerId)}`);
    if (seen.has(v)) throw new Error(`solution.assignments[${i}].villageId: village ${a.villageId} is assigned twice`);
    seen.add(v);
    const members = a.team.map((id, j) => {
      const m = geo.lawyerIndex.get(id);
      if (m === undefined) throw new Error(`solution.assignments[${i}].team[${j}]: unknown lawyer ${JSON.stringify(id)}`);
      return m;
    });
    if (members.length > 0) teams.push({ v, members });
    const village = scenario.villages[v];
    const list = chargesOf.get(l) ?? [];
    chargesOf.set(l, list);
    list.push({
      v,
      flexible: village.serviceMode === 'flexible',
      evening: village.requests?.eveningSchoolPerMonth ?? 0,
      weekend: village.requests?.weekendPerMonth ?? 0,
      due: [],
      halfOnsite: [0, 0],
    });
  });
  for (const list of chargesOf.values()) {
    list.forEach((c, k) => {
      c.due = activityMonths(k, months.length).map((month, i) => ({ activity: ACTIVITIES[i], month }));
    });
  }

  // Each adviser's year, month by month. Lawyers on a team, and the advisers of team villages, keep their days for the joins below.
  const adviserOf = new Map<number, number>();
  for (const [l, charges] of chargesOf) for (const c of charges) adviserOf.set(c.v, l);
  const keep = new Set(teams.flatMap((t) => [...t.members, adviserOf.get(t.v)!]));
  // R10 over part of a half-year: the months of the half before the calendar's first are taken as served at the even rate.
  const unplannedEarlier = (m: number) => Array.from({ length: (m - 1) % 6 }, (_, i) => m - 1 - i).filter((x) => !months.includes(x)).length;
  const plans = new Map<number, LawyerPlan>();
  const visits: { l: number; doy: number; stop: Stop }[] = [];
  const lawyers = [...chargesOf.keys()].sort((a, b) => a - b);
  const collect = (l: number, plan: LawyerPlan) => {
    for (const [doy, day] of plan.days) {
      for (const st of day.trip) visits.push({ l, doy, stop: st });
      if (day.evening) visits.push({ l, doy, stop: day.evening });
      for (const r of day.remote) visits.push({ l, doy, stop: r });
    }
  };
  lawyers.forEach((l, i) => {
    const plan = new LawyerPlan(l, ctx);
    const charges = chargesOf.get(l)!;
    months.forEach((m, mi) => planMonth(ctx, plan, charges, m, mi, unplannedEarlier(m)));
    if (keep.has(l)) plans.set(l, plan);
    else collect(l, plan);
    if (i % 256 === 0) progress({ phase: 'plan visits', fraction: i / lawyers.length });
  });

  // Team mode (R3): each member joins one of the adviser's weekday on-site visits a month, the R13 one first, where free.
  if (teams.length > 0) {
    progress({ phase: 'team visits', fraction: 0 });
    for (const t of teams) {
      const adviser = plans.get(adviserOf.get(t.v)!)!;
      const byMonth = new Map<number, { doy: number; stop: Stop }[]>();
      for (const [doy, day] of [...adviser.days].sort((a, b) => a[0] - b[0])) {
        for (const st of day.trip) {
          if (st.v !== t.v || st.kind !== 'onsite') continue;
          const m = ctx.monthOfDay(doy);
          const list = byMonth.get(m) ?? [];
          byMonth.set(m, list);
          list.push({ doy, stop: st });
        }
      }
      for (const list of byMonth.values()) {
        list.sort((a, b) => Number(b.stop.activity !== undefined) - Number(a.stop.activity !== undefined) || a.doy - b.doy);
        for (const m of t.members) {
          const member = plans.get(m) ?? new LawyerPlan(m, ctx);
          plans.set(m, member);
          list.some(({ doy, stop }) => member.tryJoin(doy, stop));
        }
      }
    }
    for (const [l, plan] of plans) {
      collect(l, plan);
      for (const [doy, day] of plan.days) for (const j of day.joins) visits.push({ l, doy, stop: j.stop });
    }
  }

  visits.sort((a, b) => a.l - b.l || a.doy - b.doy || a.stop.start - b.stop.start || a.stop.v - b.stop.v);
  const out: Visit[] = visits.map(({ l, doy, stop }) => ({
    lawyerId: scenario.lawyers[l].id,
    villageId: scenario.villages[stop.v].id,
    date: days.iso[doy],
    start: clock(stop.start),
    end: clock(stop.end),
    kind: stop.kind,
    ...(stop.activity ? { activity: stop.activity } : {}),
  }));
  progress({ phase: 'summary', fraction: 0 });
  const monthIds = months.map((m) => `${year}-${String(m).padStart(2, '0')}`);
  const { summary, shortfalls } = summarise(scenario, solution, out, monthIds, year, days, chargesOf, ctx);
  progress({ phase: 'summary', fraction: 1 });
  return { schema: CALENDAR_SCHEMA, year, months: monthIds, provisional, visits: out, summary, shortfalls };
}

type Summary = Calendar['summary'][number];
type Shortfall = Calendar['shortfalls'][number];

/** The per-village monthly summary, and every rule the calendar misses, with the reason where one is known. */
function summarise(
  scenario: Scenario,
  solution: Solution,
  visits: Visit[],
  monthIds: string[],
  year: number,
  days: YearDays,
  chargesOf: Map<number, Charge[]>,
  ctx: Context,
): { summary: Summary[]; shortfalls: Shortfall[] } {
  const s = scenario.policy.service;
  const rows = new Map<string, Summary>();
  const activities = new Map<string, Set<Activity>>();
  for (const v of visits) {
    const month = v.date.slice(0, 7);
    const key = `${v.villageId}\u0000${month}`;
    let row = rows.get(key);
    if (!row) rows.set(key, (row = { villageId: v.villageId, month, onsiteHours: 0, remoteHours: 0, onsiteVisits: 0, eveningSchool: 0, weekend: 0 }));
    const h = (toMinutes(v.end) - toMinutes(v.start)) / 60;
    if (v.kind === 'remote') row.remoteHours += h;
    else {
      row.onsiteHours += h;
      row.onsiteVisits++;
      if (v.kind === 'evening-school') row.eveningSchool++;
      if (v.kind === 'weekend') row.weekend++;
    }
    if (v.activity) {
      const set = activities.get(v.villageId) ?? new Set();
      activities.set(v.villageId, set);
      set.add(v.activity);
    }
  }
  const summary: Summary[] = [];
  const shortfalls: Shortfall[] = [];
  const fmt = (h: number) => String(Math.round(h * 100) / 100);
  const remoteCap = s.monthlyHours * s.maxRemoteShare;
  const wholeYear = monthIds.length === 12;
  const adviserOf = new Map<number, number>();
  for (const [l, charges] of chargesOf) for (const c of charges) adviserOf.set(c.v, l);

  /** Why a lawyer's month fell short: the working days they had, and their monthly hours when capped. */
  const reason = (l: number, month: string): string => {
    const m = Number(month.slice(5, 7));
    const lawyer = scenario.lawyers[l];
    const off = new Set(lawyer.unavailable ?? []);
    let work = 0;
    let weekend = 0;
    for (let d = days.monthStart[m - 1]; d < days.monthStart[m]; d++) {
      if (off.has(days.iso[d])) continue;
      if (days.kind[d] === WORKDAY) work++;
      else if (days.kind[d] === WEEKEND) weekend++;
    }
    const cap = lawyer.monthlyHours !== undefined ? `,每月可服务 ${fmt(lawyer.monthlyHours)} 小时` : '';
    return `顾问${lawyer.name}本月可用工作日 ${work} 天、周末 ${weekend} 天${cap}`;
  };

  for (const a of solution.assignments) {
    const v = ctx.geo.villageIndex.get(a.villageId)!;
    const village = scenario.villages[v];
    const l = adviserOf.get(v)!;
    const lawyerId = scenario.lawyers[l].id;
    const flexible = village.serviceMode === 'flexible';
    const add = (rule: RuleId, month: string | undefined, detail: string) =>
      shortfalls.push({ rule, villageId: village.id, lawyerId, ...(month !== undefined ? { month } : {}), detail });
    for (const month of monthIds) {
      const row = rows.get(`${village.id}\u0000${month}`) ?? { villageId: village.id, month, onsiteHours: 0, remoteHours: 0, onsiteVisits: 0, eveningSchool: 0, weekend: 0 };
      summary.push(row);
      const name = `${village.name}${month}`;
      if (row.onsiteVisits < s.minOnsiteVisitsPerMonth) add('R8', month, `${name}现场服务 ${row.onsiteVisits} 次,少于每月 ${s.minOnsiteVisitsPerMonth} 次(${reason(l, month)})`);
      const counted = row.onsiteHours + Math.min(row.remoteHours, remoteCap);
      if (!flexible && counted < s.monthlyHours - 1e-9)
        add('R9', month, `${name}服务 ${fmt(counted)} 小时(现场 ${fmt(row.onsiteHours)}、非现场 ${fmt(row.remoteHours)}),不足每月 ${fmt(s.monthlyHours)} 小时(${reason(l, month)})`);
      const wants = village.requests;
      if (wants && row.eveningSchool < wants.eveningSchoolPerMonth)
        add('R12', month, `${name}法律夜校 ${row.eveningSchool} 次,村里申请 ${wants.eveningSchoolPerMonth} 次(${reason(l, month)})`);
      if (wants && row.weekend < wants.weekendPerMonth) add('R12', month, `${name}周末服务 ${row.weekend} 次,村里申请 ${wants.weekendPerMonth} 次(${reason(l, month)})`);
    }
    if (flexible) {
      for (const [label, first] of [['上半年', 1], ['下半年', 7]] as const) {
        const halfMonths = Array.from({ length: 6 }, (_, i) => `${year}-${String(first + i).padStart(2, '0')}`);
        if (!halfMonths.every((m) => monthIds.includes(m))) continue;
        const onsite = halfMonths.reduce((sum, m) => sum + (rows.get(`${village.id}\u0000${m}`)?.onsiteHours ?? 0), 0);
        if (onsite < s.flexibleHalfYearOnsiteHours - 1e-9)
          add('R10', halfMonths[5], `${village.name}(弹性服务)${year}年${label}现场服务 ${fmt(onsite)} 小时,不足 ${fmt(s.flexibleHalfYearOnsiteHours)} 小时`);
      }
    }
    if (wholeYear) {
      const got = activities.get(village.id) ?? new Set();
      const names: Record<Activity, string> = { 'law-class': '乡村振兴法治课', 'dispute-screening': '矛盾纠纷排查', consultation: '涉农法律咨询' };
      const missing = ACTIVITIES.filter((x) => !got.has(x));
      if (missing.length > 0) add('R13', String(year), `${village.name}${year}年未能安排${missing.map((x) => names[x]).join('、')}`);
    }
  }
  return { summary, shortfalls };
}
