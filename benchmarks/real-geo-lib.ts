/**
 * The real-geography benchmark's parts (benchmarks/real-geo.ts runs them, test/bench/real-geo.test.ts
 * checks them): reading Guangdong's divisions from a directory outside the project, and the cases run on
 * each city's scenario through the project's public functions, as the CLI's solve, validate and replan.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import gcoordModule from 'gcoord';
import { replanScenario, type Change } from '../src/domain/changes.js';
import { parseScenario, type LonLat, type Scenario, type ScenarioInput, type ServiceMode, type Solution } from '../src/domain/index.js';
import { classOfCity } from '../scripts/calibrate-generator.js';
import { round6 } from '../src/gen/geometry.js';
import { Rng } from '../src/gen/random.js';
import type { RealCity, RealCounty, RealTown } from '../src/gen/real.js';
import { pointToWgs84 } from '../src/geo/crs.js';
import { Geography } from '../src/geo/geography.js';
import { CostModel } from '../src/solver/costs.js';
import { travelStats } from '../src/solver/report.js';
import { objectiveOf, solve, solveAsync } from '../src/solver/solve.js';
import { validateSolution, type Violation } from '../src/validate/index.js';
import { greedyAssignment } from './greedy.js';

const gcoord = ((gcoordModule as { default?: unknown }).default ?? gcoordModule) as typeof gcoordModule.default;

/** The bureaus' telephone area codes (public knowledge, not from the divisions files). */
const AREA_CODES: Record<string, string> = {
  '4401': '020', '4402': '0751', '4403': '0755', '4404': '0756', '4405': '0754', '4406': '0757', '4407': '0750',
  '4408': '0759', '4409': '0668', '4412': '0758', '4413': '0752', '4414': '0753', '4415': '0660', '4416': '0762',
  '4417': '0662', '4418': '0763', '4419': '0769', '4420': '0760', '4451': '0768', '4452': '0663', '4453': '0766',
};

const FILES = ['guangdong-cities.csv', 'guangdong-counties.csv', 'guangdong-towns.csv', 'guangdong-villages.csv'] as const;

/** True when `dir` holds the four divisions files the benchmark reads. */
export function hasGeography(dir: string): boolean {
  return FILES.every((f) => existsSync(join(dir, f)));
}

function readCsv(path: string): Record<string, string>[] {
  return parse(readFileSync(path, 'utf8'), { columns: true, skip_empty_lines: true }) as Record<string, string>[];
}

/**
 * The divisions files' points are GCJ-02 (their README): each is taken to WGS-84 with the project's own
 * conversion (src/geo/crs.ts) and rounded to 6 decimals, so the scenarios are WGS-84 as `crs` absent says.
 */
const wgs84 = (lon: string, lat: string): LonLat => {
  const [x, y] = pointToWgs84([Number(lon), Number(lat)], 'gcj02');
  return [round6(x), round6(y)];
};

/**
 * Guangdong's real map from the divisions files in `dir`: the 21 cities (4-digit codes), their counties,
 * the real 镇街 (NBS "special" units left out) and the real 村/社区 (virtual and other units left out, and
 * those under special units), everything in code order.
 */
