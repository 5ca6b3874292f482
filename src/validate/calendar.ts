import type { Calendar, HolidayTable, LonLat, Solution, Visit } from '../domain/index.js';
import type { ScenarioIndex } from './context.js';
import { haversineKm } from './geo.js';
import { type HolidayView, holidayView } from './holidays.js';
import type { Violation } from './violation.js';

/**
 * A violation of a service rule for one village over some months; a declared shortfall over those months
 * excuses it. `request`: an R12 evening-school or weekend visit a village asked for, which is a wish the
 * calendar meets where it can, so an unmet one is a warning, never a violation.
 */
type ServiceViolation = Violation & { months?: string[]; request?: boolean };

/**
 * Something a calendar leaves undone that breaks no hard rule, for a person to look at: a shortfall the
 * calendar declares, an R12 request the validator finds unmet, or a calendar for another year than the
 * scenario's. By rule, village and month where it concerns one.
 */
export interface Warning {
  rule: Violation['rule'];
  villageId?: string;
  lawyerId?: string;
  month?: string;
  message: string;
}

/** What a village got in one month. */
interface MonthTally {
  onsiteHours: number;
  remoteHours: number;
  onsiteVisits: number;
  eveningSchool: number;
  weekend: number;
}

const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
const hours = (v: Visit) => Math.max(0, minutes(v.end) - minutes(v.start)) / 60;
/** 0 = Sunday … 6 = Saturday */
const weekday = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay();
const DAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const monthOf = (date: string) => date.slice(0, 7);
const fmt = (h: number) => String(Math.round(h * 100) / 100);

/** Village id → the lawyers who serve it (adviser and team), from its first assignment. */
function servingLawyers(ix: ScenarioIndex, solution: Solution): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const a of solution.assignments) {
    if (ix.villages.has(a.villageId) && !out.has(a.villageId)) out.set(a.villageId, new Set([a.lawyerId, ...a.team]));
  }
  return out;
}

function tally(calendar: Calendar): Map<string, MonthTally> {
  const out = new Map<string, MonthTally>();
  for (const v of calendar.visits) {
    const key = `${v.villageId}\u0000${monthOf(v.date)}`;
    let t = out.get(key);
    if (!t) out.set(key, (t = { onsiteHours: 0, remoteHours: 0, onsiteVisits: 0, eveningSchool: 0, weekend: 0 }));
    if (v.kind === 'remote') t.remoteHours += hours(v);
    else {
      t.onsiteHours += hours(v);
      t.onsiteVisits++;
      if (v.kind === 'evening-school') t.eveningSchool++;
      if (v.kind === 'weekend') t.weekend++;
    }
  }
  return out;
}

