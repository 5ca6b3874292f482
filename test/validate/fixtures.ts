/**
 * Tiny hand-made scenarios, plans and calendars for the validator's tests.
 *
 * The map: city C1 with county K1 (towns T1, T2); city C2 with county K2 (town T3).
 *   firms    F1 [113.00, 23.00] and F2 [113.00, 23.10] in K1; F3 [114.00, 23.00] in K2
 *   lawyers  L1 (F1, land), L2 (F1, family), L3 (F2, labour), I1 (F1 intern, family),
 *            L9 (F3 in city C2, based at [113.03, 23.00] near C1's villages)
 *   villages V1 [113.01, 23.00] and V2 [113.02, 23.01] in T1; V3 [113.00, 23.09] in T2
 */
import {
  type Calendar,
  type LonLat,
  parseCalendar,
  parseScenario,
  parseSolution,
  type Scenario,
  type ScenarioInput,
  type Solution,
  type UncoveredReason,
  type Visit,
} from '../../src/domain/index.js';
import { ScenarioIndex } from '../../src/validate/context.js';
import { recomputeMetrics } from '../../src/validate/metrics.js';
import { recomputePreferences } from '../../src/validate/preferences.js';
import type { Violation } from '../../src/validate/index.js';

export function baseScenario(): ScenarioInput {
  return {
    schema: 'ovola.scenario/v1',
    name: 'tiny',
    year: 2025,
    regions: [
      { id: 'C1', name: 'City One', level: 'city' },
      { id: 'K1', name: 'County One', level: 'county', parentId: 'C1' },
      { id: 'T1', name: 'Town One', level: 'town', parentId: 'K1' },
      { id: 'T2', name: 'Town Two', level: 'town', parentId: 'K1' },
      { id: 'C2', name: 'City Two', level: 'city' },
      { id: 'K2', name: 'County Two', level: 'county', parentId: 'C2' },
      { id: 'T3', name: 'Town Three', level: 'town', parentId: 'K2' },
    ],
    firms: [
      { id: 'F1', name: 'Firm One', location: [113.0, 23.0], regionId: 'K1' },
      { id: 'F2', name: 'Firm Two', location: [113.0, 23.1], regionId: 'K1' },
      { id: 'F3', name: 'Firm Three', location: [114.0, 23.0], regionId: 'K2' },
    ],
    lawyers: [
      { id: 'L1', name: 'Lawyer One', firmId: 'F1', status: 'practicing', specialties: ['land'] },
      { id: 'L2', name: 'Lawyer Two', firmId: 'F1', status: 'practicing', specialties: ['family'] },
      { id: 'L3', name: 'Lawyer Three', firmId: 'F2', status: 'practicing', specialties: ['labour'] },
      { id: 'I1', name: 'Intern One', firmId: 'F1', status: 'intern', specialties: ['family'] },
      { id: 'L9', name: 'Lawyer Nine', firmId: 'F3', status: 'practicing', specialties: [], base: [113.03, 23.0] },
    ],
    villages: [
      { id: 'V1', name: 'Village One', townId: 'T1', kind: 'village', location: [113.01, 23.0] },
      { id: 'V2', name: 'Village Two', townId: 'T1', kind: 'village', location: [113.02, 23.01] },
      { id: 'V3', name: 'Village Three', townId: 'T2', kind: 'community', location: [113.0, 23.09] },
    ],
  };
}

/** The tiny scenario, changed by `edit` before parsing. */
export function scenario(edit?: (s: ScenarioInput) => void): Scenario {
  const s = baseScenario();
  edit?.(s);
  return parseScenario(s);
}

/** The entry with this id, to edit in place. */
export function byId<T extends { id: string }>(items: T[], id: string): T {
  const found = items.find((x) => x.id === id);
  if (!found) throw new Error(`no ${id} in fixture`);
  return found;
}

/** A plan written by hand: village → adviser, or [adviser, ...team]. */
export interface Plan {
  assign?: Record<string, string | string[]>;
  uncovered?: Record<string, UncoveredReason>;
  firmTowns?: Record<string, string>;
  missingNeeds?: Record<string, string[]>;
}