export function readDivisions(dir: string): RealCity[] {
  const [cityRows, countyRows, townRows, villageRows] = FILES.map((f) => readCsv(join(dir, f)));
  const towns = new Map<string, RealTown>();
  const townsOf = new Map<string, RealTown[]>();
  for (const r of townRows) {
    if (r.kind !== 'street' && r.kind !== 'town' && r.kind !== 'township') continue;
    const t: RealTown = { code: r.code, name: r.name, kind: r.kind, centre: wgs84(r.lon, r.lat), villages: [] };
    towns.set(t.code, t);
    townsOf.set(r.county_code, [...(townsOf.get(r.county_code) ?? []), t]);
  }
  for (const r of villageRows) {
    if (r.kind !== 'village' && r.kind !== 'community') continue;
    towns.get(r.town_code)?.villages.push({ code: r.code, name: r.name, kind: r.kind, location: wgs84(r.lon, r.lat) });
  }
  const byCode = <T extends { code: string }>(a: T, b: T) => a.code.localeCompare(b.code);
  const countiesOf = new Map<string, RealCounty[]>();
  for (const r of countyRows) {
    const ts = (townsOf.get(r.code) ?? []).sort(byCode);
    for (const t of ts) t.villages.sort(byCode);
    if (ts.length === 0) continue;
    countiesOf.set(r.city_code, [...(countiesOf.get(r.city_code) ?? []), { code: r.code, name: r.name, seat: wgs84(r.center_lon, r.center_lat), towns: ts }]);
  }
  return cityRows
    .map((r): RealCity => {
      const code = r.code.slice(0, 4);
      return { code, name: r.name, cls: classOfCity(code), centre: wgs84(r.center_lon, r.center_lat), areaCode: AREA_CODES[code] ?? '020', counties: (countiesOf.get(code) ?? []).sort(byCode) };
    })
    .filter((c) => c.counties.length > 0)
    .sort(byCode);
}

/** Which villages a plan gives to whom. */
const planOf = (s: Solution) => new Map(s.assignments.map((a) => [a.villageId, a.lawyerId]));

/** The violations as figures to keep: their count, by rule, and the first few in full. */
export interface Validation {
  violations: number;
  byRule: Record<string, number>;
  first: string[];
}
export function validation(scenario: Scenario, solution: Solution): Validation {
  const vs: Violation[] = validateSolution(scenario, solution);
  const byRule: Record<string, number> = {};
  for (const v of vs) byRule[v.rule] = (byRule[v.rule] ?? 0) + 1;
  return { violations: vs.length, byRule, first: vs.slice(0, 5).map((v) => `${v.rule} ${v.message}`) };
}

const round = (x: number, d = 3) => Math.round(x * 10 ** d) / 10 ** d;
const seconds = (t0: number) => round((performance.now() - t0) / 1000, 2);

export interface OptimalCase {
  villages: number;
  lawyers: number;
  practicing: number;
  covered: number;
  uncovered: number;
  travelKm: number;
  objective: number;
  gap: number;
  solveS: number;
  validation: Validation;
}

/** (a) individual mode, optimal. */
export function caseOptimal(s: Scenario): { row: OptimalCase; solution: Solution } {
  const t0 = performance.now();
  const solution = solve(s);
  const solveS = seconds(t0);
  const m = solution.metrics;
  return {
    solution,
    row: {
      villages: s.villages.length,
      lawyers: s.lawyers.length,
      practicing: s.lawyers.filter((l) => l.status === 'practicing').length,
      covered: solution.assignments.length,
      uncovered: solution.uncovered.length,
      travelKm: m.travelKm.total,
      objective: m.objective,
      gap: m.gap,
      solveS,
      validation: validation(s, solution),
    },
  };
}

export interface StableCase {
  covered: number;
  uncovered: number;
  uncoveredCoveredByOptimum: number;
  travelKm: number;
  /** travel total over (a)'s */
  travelRatio: number;
  gap: number;
  blockingPairs: number;
  solveS: number;
  validation: Validation;
}

/** (b) stable mode: deferred acceptance, villages proposing (`ovola solve --mode stable`). */
export function caseStable(s: Scenario, a: Solution): StableCase {
  const t0 = performance.now();
  const solution = solve(s, { method: 'stable' });
  const solveS = seconds(t0);
  const m = solution.metrics;
  return {
    covered: solution.assignments.length,
    uncovered: solution.uncovered.length,
    uncoveredCoveredByOptimum: m.stable?.uncoveredCoveredByOptimum ?? -1,
    travelKm: m.travelKm.total,
    travelRatio: round(m.travelKm.total / Math.max(1e-9, a.metrics.travelKm.total), 4),
    gap: m.gap,
    blockingPairs: m.preferences.blockingPairs.count,
    solveS,
    validation: validation(s, solution),
  };
}

