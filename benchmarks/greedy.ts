import type { Geography } from '../src/geo/geography.js';
import type { CostModel } from '../src/solver/costs.js';
import { objectiveOf } from '../src/solver/solve.js';

/**
 * The plan a clerk would draw by hand, as a yardstick: villages in scenario order, pinned ones first (to
 * their pinned lawyer), each to the nearest lawyer who may advise it (practicing, not vetoed either way,
 * same city or paired, within maxTravelKm) and still has room under the cap; else uncovered.
 * Ties go to the lower lawyer index. Returns the lawyer per village, −1 for uncovered.
 */
export function greedyAssignment(geo: Geography): Int32Array {
  const lawyerOf = new Int32Array(geo.nV).fill(-1);
  const load = new Int32Array(geo.nL);
  const pinned = new Int32Array(geo.nV).fill(-1);
  for (const p of geo.scenario.pins) pinned[geo.villageIndex.get(p.villageId)!] = geo.lawyerIndex.get(p.lawyerId)!;
  for (let v = 0; v < geo.nV; v++) {
    if (pinned[v] < 0) continue;
    lawyerOf[v] = pinned[v];
    load[pinned[v]]++;
  }
  const ids: number[] = [];
  const kms: number[] = [];
  for (let v = 0; v < geo.nV; v++) {
    if (pinned[v] >= 0) continue;
    geo.lawyersWithinRoadKm(v, geo.maxTravelKm, ids, kms);
    let best = -1;
    let bestKm = Infinity;
    for (let i = 0; i < ids.length; i++) {
      const l = ids[i];
      if (load[l] >= geo.lCap[l] || !geo.mayAdvise(v, l)) continue;
      if (kms[i] < bestKm || (kms[i] === bestKm && l < best)) {
        best = l;
        bestKm = kms[i];
      }
    }
    if (best >= 0) {
      lawyerOf[v] = best;
      load[best]++;
    }
  }
  return lawyerOf;
}

/** The greedy plan's objective, summed exactly as the solver sums its own. */
export function greedyObjective(geo: Geography, cm: CostModel): number {
  return objectiveOf(geo, cm, greedyAssignment(geo));
}
