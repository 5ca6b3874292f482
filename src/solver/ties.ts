import type { Geography } from '../geo/geography.js';
import type { AdviserPool } from '../geo/pool.js';
import { type CostModel, planUnits } from './costs.js';
import { TransportFlow, type TransportProblem } from './flow.js';

/**
 * R6 among equals: of the plans whose objective is the proven optimum, one that keeps the most villages
 * with their baseline adviser (docs/MODEL.md, "Ties keep the baseline"). Without it, a re-plan with
 * `weights.change` 0 moves villages among colleagues who cost exactly the same.
 *
 * The solved flow's potentials π are an optimal dual. By complementary slackness a plan is optimal
 * exactly when it uses only arcs of zero reduced cost, fills every load step of negative reduced cost and
 * no step of positive reduced cost: its cost then differs from the optimum's by nothing at all. So a
 * second, small flow over that face alone, costing 1 per village off its baseline, picks the plan:
 *
 * - each adviser node g is split into a forced part (the `lo` units whose load step has a negative
 *   reduced cost) and a free part (the next units up to `hi`, of zero reduced cost);
 * - a village's arcs go to the parts of the nodes it reaches at zero reduced cost (directly, or through
 *   its firm's group when both legs are tight), and to "uncovered" only where that is tight too; each costs
 *   [off baseline] on a forced part and M + [off baseline] elsewhere, with M above any count of villages,
 *   so the flow fills every forced part first (as the optimum does) and then keeps the most baselines.
 *
 * Integer costs throughout (the flow's are integer thousandths, so π and every reduced cost are whole),
 * hence the zero tests are exact. Returns the lawyer per village, or undefined when nothing can be kept
 * that the first plan does not keep already (or, as a guard, when the face does not check out).
 */
export function keepBaselineAmongEquals(geo: Geography, cm: CostModel, pool: AdviserPool, flow: TransportFlow, lawyerOf: Int32Array): Int32Array | undefined {
  const { nV } = geo;
  const nL = pool.size;
  const { pi, start, head, cost, uncoveredCost } = flow;
  const G0 = nV + nL;
  const U = G0 + flow.nG;
  const T = U + 1;
  const problem = flow.problem();
  const baselineNode = new Int32Array(nV).fill(-1);
  let inForce = 0;
  for (let v = 0; v < nV; v++) {
    const b = cm.baseline[v];
    if (b < 0) continue;
    inForce++;
    baselineNode[v] = pool.nodeOf[b];
  }
  if (inForce === 0) return undefined;
  const current = new Int32Array(nV).fill(-1);
  for (let v = 0; v < nV; v++) if (lawyerOf[v] >= 0) current[v] = pool.nodeOf[lawyerOf[v]];

  // Load steps: units below lo[g] have a negative reduced cost, units below hi[g] a non-positive one.
  const lo = new Int32Array(nL);
  const hi = new Int32Array(nL);
  const used = new Int32Array(nL);
  for (let v = 0; v < nV; v++) if (current[v] >= 0) used[current[v]]++;
  for (let g = 0; g < nL; g++) {
    for (let k = 0; k < pool.cap[g]; k++) {
      const rc = problem.loadStep[(k / pool.share[g]) | 0] + pi[nV + g] - pi[T];
      if (rc < 0) lo[g]++;
      if (rc <= 0) hi[g]++;
    }
    if (used[g] < lo[g] || used[g] > hi[g]) return undefined;
  }
  const uncoveredTight = pi[U] - pi[T] === 0;

  // The tight arcs of each village, as adviser nodes (deduplicated).
  const options: number[][] = new Array(nV);
  const seen = new Int32Array(nL).fill(-1);
  let improvable = false;
  for (let v = 0; v < nV; v++) {
    const list: number[] = [];
    const take = (g: number) => {
      if (seen[g] === v) return;
      seen[g] = v;
      list.push(g);
    };
    for (let e = start[v]; e < start[v + 1]; e++) {
      const h = head[e];
      if (h < nL) {
        if (cost[e] + pi[v] - pi[nV + h] === 0) take(h);
        continue;
      }
      const k = h - nL;
      if (cost[e] + pi[v] - pi[G0 + k] !== 0) continue;
      for (let j = problem.groupStart![k]; j < problem.groupStart![k + 1]; j++) {
        const g = problem.groupNode![j];
        if (problem.groupCost![j] + pi[G0 + k] - pi[nV + g] === 0) take(g);
      }
    }
    // The plan itself must lie on the face.
    if (current[v] >= 0 ? seen[current[v]] !== v : !(uncoveredTight && uncoveredCost[v] + pi[v] - pi[U] === 0)) return undefined;
    if (baselineNode[v] >= 0 && current[v] !== baselineNode[v] && seen[baselineNode[v]] === v) improvable = true;
    options[v] = list;
  }
  if (!improvable) return undefined;

  // The second flow: parts g (forced, cap lo) and nL + g (free, cap hi − lo); no load cost.
  const M = inForce + 1;
  const off = (v: number, g: number) => (cm.baseline[v] >= 0 && baselineNode[v] !== g ? 1 : 0);
  const rowStart = new Int32Array(nV + 1);
  for (let v = 0; v < nV; v++) rowStart[v + 1] = rowStart[v] + 2 * options[v].length;
  const arcHead = new Int32Array(rowStart[nV]);
  const arcCost = new Float64Array(rowStart[nV]);
  const uncovered = new Float64Array(nV);
  const first: number[] = [];
  for (let v = 0; v < nV; v++) {
    let n = rowStart[v];
    for (const g of options[v]) {
      arcHead[n] = g;
      arcCost[n++] = off(v, g);
      arcHead[n] = nL + g;
      arcCost[n++] = M + off(v, g);
    }
    const tight = uncoveredCost[v] !== Infinity && uncoveredTight && uncoveredCost[v] + pi[v] - pi[U] === 0;
    uncovered[v] = tight ? M + (cm.baseline[v] >= 0 ? 1 : 0) : Infinity;
    if (!tight) first.push(v);
  }
  const cap = new Int32Array(2 * nL);
  let maxCap = 1;
  for (let g = 0; g < nL; g++) {
    cap[g] = lo[g];
    cap[nL + g] = hi[g] - lo[g];
    maxCap = Math.max(maxCap, hi[g]);
  }
  const second: TransportProblem = {
    nV,
    nL: 2 * nL,
    start: rowStart,
    head: arcHead,
    cost: arcCost,
    uncoveredCost: uncovered,
    cap,
    loadStep: new Float64Array(maxCap),
    share: new Int32Array(2 * nL).fill(1),
    first: Int32Array.from(first),
  };
  const tie = new TransportFlow(second);
  for (let g = 0; g < nL; g++) if (tie.used[g] !== lo[g]) return undefined;

  // Back to lawyers: a merged node's villages shared out in turn, as the first plan does.
  const nodes = tie.adviserNodes();
  const out = new Int32Array(nV).fill(-1);
  const turn = new Int32Array(nL);
  for (let v = 0; v < nV; v++) {
    if (nodes[v] < 0) continue;
    const g = nodes[v] % nL;
    out[v] = pool.members[pool.memberStart[g] + (turn[g]++ % pool.share[g])];
  }
  // A guard: the plan must cost exactly what the first one does.
  return planUnits(geo, cm, out) === flow.objective() ? out : undefined;
}