export interface BaselineCase {
  /** advising lawyers of (a) who left the roster */
  left: number;
  /** villages of the baseline whose adviser left (`changes.vacated`) */
  vacated: number;
  /** villages moved away from an adviser still on the roster (`metrics.changes.vsBaseline`) */
  vsBaseline: number;
  uncovered: number;
  travelKm: number;
  objective: number;
  solveS: number;
  validation: Validation;
  /** the clerk: every surviving baseline pair kept, each vacated village to the nearest lawyer with room */
  greedy: { vsBaseline: number; vacatedCovered: number; uncovered: number; travelKm: number; objective: number };
}

/** The advising lawyers of a plan who leave: ~`share` of them, drawn from the seed. */
export function leavers(a: Solution, seed: number, share = 0.03): string[] {
  const advising = [...new Set(a.assignments.map((x) => x.lawyerId))].sort();
  return new Rng(seed, 'real-geo/leavers').sample(advising, Math.max(1, Math.round(advising.length * share)));
}

/**
 * (c) last year's plan as the baseline: (a)'s plan, the leavers removed from the roster (their baseline rows
 * stay, vacated), solved with (a)'s weights (the default change weight), as `ovola replan --change`.
 */
export async function caseBaseline(s: Scenario, a: Solution, seed: number): Promise<BaselineCase> {
  const left = leavers(a, seed);
  const changes: Change[] = left.map((lawyerId) => ({ op: 'remove-lawyer', lawyerId }));
  const next = replanScenario(s, a, changes);
  const t0 = performance.now();
  const solution = await solveAsync(next, { method: 'optimal', weights: a.weights });
  const solveS = seconds(t0);
  // the clerk: the surviving pairs as pins, then greedy.ts's nearest lawyer with room for the rest
  const onRoster = new Set(next.lawyers.map((l) => l.id));
  const kept = next.baseline.filter((b) => onRoster.has(b.lawyerId)).map((b) => ({ villageId: b.villageId, lawyerId: b.lawyerId }));
  const clerkGeo = new Geography(parseScenario({ ...next, pins: [...next.pins, ...kept] }));
  const lawyerOf = greedyAssignment(clerkGeo);
  const geo = new Geography(next);
  const cm = new CostModel(geo, { ...next.policy.weights, ...a.weights });
  const vacatedSet = new Set(next.baseline.filter((b) => !onRoster.has(b.lawyerId)).map((b) => b.villageId));
  let vsBaseline = 0;
  let vacatedCovered = 0;
  let uncovered = 0;
  for (let v = 0; v < geo.nV; v++) {
    if (lawyerOf[v] < 0) uncovered++;
    if (cm.baseline[v] >= 0 && cm.baseline[v] !== lawyerOf[v]) vsBaseline++;
    if (vacatedSet.has(next.villages[v].id) && lawyerOf[v] >= 0) vacatedCovered++;
  }
  const m = solution.metrics;
  return {
    left: left.length,
    vacated: solution.changes?.vacated.length ?? 0,
    vsBaseline: m.changes.vsBaseline,
    uncovered: solution.uncovered.length,
    travelKm: m.travelKm.total,
    objective: m.objective,
    solveS,
    validation: validation(next, solution),
    greedy: { vsBaseline, vacatedCovered, uncovered, travelKm: travelStats(geo, lawyerOf).total, objective: objectiveOf(geo, cm, lawyerOf) },
  };
}

export interface TiesCase {
  /** villages whose adviser differs from (a)'s: `metrics.changes.vsBaseline` */
  moved: number;
  objective: number;
  /** (a)'s objective under change weight 0, for comparison: the same plan, so the same figure less nothing */
  objectiveA: number;
  solveS: number;
  validation: Validation;
}

/** (d) (a)'s scenario with (a) as its baseline, re-solved at change weight 0: ties should keep (a)'s advisers. */
export function caseTies(s: Scenario, a: Solution): TiesCase {
  const next = replanScenario(s, a, []);
  const t0 = performance.now();
  const solution = solve(next, { weights: { ...a.weights, change: 0 } });
  const solveS = seconds(t0);
  return {
    moved: solution.metrics.changes.vsBaseline,
    objective: solution.metrics.objective,
    objectiveA: a.metrics.objective,
    solveS,
    validation: validation(next, solution),
  };
}

