import type { Weights } from '../domain/index.js';
import { buildCandidates, extraPairs, type Candidates } from '../geo/candidates.js';
import type { Geography } from '../geo/geography.js';
import { CostModel, UNITS } from './costs.js';
import { TransportFlow, type TransportProblem } from './flow.js';

/** A pair left out of the model that prices out: village v, lawyer l at road km. */
export interface PricedPair {
  v: number;
  l: number;
  km: number;
}

export interface Progress {
  phase: string;
  /** 0–1 within the phase */
  fraction: number;
}

export interface IndividualResult {
  cm: CostModel;
  candidates: Candidates;
  flow: TransportFlow;
  /** lawyer per village, −1 uncovered */
  lawyerOf: Int32Array;
  /** objective and its proven lower bound, in cost units (not thousandths) */
  objective: number;
  bound: number;
  pricingRounds: number;
  pricedPairs: number;
}

/** Pricing rounds that add only the most negative pairs of each village before adding every one. */
const NARROW_ROUNDS = 4;
/** Pairs with negative reduced cost added per village in a narrow round. */
const ADD_PER_VILLAGE = 4;

/**
 * Individual mode, solved exactly (R1, R2, R5, R6, R7): a min-cost flow on the candidate pairs, then
 * pricing over every lawyer within maxTravelKm. Left-out pairs with a negative reduced cost join the
 * model and their villages are re-routed; when none is left, the duals prove the plan optimal for the
 * full model, and their dual value is the reported bound.
 */
export function solveIndividual(geo: Geography, weights: Weights, onProgress?: (p: Progress) => void): IndividualResult {
  const cm = new CostModel(geo, weights);
  const extras = extraPairs(geo);
  onProgress?.({ phase: 'candidates', fraction: 0 });
  let candidates = buildCandidates(geo, geo.scenario.policy.candidatesPerVillage, extras);
  onProgress?.({ phase: 'solve', fraction: 0 });
  const flow = new TransportFlow(transportProblem(geo, cm, candidates, extras.pinned), (done, total) => onProgress?.({ phase: "solve", fraction: done / total }));
  let rounds = 0;
  let pricedPairs = 0;
  for (;;) {
    onProgress?.({ phase: 'pricing', fraction: Math.min(1, rounds / 10) });
    const missing = priceOut(geo, cm, candidates, flow, rounds >= NARROW_ROUNDS ? Infinity : ADD_PER_VILLAGE);
    rounds++;
    if (missing.length === 0) break;
    pricedPairs += missing.length;
    flow.addArcs(missing.map((m) => ({ v: m.v, l: m.l, cost: cm.pairUnits(m.v, m.l, m.km) })));
    candidates = withExtraPairs(geo, candidates, missing);
  }
  const boundUnits = flow.dualBound();
  if (!Number.isFinite(boundUnits)) throw new Error('internal: the duals of the final flow are not feasible');
  const lawyerOf = new Int32Array(geo.nV);
  for (let v = 0; v < geo.nV; v++) lawyerOf[v] = flow.assignedArc[v] >= 0 ? flow.lawyer[flow.assignedArc[v]] : -1;
  return { cm, candidates, flow, lawyerOf, objective: flow.objective() / UNITS, bound: boundUnits / UNITS, pricingRounds: rounds, pricedPairs };
}

function transportProblem(geo: Geography, cm: CostModel, c: Candidates, pinned: Int32Array): TransportProblem {
  const cost = new Float64Array(c.lawyer.length);
  for (let v = 0; v < geo.nV; v++) {
    for (let e = c.start[v]; e < c.start[v + 1]; e++) cost[e] = cm.pairUnits(v, c.lawyer[e], c.km[e]);
  }
  const uncoveredCost = new Float64Array(geo.nV);
  const first: number[] = [];
  for (let v = 0; v < geo.nV; v++) {
    // R6: a pinned village may not be left uncovered.
    if (pinned[v] >= 0) {
      uncoveredCost[v] = Infinity;
      first.push(v);
    } else uncoveredCost[v] = cm.uncoveredUnits(v);
  }
  let maxCap = 1;
  for (let l = 0; l < geo.nL; l++) maxCap = Math.max(maxCap, geo.lCap[l]);
  return {
    nV: geo.nV,
    nL: geo.nL,
    start: c.start,
    lawyer: c.lawyer,
    cost,
    uncoveredCost,
    cap: geo.lCap,
    loadStep: cm.loadSteps(maxCap),
    first: Int32Array.from(first),
  };
}

