import type { Geography } from '../../geo/geography.js';
import type { CostModel } from '../costs.js';
import type { TransportProblem } from '../flow.js';

/**
 * The whole individual-mode model, built from the rules alone: every pair (v, l) with l allowed to advise v
 * (R2, R5, R7, cap > 0) within maxTravelKm is an arc, lawyers one node each (share 1), no candidate
 * pruning and no merging. A pinned village has its pinned lawyer as its only arc, whatever the distance,
 * and may not stay uncovered (R6). Costs in thousandths, as `solveIndividual` prices them. Quadratic in
 * size: for checking the pruned model against, not for solving.
 */
export function allPairsProblem(geo: Geography, cm: CostModel): TransportProblem {
  const pinned = new Int32Array(geo.nV).fill(-1);
  for (const p of geo.scenario.pins) pinned[geo.villageIndex.get(p.villageId)!] = geo.lawyerIndex.get(p.lawyerId)!;
  const start = new Int32Array(geo.nV + 1);
  const head: number[] = [];
  const cost: number[] = [];
  const uncoveredCost = new Float64Array(geo.nV);
  const ids: number[] = [];
  const kms: number[] = [];
  for (let v = 0; v < geo.nV; v++) {
    if (pinned[v] >= 0) {
      head.push(pinned[v]);
      cost.push(cm.pairUnits(v, pinned[v], geo.roadKm(v, pinned[v])));
      uncoveredCost[v] = Infinity;
    } else {
      geo.lawyersWithinRoadKm(v, geo.maxTravelKm, ids, kms);
      const order = ids.map((l, i) => [l, kms[i]] as const).sort((a, b) => a[0] - b[0]);
      for (const [l, km] of order) {
        if (!geo.mayAdvise(v, l)) continue;
        head.push(l);
        cost.push(cm.pairUnits(v, l, km));
      }
      uncoveredCost[v] = cm.uncoveredUnits(v);
    }
    start[v + 1] = head.length;
  }
  return {
    nV: geo.nV,
    nL: geo.nL,
    start,
    head: Int32Array.from(head),
    cost: Float64Array.from(cost),
    uncoveredCost,
    cap: Int32Array.from(geo.lCap),
    loadStep: cm.loadSteps(),
    share: new Int32Array(geo.nL).fill(1),
  };
}