/** Every point of a WGS-84 scenario in GCJ-02 (gcoord), declared with `crs: "gcj02"`. */
export function inGcj02(s: ScenarioInput): ScenarioInput {
  const to = (p: LonLat): LonLat => gcoord.transform([p[0], p[1]], gcoord.WGS84, gcoord.GCJ02) as LonLat;
  if (s.crs !== undefined && s.crs !== 'wgs84') throw new Error(`expected a WGS-84 scenario, got crs ${s.crs}`);
  if (s.regions.some((r) => r.boundary)) throw new Error('boundaries are not converted here');
  return {
    ...s,
    crs: 'gcj02',
    villages: s.villages.map((v) => ({ ...v, location: to(v.location) })),
    firms: s.firms.map((f) => ({ ...f, location: to(f.location) })),
    lawyers: s.lawyers.map((l) => (l.base ? { ...l, base: to(l.base) } : l)),
    regions: s.regions.map((r) => (r.location ? { ...r, location: to(r.location) } : r)),
  };
}

export interface DeclaredCrsCase {
  travelKm: number;
  /** |travel total − (a)'s| in km */
  deltaKm: number;
  /** villages whose adviser (or coverage) differs from (a)'s */
  differing: number;
  solveS: number;
  validation: Validation;
}

/** (e) the same scenario written in GCJ-02 with `crs: "gcj02"`: the solver converts back, so the plan and its km must not change. */
export function caseDeclaredCrs(input: ScenarioInput, a: Solution): DeclaredCrsCase {
  const s = parseScenario(inGcj02(input));
  const t0 = performance.now();
  const solution = solve(s);
  const solveS = seconds(t0);
  const mine = planOf(solution);
  const theirs = planOf(a);
  let differing = 0;
  for (const v of s.villages) if (mine.get(v.id) !== theirs.get(v.id)) differing++;
  return {
    travelKm: solution.metrics.travelKm.total,
    deltaKm: round(Math.abs(solution.metrics.travelKm.total - a.metrics.travelKm.total), 6),
    differing,
    solveS,
    validation: validation(s, solution),
  };
}

export interface ModeCase {
  /** one mode, or by county (the province: each county by its city's class) */
  mode: ServiceMode | Record<string, ServiceMode>;
  status: string;
  objective: number;
  bound: number;
  gap: number;
  covered: number;
  uncovered: number;
  travelKm: number;
  /** villages with a team (team mode) plus towns given a firm (firm-town mode) */
  groups: number;
  solveS: number;
  validation: Validation;
}

/** The class mode of every county of a scenario: team (R3) in PRD cities, firm-town (R4) elsewhere. */
export function modeByClass(input: ScenarioInput): Record<string, ServiceMode> {
  const cls = new Map(input.regions.filter((r) => r.level === 'city').map((r) => [r.id, r.class]));
  const out: Record<string, ServiceMode> = {};
  for (const r of input.regions) if (r.level === 'county' && r.parentId !== undefined) out[r.id] = cls.get(r.parentId) === 'prd' ? 'team' : 'firm-town';
  return out;
}

/** (f) the class mode: team (R3) in the PRD, firm-town (R4) elsewhere, as integer programs. */
export async function caseMode(input: ScenarioInput, mode: ServiceMode | Record<string, ServiceMode>, timeLimitS: number): Promise<ModeCase> {
  const s = parseScenario({ ...input, policy: { ...input.policy, mode } });
  const t0 = performance.now();
  const solution = await solveAsync(s, { timeLimitS, threads: 1 });
  const solveS = seconds(t0);
  const m = solution.metrics;
  return {
    mode,
    status: solution.status,
    objective: m.objective,
    bound: m.bound,
    gap: m.gap,
    covered: solution.assignments.length,
    uncovered: solution.uncovered.length,
    travelKm: m.travelKm.total,
    groups: solution.assignments.filter((x) => x.team.length > 0).length + (solution.firmTowns?.length ?? 0),
    solveS,
    validation: validation(s, solution),
  };
}