// REFERENCE, SCHEDULE and R12: each visit is by a lawyer of the village, inside the calendar, well formed, on a day the lawyer is free, never on a holiday, and of a kind that fits its day.
function checkVisits(ix: ScenarioIndex, calendar: Calendar, serving: Map<string, Set<string>>, days: HolidayView): Violation[] {
  const out: Violation[] = [];
  const months = new Set(calendar.months);
  calendar.visits.forEach((visit, i) => {
    const path = `visits[${i}]`;
    const { villageId, lawyerId, date } = visit;
    const at = { villageId, lawyerId, path };
    const lawyer = ix.lawyers.get(lawyerId);
    if (!ix.villages.has(villageId)) out.push({ rule: 'REFERENCE', message: `visit to unknown village ${villageId}`, ...at });
    else if (!lawyer) out.push({ rule: 'REFERENCE', message: `visit to village ${villageId} by unknown lawyer ${lawyerId}`, ...at });
    else if (!serving.has(villageId)) out.push({ rule: 'REFERENCE', message: `visit to village ${villageId}, which has no adviser in the plan`, ...at });
    else if (!serving.get(villageId)?.has(lawyerId))
      out.push({ rule: 'REFERENCE', message: `lawyer ${lawyerId} visits village ${villageId} but is neither its adviser nor on its team`, ...at });

    if (Number(date.slice(0, 4)) !== calendar.year || !months.has(monthOf(date)))
      out.push({ rule: 'SCHEDULE', message: `visit on ${date} lies outside the calendar (${calendar.year}: ${calendar.months.join(', ')})`, ...at });
    if (minutes(visit.start) >= minutes(visit.end))
      out.push({ rule: 'SCHEDULE', message: `visit on ${date} starts at ${visit.start} but ends at ${visit.end}`, ...at });
    if (lawyer?.unavailable?.includes(date))
      out.push({ rule: 'SCHEDULE', message: `lawyer ${lawyerId} is unavailable on ${date} but visits village ${villageId}`, ...at });

    const day = weekday(date);
    const weekend = day === 0 || day === 6;
    const makeUp = days.work.has(date);
    if (days.off.has(date))
      out.push({ rule: 'SCHEDULE', message: `${visit.kind} visit on ${date} falls on a holiday (${days.source === 'statutory' ? 'a statutory holiday' : 'a day off in the holiday table'})`, ...at });
    else if ((visit.kind === 'onsite' || visit.kind === 'remote') && weekend && !makeUp)
      out.push({ rule: 'SCHEDULE', message: `${visit.kind} visit on ${date} falls on a ${DAY_NAMES[day]} that is not a make-up working day`, ...at });
    if (visit.kind === 'evening-school') {
      if (weekend && !makeUp)
        out.push({ rule: 'R12', message: `evening school on ${date} falls on a ${DAY_NAMES[day]}, not a weekday`, ...at });
      if (minutes(visit.start) < 18 * 60)
        out.push({ rule: 'R12', message: `evening school on ${date} starts at ${visit.start}, before 18:00`, ...at });
    }
    if (visit.kind === 'weekend' && !weekend) out.push({ rule: 'R12', message: `weekend visit on ${date} falls on a ${DAY_NAMES[day]}`, ...at });
    else if (visit.kind === 'weekend' && makeUp)
      out.push({ rule: 'R12', message: `weekend visit on ${date} falls on a make-up working day (调休), not a free weekend day`, ...at });
  });
  calendar.months.forEach((m, i) => {
    if (Number(m.slice(0, 4)) !== calendar.year)
      out.push({ rule: 'SCHEDULE', message: `month ${m} is not in the calendar year ${calendar.year}`, path: `months[${i}]` });
  });
  return out;
}

// SCHEDULE: no lawyer is in two places at once, and between two on-site visits to different villages on one day lies at least the drive between them.
function checkOverlaps(ix: ScenarioIndex, calendar: Calendar): Violation[] {
  const { detourFactor, speedKmh } = ix.scenario.policy.travel;
  const driveMinutes = (a: string, b: string): number => {
    const va = ix.villages.get(a);
    const vb = ix.villages.get(b);
    if (!va || !vb || a === b) return 0;
    return ((haversineKm(va.location as LonLat, vb.location as LonLat) * detourFactor) / speedKmh) * 60;
  };
  const out: Violation[] = [];
  const byLawyerDay = new Map<string, number[]>();
  calendar.visits.forEach((v, i) => {
    const key = `${v.lawyerId}\u0000${v.date}`;
    const list = byLawyerDay.get(key);
    if (list) list.push(i);
    else byLawyerDay.set(key, [i]);
  });
  for (const list of byLawyerDay.values()) {
    if (list.length < 2) continue;
    list.sort((a, b) => minutes(calendar.visits[a].start) - minutes(calendar.visits[b].start));
    let last = list[0];
    for (const i of list.slice(1)) {
      const prev = calendar.visits[last];
      const cur = calendar.visits[i];
      if (minutes(cur.start) < minutes(prev.end)) {
        out.push({
          rule: 'SCHEDULE',
          message: `lawyer ${cur.lawyerId} has overlapping visits on ${cur.date}: ${prev.villageId} ${prev.start}–${prev.end} and ${cur.villageId} ${cur.start}–${cur.end}`,
          lawyerId: cur.lawyerId,
          villageId: cur.villageId,
          path: `visits[${i}]`,
        });
      }
      if (minutes(cur.end) > minutes(prev.end)) last = i;
    }
    // Travel between consecutive on-site visits; half a minute of slack for rounding.
    const onsite = list.filter((i) => calendar.visits[i].kind !== 'remote');
    for (let k = 1; k < onsite.length; k++) {
      const prev = calendar.visits[onsite[k - 1]];
      const cur = calendar.visits[onsite[k]];
      const gap = minutes(cur.start) - minutes(prev.end);
      if (gap < 0) continue; // an overlap, reported above
      const need = driveMinutes(prev.villageId, cur.villageId);
      if (gap + 0.5 < need)
        out.push({
          rule: 'SCHEDULE',
          message: `lawyer ${cur.lawyerId} on ${cur.date} leaves ${prev.villageId} at ${prev.end} and starts at ${cur.villageId} at ${cur.start}: ${gap} min for a drive of ${Math.ceil(need)} min`,
          lawyerId: cur.lawyerId,
          villageId: cur.villageId,
          path: `visits[${onsite[k]}]`,
        });
    }
  }
  return out;
}

