/**
 * Two solutions side by side (SPEC §1, planner: "side-by-side metrics, a diff"): which villages changed
 * adviser, and how the figures moved. Pure: it reads the two documents only.
 */
import type { Solution } from '../domain/index.js';

export interface MetricsView {
  status: Solution['status'];
  method: Solution['method'];
  objective: number;
  travelKm: Solution['metrics']['travelKm'];
  load: Solution['metrics']['load'];
  uncovered: number;
  preferences: {
    villageRankHistogram: Record<string, number>;
    lawyerRankHistogram: Record<string, number>;
    blockingPairs: { count: number; villages: number };
  };
  changes: Solution['metrics']['changes'];
}

export interface Move {
  villageId: string;
  /** adviser in `a`, null when uncovered there */
  from: string | null;
  /** adviser in `b`, null when uncovered there */
  to: string | null;
}

export interface Comparison {
  a: MetricsView;
  b: MetricsView;
  /** villages in both solutions whose adviser differs, in `a`'s order */
  moved: Move[];
  summary: {
    moved: number;
    /** covered in both, by different lawyers */
    reassigned: number;
    /** uncovered in a, covered in b */
    newlyCovered: number;
    /** covered in a, uncovered in b */
    newlyUncovered: number;
    /** moved villages per county, when a county look-up is given */
    movedByCounty: Record<string, number>;
    /** b − a */
    travelKmDelta: number;
    meanKmDelta: number;
    p95KmDelta: number;
    maxKmDelta: number;
    uncoveredDelta: number;
    objectiveDelta: number;
    blockingPairsDelta: number;
    maxLoadDelta: number;
    /** villages only one of the two solutions has (solutions of different scenarios) */
    onlyInA: number;
    onlyInB: number;
  };
}

const round3 = (x: number) => Math.round(x * 1000) / 1000;

export function metricsView(s: Solution): MetricsView {
  const m = s.metrics;
  return {
    status: s.status,
    method: s.method,
    objective: m.objective,
    travelKm: m.travelKm,
    load: m.load,
    uncovered: s.uncovered.length,
    preferences: {
      villageRankHistogram: m.preferences.villageRankHistogram,
      lawyerRankHistogram: m.preferences.lawyerRankHistogram,
      blockingPairs: { count: m.preferences.blockingPairs.count, villages: m.preferences.blockingPairs.villages },
    },
    changes: m.changes,
  };
}

/** Every village's adviser, null for uncovered, in document order (assignments, then uncovered). */
export function adviserMap(s: Solution): Map<string, string | null> {
  const out = new Map<string, string | null>();
  for (const x of s.assignments) out.set(x.villageId, x.lawyerId);
  for (const u of s.uncovered) out.set(u.villageId, null);
  return out;
}

/**
 * Compares `a` (before) with `b` (after). `countyOf` names a village's county for `movedByCounty`;
 * villages it does not know are counted under "(none)".
 */
export function compareSolutions(a: Solution, b: Solution, countyOf?: (villageId: string) => string | undefined): Comparison {
  const before = adviserMap(a);
  const after = adviserMap(b);
  const moved: Move[] = [];
  const movedByCounty: Record<string, number> = {};
  let reassigned = 0;
  let newlyCovered = 0;
  let newlyUncovered = 0;
  for (const [villageId, from] of before) {
    if (!after.has(villageId)) continue;
    const to = after.get(villageId)!;
    if (from === to) continue;
    moved.push({ villageId, from, to });
    if (from !== null && to !== null) reassigned++;
    else if (from === null) newlyCovered++;
    else newlyUncovered++;
    if (countyOf) {
      const county = countyOf(villageId) ?? '(none)';
      movedByCounty[county] = (movedByCounty[county] ?? 0) + 1;
    }
  }
  const onlyInA = [...before.keys()].filter((id) => !after.has(id)).length;
  const onlyInB = [...after.keys()].filter((id) => !before.has(id)).length;
  const ma = a.metrics;
  const mb = b.metrics;
  return {
    a: metricsView(a),
    b: metricsView(b),
    moved,
    summary: {
      moved: moved.length,
      reassigned,
      newlyCovered,
      newlyUncovered,
      movedByCounty,
      travelKmDelta: round3(mb.travelKm.total - ma.travelKm.total),
      meanKmDelta: round3(mb.travelKm.mean - ma.travelKm.mean),
      p95KmDelta: round3(mb.travelKm.p95 - ma.travelKm.p95),
      maxKmDelta: round3(mb.travelKm.max - ma.travelKm.max),
      uncoveredDelta: b.uncovered.length - a.uncovered.length,
      objectiveDelta: round3(mb.objective - ma.objective),
      blockingPairsDelta: mb.preferences.blockingPairs.count - ma.preferences.blockingPairs.count,
      maxLoadDelta: mb.load.max - ma.load.max,
      onlyInA,
      onlyInB,
    },
  };
}
