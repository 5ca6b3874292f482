import type { Weights } from '../domain/index.js';
import { buildCandidates, extraPairs, forEachAdviser, type Candidates } from '../geo/candidates.js';
import type { Geography } from '../geo/geography.js';
import { AdviserPool } from '../geo/pool.js';
import { CostModel, UNITS } from './costs.js';
import { TransportFlow, type TransportProblem } from './flow.js';
import { keepBaselineAmongEquals } from './ties.js';

/** A pair left out of the model that prices out: village v, adviser node g at road km. */
export interface PricedPair {
  v: number;
  g: number;
  km: number;
}

export interface Progress {
  phase: string;
  /** 0–1 within the phase */
  fraction: number;
}

export interface IndividualResult {
  cm: CostModel;
  pool: AdviserPool;
  /** candidate rows over pool nodes, including every pair pricing added */
  candidates: Candidates;
  flow: TransportFlow;
  /** lawyer per village, −1 uncovered: of the optimal plans, one keeping the most baseline advisers (ties.ts) */
  lawyerOf: Int32Array;
  /** objective and its proven lower bound, in cost units (not thousandths) */
  objective: number;
  bound: number;
  pricingRounds: number;
  pricedPairs: number;
}

/** Pricing rounds that add only the most negative pairs of each village before adding every one. */
const NARROW_ROUNDS = 2;
/** Pairs with negative reduced cost added per village in a narrow round. */
const ADD_PER_VILLAGE = 8;

/**
 * Individual mode, solved exactly (R1, R2, R5, R6, R7): a min-cost flow on the candidate pairs, then
 * pricing over every lawyer within maxTravelKm. Left-out pairs with a negative reduced cost join the
 * model and their villages are re-routed; when none is left, the duals prove the plan optimal for the
 * full model, and their dual value is the reported bound.
 */
export function solveIndividual(geo: Geography, weights: Weights, onProgress?: (p: Progress) => void): IndividualResult {
  const cm = new CostModel(geo, weights);
  const extras = extraPairs(geo);
  const pool = new AdviserPool(geo, namedLawyers(geo));
  onProgress?.({ phase: 'candidates', fraction: 0 });
  let candidates: Candidates = buildCandidates(geo, pool, geo.scenario.policy.candidatesPerVillage, extras);
  onProgress?.({ phase: 'solve', fraction: 0 });
  const flow = new TransportFlow(transportProblem(geo, cm, pool, candidates, extras.pinned), (done, total) =>
    onProgress?.({ phase: 'solve', fraction: done / total }),
  );
  let rounds = 0;
  let pricedPairs = 0;
  for (;;) {
    onProgress?.({ phase: 'pricing', fraction: 0 });
    flow.tightenVillagePotentials();
    const missing = priceOut(geo, cm, pool, candidates, flow, rounds >= NARROW_ROUNDS ? Infinity : ADD_PER_VILLAGE);
    rounds++;
    if (missing.length === 0) break;
    pricedPairs += missing.length;
    onProgress?.({ phase: `re-solve with ${missing.length} priced pairs`, fraction: 0 });
    flow.addArcs(missing.map((m) => ({ v: m.v, l: m.g, cost: cm.pairUnits(m.v, pool.rep[m.g], m.km) })));
    candidates = withPricedPairs(geo, candidates, missing);
  }
  const boundUnits = flow.dualBound();
  if (!Number.isFinite(boundUnits)) throw new Error('internal: the duals of the final flow are not feasible');
  const first = lawyersOfNodes(geo, pool, flow);
  onProgress?.({ phase: 'ties: keep baseline advisers', fraction: 0 });
  return {
    cm,
    pool,
    candidates,
    flow,
    lawyerOf: keepBaselineAmongEquals(geo, cm, pool, flow, first) ?? first,
    objective: flow.objective() / UNITS,
    bound: boundUnits / UNITS,
    pricingRounds: rounds,
    pricedPairs,
  };
}