/** The fixture's own road km (its own haversine, R = 6371.0088 km), so the validator's distance is checked, not reused. */
export function fixtureRoadKm(s: Scenario, lawyerId: string, villageId: string): number {
  const override = s.travelOverrides.find((o) => o.lawyerId === lawyerId && o.villageId === villageId);
  if (override) return override.km;
  const l = s.lawyers.find((x) => x.id === lawyerId);
  const v = s.villages.find((x) => x.id === villageId);
  if (!l || !v) return 0;
  const from = (l.base ?? s.firms.find((f) => f.id === l.firmId)?.location) as LonLat;
  const rad = Math.PI / 180;
  const [lon1, lat1] = from;
  const [lon2, lat2] = v.location;
  const h = Math.sin(((lat2 - lat1) * rad) / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(((lon2 - lon1) * rad) / 2) ** 2;
  return 2 * 6371.0088 * Math.asin(Math.sqrt(h)) * s.policy.travel.detourFactor;
}

/**
 * A solution of the plan with every metric filled in to match (status optimal, bound = objective);
 * `edit` then changes the finished document, e.g. to break a metric.
 */
export function solution(s: Scenario, plan: Plan, edit?: (sol: Solution) => void): Solution {
  const draft: Solution = {
    schema: 'ovola.solution/v1',
    method: 'optimal',
    mode: s.policy.mode,
    status: 'optimal',
    weights: s.policy.weights,
    assignments: Object.entries(plan.assign ?? {}).map(([villageId, who]) => {
      const [lawyerId, ...team] = typeof who === 'string' ? [who] : who;
      const firmId = s.lawyers.find((l) => l.id === lawyerId)?.firmId ?? 'F1';
      const travelKm = Math.round(fixtureRoadKm(s, lawyerId, villageId) * 1000) / 1000;
      const missingNeeds = plan.missingNeeds?.[villageId];
      return { villageId, lawyerId, team, firmId, travelKm, ...(missingNeeds ? { missingNeeds } : {}) };
    }),
    ...(plan.firmTowns ? { firmTowns: Object.entries(plan.firmTowns).map(([townId, firmId]) => ({ townId, firmId })) } : {}),
    uncovered: Object.entries(plan.uncovered ?? {}).map(([villageId, reason]) => ({ villageId, reason, detail: 'test' })),
    metrics: emptyMetrics(),
    blockingPairs: [],
  };
  fillMetrics(s, draft);
  const doc = structuredClone(draft);
  edit?.(doc);
  return parseSolution(doc);
}

/** The plan most tests start from (V1→L1, V2→L2, V3→L3): every rule holds. */
export const GOOD: Plan = { assign: { V1: 'L1', V2: 'L2', V3: 'L3' } };

/** The rule ids of a list of violations, in order. */
export const rules = (violations: Violation[]) => violations.map((v) => v.rule);

// ── calendars ──────────────────────────────────────────────────────────────

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * The days off of 2025 that fall on Monday–Friday (国务院办公厅 2025 schedule), written out here so the
 * fixture does not lean on the data the validator reads: 元旦, 春节, 清明, 劳动节, 端午, 国庆 and 中秋.
 */
export const WEEKDAYS_OFF_2025 = new Set([
  '2025-01-01', '2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31', '2025-02-03', '2025-02-04', '2025-04-04',
  '2025-05-01', '2025-05-02', '2025-05-05', '2025-06-02', '2025-10-01', '2025-10-02', '2025-10-03', '2025-10-06',
  '2025-10-07', '2025-10-08',
]);

/** The n-th Monday–Friday (1-based) of a month that is not a day off, as YYYY-MM-DD. */
export function weekday(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number);
  let seen = 0;
  for (let d = 1; d <= 31; d++) {
    const day = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
    if (day !== 0 && day !== 6 && !WEEKDAYS_OFF_2025.has(`${month}-${pad(d)}`) && ++seen === n) return `${month}-${pad(d)}`;
  }
  throw new Error(`no weekday ${n} in ${month}`);
}

