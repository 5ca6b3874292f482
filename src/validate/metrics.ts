import type { Lawyer, Solution, Village } from '../domain/index.js';
import { type ScenarioIndex, villagesPerLawyer } from './context.js';
import type { Violation } from './violation.js';

/** The figures of `solution.metrics` that can be recomputed from the scenario and the plan. */
export interface RecomputedMetrics {
  /** the objective of MODEL.md, in every mode (team members and missing needs included) */
  objective: number;
  /** how far a reported objective may lie from `objective`: the solver's rounding to 1/1000 per village and slot */
  objectiveTolerance: number;
  travelKm: { total: number; mean: number; p95: number; max: number };
  load: { histogram: Record<string, number>; max: number };
  changes: { vsBaseline: number; byCounty: Record<string, number>; vacated: number };
  /** R6: the baseline's villages whose lawyer is no longer on the roster, in scenario order */
  vacated: { villageId: string; lawyerId: string }[];
}

/** R5: the village's rank of a lawyer: place on its lawyer list, else |lawyers| + place of the firm, else past both lists. */
export function villageRank(ix: ScenarioIndex, v: Village, l: Lawyer): number {
  const ranking = ix.villageRanking.get(v.id);
  if (!ranking) return 0;
  const i = ranking.lawyers.indexOf(l.id);
  if (i >= 0) return i;
  const j = ranking.firms.indexOf(l.firmId);
  if (j >= 0) return ranking.lawyers.length + j;
  return ranking.lawyers.length + ranking.firms.length;
}

/** R5: the lawyer's rank of a village: place on their list, else the list's length. */
export function lawyerRank(ix: ScenarioIndex, l: Lawyer, v: Village): number {
  const list = ix.lawyerRanking.get(l.id) ?? [];
  const i = list.indexOf(v.id);
  return i >= 0 ? i : list.length;
}

/**
 * MODEL.md: travel figures from the assignments' `travelKm` (each checked against the road km under
 * TRAVEL), in whole metres: the total summed exactly, the mean rounded to the metre.
 */
function travelFigures(kms: number[]): RecomputedMetrics['travelKm'] {
  if (kms.length === 0) return { total: 0, mean: 0, p95: 0, max: 0 };
  const metres = kms.map((km) => Math.round(km * 1000)).sort((a, b) => a - b);
  const total = metres.reduce((s, x) => s + x, 0);
  return {
    total: total / 1000,
    mean: Math.round(total / metres.length) / 1000,
    p95: metres[Math.ceil(0.95 * metres.length) - 1] / 1000,
    max: metres[metres.length - 1] / 1000,
  };
}

/** Recomputes the metrics of MODEL.md from the scenario and the plan alone. */
export function recomputeMetrics(ix: ScenarioIndex, solution: Solution): RecomputedMetrics {
  const w = solution.weights;
  const load = villagesPerLawyer(solution);
  let objective = 0;
  let slots = 0;
  const adviserOf = new Map<string, string>();
  for (const a of solution.assignments) {
    slots += 1 + a.team.length;
    if (!adviserOf.has(a.villageId)) adviserOf.set(a.villageId, a.lawyerId);
    const v = ix.villages.get(a.villageId);
    const l = ix.lawyers.get(a.lawyerId);
    if (!v || !l) continue;
    const km = ix.roadKm(l, v) ?? a.travelKm;
    const baseline = ix.baseline.get(v.id);
    objective +=
      w.travelKm * km +
      w.villagePreference * villageRank(ix, v, l) +
      w.lawyerPreference * lawyerRank(ix, l, v) +
      (baseline !== undefined && baseline !== l.id ? w.change : 0);
    // R3 (MODEL.md): each member costs w.teamMember × (km + 10); each need no one on the team has, w.uncovered / 100.
    const members = a.team.map((id) => ix.lawyers.get(id)).filter((m): m is Lawyer => m !== undefined);
    for (const m of members) objective += w.teamMember * ((ix.roadKm(m, v) ?? 0) + 10);
    if (ix.modeOfVillage(v) === 'team') {
      const covered = new Set([l, ...members].flatMap((x) => x.specialties));
      objective += (w.uncovered / 100) * new Set((v.needs ?? []).filter((n) => !covered.has(n))).size;
    }
  }
  for (const u of solution.uncovered) {
    if (!ix.villages.has(u.villageId)) continue;
    objective += w.uncovered + (ix.baseline.has(u.villageId) ? w.change : 0);
  }
  for (const [lawyerId, villages] of load) {
    if (!ix.lawyers.has(lawyerId)) continue;
    const n = villages.size;
    objective += (w.load * n * (n - 1)) / 2;
  }

  const histogram: Record<string, number> = {};
  let maxLoad = 0;
  for (const l of ix.lawyers.values()) {
    if (l.status !== 'practicing') continue;
    const n = load.get(l.id)?.size ?? 0;
    histogram[String(n)] = (histogram[String(n)] ?? 0) + 1;
    maxLoad = Math.max(maxLoad, n);
  }

  let vsBaseline = 0;
  const byCounty: Record<string, number> = {};
  for (const [villageId, lawyerId] of ix.baseline) {
    const v = ix.villages.get(villageId);
    if (!v || adviserOf.get(villageId) === lawyerId) continue;
    vsBaseline++;
    const county = ix.countyOfTown(v.townId) ?? v.townId;
    byCounty[county] = (byCounty[county] ?? 0) + 1;
  }

  const vacated = [...ix.villages.keys()].filter((id) => ix.vacated.has(id)).map((villageId) => ({ villageId, lawyerId: ix.vacated.get(villageId)! }));

  return {
    objective,
    objectiveTolerance: 0.0005 * (ix.villages.size + slots) + 1e-6 * Math.abs(objective),
    travelKm: travelFigures(solution.assignments.map((a) => a.travelKm)),
    load: { histogram, max: maxLoad },
    changes: { vsBaseline, byCounty, vacated: vacated.length },
    vacated,
  };
}