/** Lawyers whom some village, pin, baseline, veto, preference or routing figure names one by one. */
function namedLawyers(geo: Geography): (l: number) => boolean {
  const s = geo.scenario;
  const named = new Set<string>();
  for (const p of s.preferences.villages) for (const id of [...(p.lawyers ?? []), ...(p.vetoes ?? [])]) named.add(id);
  for (const p of s.preferences.lawyers) named.add(p.lawyerId);
  for (const b of s.baseline) named.add(b.lawyerId);
  for (const p of s.pins) named.add(p.lawyerId);
  for (const o of s.travelOverrides) named.add(o.lawyerId);
  return (l) => named.has(s.lawyers[l].id);
}

/**
 * The flow model of the candidate rows. A group entry becomes one arc to the group, costing the pair cost
 * less the lawyer's own term, which the group's arc to each node adds back — exact when those terms are
 * whole units; otherwise (odd weights) the entry is spelled out node by node.
 */
function transportProblem(geo: Geography, cm: CostModel, pool: AdviserPool, c: Candidates, pinned: Int32Array): TransportProblem {
  const own = new Float64Array(pool.size);
  for (let g = 0; g < pool.size; g++) own[g] = cm.unrankedLawyerTerm(pool.rep[g]) * UNITS;
  const whole = new Uint8Array(pool.groupCount);
  for (let k = 0; k < pool.groupCount; k++) {
    whole[k] = 1;
    for (let j = pool.groupStart[k]; j < pool.groupStart[k + 1]; j++) if (!Number.isInteger(own[pool.groupNodes[j]])) whole[k] = 0;
  }
  const arcsOf = (g: number) => (g < pool.size || whole[g - pool.size] ? 1 : pool.groupStart[g - pool.size + 1] - pool.groupStart[g - pool.size]);
  let nArcs = 0;
  for (let e = 0; e < c.node.length; e++) nArcs += arcsOf(c.node[e]);
  const start = new Int32Array(geo.nV + 1);
  const head = new Int32Array(nArcs);
  const cost = new Float64Array(nArcs);
  let n = 0;
  for (let v = 0; v < geo.nV; v++) {
    start[v] = n;
    for (let e = c.start[v]; e < c.start[v + 1]; e++) {
      const g = c.node[e];
      const k = g - pool.size;
      if (g < pool.size) {
        head[n] = g;
        cost[n++] = cm.pairUnits(v, pool.rep[g], c.km[e]);
      } else if (whole[k]) {
        const r = pool.groupRep(k);
        head[n] = pool.size + k;
        cost[n++] = cm.pairUnits(v, pool.rep[r], c.km[e]) - own[r];
      } else {
        for (let j = pool.groupStart[k]; j < pool.groupStart[k + 1]; j++) {
          head[n] = pool.groupNodes[j];
          cost[n++] = cm.pairUnits(v, pool.rep[pool.groupNodes[j]], c.km[e]);
        }
      }
    }
  }
  start[geo.nV] = n;
  const groupCost = new Float64Array(pool.size);
  for (let j = 0; j < pool.size; j++) groupCost[j] = own[pool.groupNodes[j]];
  const uncoveredCost = new Float64Array(geo.nV);
  const first: number[] = [];
  for (let v = 0; v < geo.nV; v++) {
    // R6: a pinned village may not be left uncovered.
    if (pinned[v] >= 0) {
      uncoveredCost[v] = Infinity;
      first.push(v);
    } else uncoveredCost[v] = cm.uncoveredUnits(v);
  }
  return {
    nV: geo.nV,
    nL: pool.size,
    start,
    head,
    cost,
    uncoveredCost,
    cap: pool.cap,
    share: pool.share,
    loadStep: cm.loadSteps(),
    first: Int32Array.from(first),
    groupStart: pool.groupStart,
    groupNode: pool.groupNodes,
    groupCost,
  };
}

/**
 * Pricing: the pairs left out of the model whose reduced cost c + pi(v) − pi(g) is negative.
 * A left-out pair is unranked and off-baseline, so its cost is travel plus two per-side constants;
 * with Q = max over nodes of pi(g) − lawyer term, no pair farther than (Q − pi(v) − village term) / w.travelKm
 * can price out, and every left-out pair is at least `floorKm[v]` away: most villages need no search at all.
 */