// R8, R9, R10, R12, R13: every assigned village gets its monthly visits and hours, its half-year hours when flexible, its requested evening and weekend slots, and its yearly activities.
function checkService(ix: ScenarioIndex, calendar: Calendar, serving: Map<string, Set<string>>, tallies: Map<string, MonthTally>): ServiceViolation[] {
  const out: ServiceViolation[] = [];
  const s = ix.scenario.policy.service;
  const months = [...new Set(calendar.months)];
  const monthList = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, k) => `${calendar.year}-${String(from + k).padStart(2, '0')}`);
  const halves = [
    { label: `${calendar.year}-H1`, months: monthList(1, 6) },
    { label: `${calendar.year}-H2`, months: monthList(7, 12) },
  ].filter((h) => h.months.every((m) => months.includes(m)));
  const wholeYear = monthList(1, 12).every((m) => months.includes(m));
  const activities = new Map<string, Set<string>>();
  for (const v of calendar.visits) {
    if (!v.activity) continue;
    const set = activities.get(v.villageId);
    if (set) set.add(v.activity);
    else activities.set(v.villageId, new Set([v.activity]));
  }
  const minOnsiteHours = s.monthlyHours * (1 - s.maxRemoteShare);
  const remoteCap = s.monthlyHours * s.maxRemoteShare;

  for (const villageId of serving.keys()) {
    const village = ix.villages.get(villageId);
    if (!village) continue;
    const flexible = village.serviceMode === 'flexible';
    const wants = village.requests;
    for (const month of months) {
      const t = tallies.get(`${villageId}\u0000${month}`) ?? { onsiteHours: 0, remoteHours: 0, onsiteVisits: 0, eveningSchool: 0, weekend: 0 };
      const at = { villageId, months: [month] };
      if (t.onsiteVisits < s.minOnsiteVisitsPerMonth)
        out.push({ rule: 'R8', message: `village ${villageId} has ${t.onsiteVisits} on-site visits in ${month}, needs ${s.minOnsiteVisitsPerMonth}`, ...at });
      const counted = t.onsiteHours + Math.min(t.remoteHours, remoteCap);
      if (!flexible && counted < s.monthlyHours - 1e-9)
        out.push({
          rule: 'R9',
          message: `village ${villageId} gets ${fmt(counted)} h in ${month} (${fmt(t.onsiteHours)} on site, ${fmt(t.remoteHours)} remote, at most ${fmt(remoteCap)} remote counted), needs ${fmt(s.monthlyHours)} with ≥ ${fmt(minOnsiteHours)} on site`,
          ...at,
        });
      if (wants && t.eveningSchool < wants.eveningSchoolPerMonth)
        out.push({ rule: 'R12', message: `village ${villageId} has ${t.eveningSchool} evening-school visits in ${month}, asked for ${wants.eveningSchoolPerMonth}`, ...at, request: true });
      if (wants && t.weekend < wants.weekendPerMonth)
        out.push({ rule: 'R12', message: `village ${villageId} has ${t.weekend} weekend visits in ${month}, asked for ${wants.weekendPerMonth}`, ...at, request: true });
    }
    if (flexible) {
      for (const half of halves) {
        const onsite = half.months.reduce((sum, m) => sum + (tallies.get(`${villageId}\u0000${m}`)?.onsiteHours ?? 0), 0);
        if (onsite < s.flexibleHalfYearOnsiteHours - 1e-9)
          out.push({
            rule: 'R10',
            message: `flexible village ${villageId} gets ${fmt(onsite)} on-site hours in ${half.months[0]}…${half.months[5]}, needs ${fmt(s.flexibleHalfYearOnsiteHours)}`,
            villageId,
            months: [half.label, ...half.months],
          });
      }
    }
    if (wholeYear) {
      const got = activities.get(villageId) ?? new Set();
      const missing = ['law-class', 'dispute-screening', 'consultation'].filter((a) => !got.has(a));
      if (missing.length > 0)
        out.push({ rule: 'R13', message: `village ${villageId} has no ${missing.join(', ')} in ${calendar.year}`, villageId, months: [String(calendar.year), ...monthList(1, 12)] });
    }
  }
  return out;
}