/** Two count tables agree when every key has the same count, a missing key counting 0. */
export function sameCounts(a: Record<string, number>, b: Record<string, number>): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].every((k) => (a[k] ?? 0) === (b[k] ?? 0));
}

/** A count table as a short sorted text for messages. */
export const showCounts = (table: Record<string, number>) =>
  `{${Object.entries(table)
    .filter(([, n]) => n !== 0)
    .sort(([a], [b]) => a.localeCompare(b, 'en', { numeric: true }))
    .map(([k, n]) => `${k}: ${n}`)
    .join(', ')}}`;

// METRICS: the reported objective, travel, load, changes, bound and gap agree with the plan.
export function checkMetrics(ix: ScenarioIndex, solution: Solution): Violation[] {
  const out: Violation[] = [];
  const m = solution.metrics;
  const want = recomputeMetrics(ix, solution);
  const bad = (path: string, message: string) => out.push({ rule: 'METRICS', message, path: `metrics.${path}` });

  if (Math.abs(m.objective - want.objective) > want.objectiveTolerance)
    bad('objective', `objective reported as ${m.objective}, recomputed ${want.objective.toFixed(3)} (tolerance ${want.objectiveTolerance.toFixed(3)})`);

  for (const key of ['total', 'mean', 'p95', 'max'] as const) {
    const got = m.travelKm[key];
    const expected = want.travelKm[key];
    // The same rule on both sides (MODEL.md), so the figures agree to the metre.
    if (!(Math.abs(got - expected) < 0.0005))
      bad(`travelKm.${key}`, `travel km ${key} reported as ${got}, recomputed ${expected.toFixed(3)}`);
  }

  if (!sameCounts(m.load.histogram, want.load.histogram))
    bad('load.histogram', `load histogram reported as ${showCounts(m.load.histogram)}, recomputed ${showCounts(want.load.histogram)}`);
  if (m.load.max !== want.load.max) bad('load.max', `maximum load reported as ${m.load.max}, recomputed ${want.load.max}`);

  if (m.changes.vsBaseline !== want.changes.vsBaseline)
    bad('changes.vsBaseline', `changes vs baseline reported as ${m.changes.vsBaseline}, recomputed ${want.changes.vsBaseline}`);
  if (!sameCounts(m.changes.byCounty, want.changes.byCounty))
    bad('changes.byCounty', `changes by county reported as ${showCounts(m.changes.byCounty)}, recomputed ${showCounts(want.changes.byCounty)}`);
  if (m.changes.vacated !== want.changes.vacated)
    bad('changes.vacated', `villages vacated by a departed baseline adviser reported as ${m.changes.vacated}, recomputed ${want.changes.vacated}`);
  const reported = solution.changes?.vacated ?? [];
  const listed = new Map(reported.map((x) => [x.villageId, x.lawyerId]));
  const wrong = want.vacated.filter((x) => listed.get(x.villageId) !== x.lawyerId);
  const extra = reported.filter((x) => ix.vacated.get(x.villageId) !== x.lawyerId);
  if (wrong.length > 0 || extra.length > 0 || listed.size !== reported.length) {
    const show = (xs: { villageId: string; lawyerId: string }[]) => xs.slice(0, 5).map((x) => `${x.villageId} (${x.lawyerId})`).join(', ') + (xs.length > 5 ? ` and ${xs.length - 5} more` : '');
    const parts = [
      wrong.length > 0 ? `missing ${show(wrong)}` : '',
      extra.length > 0 ? `not vacated: ${show(extra)}` : '',
      listed.size !== reported.length ? 'a village is listed twice' : '',
    ].filter(Boolean);
    out.push({ rule: 'METRICS', message: `vacated villages (baseline adviser no longer on the roster): ${parts.join('; ')}`, path: 'changes.vacated' });
  }

  // Stable mode: the villages it leaves uncovered that the optimum covers are some of its uncovered ones.
  const stable = m.stable?.uncoveredCoveredByOptimum;
  if (stable !== undefined && stable > solution.uncovered.length)
    bad('stable.uncoveredCoveredByOptimum', `villages uncovered here but covered by the optimal plan reported as ${stable}, but only ${solution.uncovered.length} are uncovered`);

  const tol = 0.0005 * (ix.villages.size + solution.assignments.reduce((s, a) => s + 1 + a.team.length, 0)) + 1e-6 * Math.abs(m.objective);
  if (m.bound > m.objective + tol) bad('bound', `bound ${m.bound} exceeds objective ${m.objective}`);
  const gap = (m.objective - m.bound) / Math.max(1, Math.abs(m.objective));
  if (Math.abs(m.gap - gap) > 1e-6) bad('gap', `gap reported as ${m.gap}, but objective ${m.objective} and bound ${m.bound} give ${gap}`);
  if (solution.status === 'optimal' && m.gap > 1e-6) bad('gap', `status is optimal but the gap is ${m.gap}`);
  return out;
}