export function priceOut(geo: Geography, cm: CostModel, pool: AdviserPool, c: Candidates, flow: TransportFlow, perVillage: number): PricedPair[] {
  const { nV } = geo;
  const { pi } = flow;
  const { rep } = pool;
  let Q = -Infinity;
  for (let g = 0; g < pool.size; g++) Q = Math.max(Q, pi[nV + g] - cm.unrankedLawyerTerm(rep[g]) * UNITS);
  const wT = cm.weights.travelKm * UNITS;
  const missing: PricedPair[] = [];
  const inRow = new Int32Array(pool.size).fill(-1);
  const ids: number[] = [];
  const kms: number[] = [];
  for (let v = 0; v < nV; v++) {
    if (c.floorKm[v] === Infinity || flow.uncoveredCost[v] === Infinity) continue;
    // Rounding of a pair cost moves it by at most half a unit: allow for it.
    const slack = Q - pi[v] - cm.unrankedVillageTerm(v) * UNITS + 0.5;
    if (slack <= 0) continue;
    const reach = wT > 0 ? Math.min(geo.maxTravelKm, slack / wT) : geo.maxTravelKm;
    if (reach < c.floorKm[v]) continue;
    forEachAdviser(pool, c, v, (g) => (inRow[g] = v));
    geo.withinRoadKm(pool.points, rep, v, reach, ids, kms);
    const found: PricedPair[] = [];
    const rcs = new Map<number, number>();
    for (let i = 0; i < ids.length; i++) {
      const g = ids[i];
      if (inRow[g] === v || !geo.mayAdvise(v, rep[g])) continue;
      const rc = cm.pairUnits(v, rep[g], kms[i]) + pi[v] - pi[nV + g];
      if (rc < 0) {
        found.push({ v, g, km: kms[i] });
        rcs.set(g, rc);
      }
    }
    if (found.length === 0) continue;
    found.sort((a, b) => rcs.get(a.g)! - rcs.get(b.g)! || a.g - b.g);
    missing.push(...found.slice(0, perVillage).sort((a, b) => a.g - b.g));
  }
  return missing;
}

/** The candidate rows with priced pairs appended, in the order `TransportFlow.addArcs` appends them. */
function withPricedPairs(geo: Geography, c: Candidates, add: PricedPair[]): Candidates {
  const start = new Int32Array(geo.nV + 1);
  const node = new Int32Array(c.node.length + add.length);
  const km = new Float64Array(node.length);
  let n = 0;
  let a = 0;
  for (let v = 0; v < geo.nV; v++) {
    start[v] = n;
    for (let e = c.start[v]; e < c.start[v + 1]; e++) {
      node[n] = c.node[e];
      km[n++] = c.km[e];
    }
    for (; a < add.length && add[a].v === v; a++) {
      node[n] = add[a].g;
      km[n++] = add[a].km;
    }
  }
  start[geo.nV] = n;
  return { start, node, km, floorKm: c.floorKm };
}

/**
 * Villages of a merged node shared out among its lawyers in turn, so loads differ by at most one:
 * the members cost the same for every village and the load cost is convex, so this is optimal too.
 */
function lawyersOfNodes(geo: Geography, pool: AdviserPool, flow: TransportFlow): Int32Array {
  const lawyerOf = new Int32Array(geo.nV).fill(-1);
  const turn = new Int32Array(pool.size);
  const nodes = flow.adviserNodes();
  for (let v = 0; v < geo.nV; v++) {
    const g = nodes[v];
    if (g < 0) continue;
    lawyerOf[v] = pool.members[pool.memberStart[g] + (turn[g]++ % pool.share[g])];
  }
  return lawyerOf;
}

/** Candidate rows over lawyers: each node's row entry stands for all its members, at the same km. */
export function lawyerRows(geo: Geography, pool: AdviserPool, c: Candidates): Candidates {
  const start = new Int32Array(geo.nV + 1);
  const node: number[] = [];
  const km: number[] = [];
  for (let v = 0; v < geo.nV; v++) {
    start[v] = node.length;
    forEachAdviser(pool, c, v, (g, gkm) => {
      for (let i = pool.memberStart[g]; i < pool.memberStart[g + 1]; i++) {
        node.push(pool.members[i]);
        km.push(gkm);
      }
    });
  }
  start[geo.nV] = node.length;
  return { start, node: Int32Array.from(node), km: Float64Array.from(km), floorKm: c.floorKm };
}