/**
 * Pricing: the pairs left out of the model whose reduced cost c + pi(v) − pi(l) is negative.
 * A left-out pair is unranked and off-baseline, so its cost is travel plus two per-side constants;
 * with Q = max over lawyers of pi(l) − lawyer term, no pair farther than (Q − pi(v) − village term) / w.travelKm
 * can price out, and every left-out pair is at least `floorKm[v]` away: most villages need no search at all.
 */
export function priceOut(
  geo: Geography,
  cm: CostModel,
  c: Candidates,
  flow: TransportFlow,
  perVillage: number,
): PricedPair[] {
  const { nV, nL } = geo;
  const pi = flow.pi;
  let Q = -Infinity;
  for (let l = 0; l < nL; l++) if (geo.lCap[l] > 0) Q = Math.max(Q, pi[nV + l] - cm.unrankedLawyerTerm(l) * UNITS);
  const wT = cm.weights.travelKm * UNITS;
  const missing: PricedPair[] = [];
  const inRow = new Int32Array(nL).fill(-1);
  const ids: number[] = [];
  const kms: number[] = [];
  for (let v = 0; v < nV; v++) {
    if (c.floorKm[v] === Infinity || flow.uncoveredCost[v] === Infinity) continue;
    // Rounding of a pair cost moves it by at most half a unit: allow for it.
    const slack = Q - pi[v] - cm.unrankedVillageTerm(v) * UNITS + 0.5;
    if (slack <= 0) continue;
    const reach = wT > 0 ? Math.min(geo.maxTravelKm, slack / wT) : geo.maxTravelKm;
    if (reach < c.floorKm[v]) continue;
    for (let e = c.start[v]; e < c.start[v + 1]; e++) inRow[c.lawyer[e]] = v;
    geo.lawyersWithinRoadKm(v, reach, ids, kms);
    const found: { l: number; km: number; rc: number }[] = [];
    for (let i = 0; i < ids.length; i++) {
      const l = ids[i];
      if (inRow[l] === v || !geo.mayAdvise(v, l)) continue;
      const rc = cm.pairUnits(v, l, kms[i]) + pi[v] - pi[nV + l];
      if (rc < 0) found.push({ l, km: kms[i], rc });
    }
    if (found.length === 0) continue;
    found.sort((a, b) => a.rc - b.rc || a.l - b.l);
    const take = found.slice(0, perVillage).sort((a, b) => a.l - b.l);
    for (const f of take) missing.push({ v, l: f.l, km: f.km });
  }
  return missing;
}

/** The candidate rows with priced pairs appended, in the order `TransportFlow.addArcs` appends them. */
function withExtraPairs(geo: Geography, c: Candidates, add: PricedPair[]): Candidates {
  const start = new Int32Array(geo.nV + 1);
  const lawyer = new Int32Array(c.lawyer.length + add.length);
  const km = new Float64Array(lawyer.length);
  let n = 0;
  let a = 0;
  for (let v = 0; v < geo.nV; v++) {
    start[v] = n;
    for (let e = c.start[v]; e < c.start[v + 1]; e++) {
      lawyer[n] = c.lawyer[e];
      km[n++] = c.km[e];
    }
    for (; a < add.length && add[a].v === v; a++) {
      lawyer[n] = add[a].l;
      km[n++] = add[a].km;
    }
  }
  start[geo.nV] = n;
  return { start, lawyer, km, floorKm: c.floorKm };
}