// METRICS: each summary row matches the visits of its village and month, and every village-month with visits has a row.
function checkSummary(ix: ScenarioIndex, calendar: Calendar, tallies: Map<string, MonthTally>): Violation[] {
  const out: Violation[] = [];
  const months = new Set(calendar.months);
  const seen = new Set<string>();
  calendar.summary.forEach((row, i) => {
    const path = `summary[${i}]`;
    const key = `${row.villageId}\u0000${row.month}`;
    const where = `village ${row.villageId}, ${row.month}`;
    if (!ix.villages.has(row.villageId)) out.push({ rule: 'REFERENCE', message: `summary row for unknown village ${row.villageId}`, villageId: row.villageId, path });
    if (!months.has(row.month)) out.push({ rule: 'METRICS', message: `summary row for ${where}: month not in the calendar`, villageId: row.villageId, path });
    if (seen.has(key)) {
      out.push({ rule: 'METRICS', message: `second summary row for ${where}`, villageId: row.villageId, path });
      return;
    }
    seen.add(key);
    const t = tallies.get(key) ?? { onsiteHours: 0, remoteHours: 0, onsiteVisits: 0, eveningSchool: 0, weekend: 0 };
    for (const field of ['onsiteHours', 'remoteHours', 'onsiteVisits', 'eveningSchool', 'weekend'] as const) {
      if (Math.abs(row[field] - t[field]) > 0.01)
        out.push({ rule: 'METRICS', message: `summary for ${where}: ${field} is ${row[field]}, the visits give ${fmt(t[field])}`, villageId: row.villageId, path: `${path}.${field}` });
    }
  });
  for (const key of tallies.keys()) {
    if (seen.has(key)) continue;
    const [villageId, month] = key.split('\u0000');
    if (months.has(month)) out.push({ rule: 'METRICS', message: `no summary row for village ${villageId}, ${month}, which has visits`, villageId, path: 'summary' });
  }
  return out;
}

/** True when the calendar declared this shortfall itself (same rule and village, and the month among those concerned). */
function declared(calendar: Calendar, v: ServiceViolation): boolean {
  return calendar.shortfalls.some(
    (s) => s.rule === v.rule && s.villageId === v.villageId && (s.month === undefined || (v.months ?? []).includes(s.month)),
  );
}

/**
 * Every check of a visit calendar against the plan and the scenario; declared shortfalls and unmet R12
 * requests are not violations (see `calendarWarnings`).
 */
export function checkCalendar(ix: ScenarioIndex, solution: Solution, calendar: Calendar, holidays?: HolidayTable): Violation[] {
  const serving = servingLawyers(ix, solution);
  const tallies = tally(calendar);
  const service = checkService(ix, calendar, serving, tallies)
    .filter((v) => !v.request && !declared(calendar, v))
    .map(({ months: _months, request: _request, ...v }) => v);
  const days = holidayView(calendar.year, holidays);
  return [...checkVisits(ix, calendar, serving, days), ...checkOverlaps(ix, calendar), ...service, ...checkSummary(ix, calendar, tallies)];
}

/**
 * What the calendar leaves undone without breaking a hard rule: a calendar for another year than the
 * scenario's, every shortfall the calendar declares (its rule, village, month and words), then every R12
 * evening-school or weekend request the visits do not meet that the calendar did not declare.
 */
export function calendarWarnings(ix: ScenarioIndex, solution: Solution, calendar: Calendar): Warning[] {
  const out: Warning[] = [];
  if (calendar.year !== ix.scenario.year)
    out.push({ rule: 'SCHEDULE', message: `the calendar is for ${calendar.year}, but the scenario is for ${ix.scenario.year}` });
  for (const s of calendar.shortfalls) {
    out.push({
      rule: s.rule,
      ...(s.villageId !== undefined ? { villageId: s.villageId } : {}),
      ...(s.lawyerId !== undefined ? { lawyerId: s.lawyerId } : {}),
      ...(s.month !== undefined ? { month: s.month } : {}),
      message: s.detail,
    });
  }
  const serving = servingLawyers(ix, solution);
  for (const v of checkService(ix, calendar, serving, tally(calendar))) {
    if (!v.request || declared(calendar, v)) continue;
    out.push({ rule: v.rule, ...(v.villageId !== undefined ? { villageId: v.villageId } : {}), month: v.months?.[0], message: v.message });
  }
  return out;
}