/** The n-th Saturday (1-based) of a month. */
export function saturday(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number);
  let seen = 0;
  for (let d = 1; d <= 31; d++) if (new Date(Date.UTC(y, m - 1, d)).getUTCDay() === 6 && ++seen === n) return `${month}-${pad(d)}`;
  throw new Error(`no Saturday ${n} in ${month}`);
}

/**
 * The usual month of every assigned village: one on-site morning (09:00–13:00) and a remote
 * afternoon (14:00–18:00) by the adviser, on the k-th weekday for the adviser's k-th village.
 */
export function regularVisits(sol: Solution, months: string[]): Visit[] {
  const visits: Visit[] = [];
  const nth = new Map<string, number>();
  for (const a of sol.assignments) {
    const k = (nth.get(a.lawyerId) ?? 0) + 1;
    nth.set(a.lawyerId, k);
    for (const month of months) {
      const date = weekday(month, k);
      visits.push({ lawyerId: a.lawyerId, villageId: a.villageId, date, start: '09:00', end: '13:00', kind: 'onsite' });
      visits.push({ lawyerId: a.lawyerId, villageId: a.villageId, date, start: '14:00', end: '18:00', kind: 'remote' });
    }
  }
  return visits;
}

/** A calendar of these visits with its summary rows computed by the fixture (months of the calendar only). */
export function calendar(months: string[], visits: Visit[], edit?: (c: Calendar) => void): Calendar {
  const rows = new Map<string, Calendar['summary'][number]>();
  const minutes = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3));
  for (const v of visits) {
    const month = v.date.slice(0, 7);
    if (!months.includes(month)) continue;
    const key = `${v.villageId} ${month}`;
    const row = rows.get(key) ?? { villageId: v.villageId, month, onsiteHours: 0, remoteHours: 0, onsiteVisits: 0, eveningSchool: 0, weekend: 0 };
    rows.set(key, row);
    const h = Math.max(0, minutes(v.end) - minutes(v.start)) / 60;
    if (v.kind === 'remote') row.remoteHours += h;
    else {
      row.onsiteHours += h;
      row.onsiteVisits += 1;
      if (v.kind === 'evening-school') row.eveningSchool += 1;
      if (v.kind === 'weekend') row.weekend += 1;
    }
  }
  const doc: Calendar = { schema: 'ovola.calendar/v1', year: 2025, months, provisional: false, visits, summary: [...rows.values()], shortfalls: [] };
  edit?.(doc);
  return parseCalendar(doc);
}

/** All twelve months of 2025. */
export const YEAR = Array.from({ length: 12 }, (_, i) => `2025-${pad(i + 1)}`);

/** Metrics with every figure zero, to be filled in by `fillMetrics`. */
export function emptyMetrics(): Solution['metrics'] {
  return {
    objective: 0,
    bound: 0,
    gap: 0,
    travelKm: { total: 0, mean: 0, p95: 0, max: 0 },
    load: { histogram: {}, max: 0 },
    preferences: { villageRankHistogram: {}, lawyerRankHistogram: {}, blockingPairs: { count: 0, villages: 0 } },
    changes: { vsBaseline: 0, byCounty: {}, vacated: 0 },
    solveMs: 1,
  };
}

/** Fills a hand-made plan's metrics with the validator's own recomputation, so only the rule under test can fail. */
export function fillMetrics(s: Scenario, doc: Solution): void {
  const ix = new ScenarioIndex(s);
  const m = recomputeMetrics(ix, doc);
  Object.assign(doc.metrics, { objective: m.objective, bound: m.objective, travelKm: m.travelKm, load: m.load, changes: m.changes });
  if (m.vacated.length > 0) doc.changes = { vacated: m.vacated };
  const { pairs, ...preferences } = recomputePreferences(ix, doc);
  doc.metrics.preferences = preferences;
  doc.blockingPairs = pairs;
}
