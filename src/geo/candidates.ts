import type { Geography } from './geography.js';
import type { AdviserPool } from './pool.js';

/**
 * Candidate pairs in compressed rows: village v's advisers (nodes of an AdviserPool) are
 * `node[start[v] .. start[v+1])`, nearest first, then the extra pairs (pinned, baseline, ranked, routed).
 */
export interface Candidates {
  start: Int32Array;
  node: Int32Array;
  km: Float64Array;
  /**
   * Road km of the farthest of the nearest `candidatesPerVillage`; every node that may advise v
   * and is missing from its row lies at least this far. `Infinity` when the row holds every one in range.
   */
  floorKm: Float64Array;
}

/** The pairs that must be in the model whatever their distance rank (R5 ranked, R6 pinned and baseline, routed). */
export interface ExtraPairs {
  pinned: Int32Array; // lawyer per village, −1 for none
  extra: (number[] | undefined)[]; // per village
}

export function extraPairs(geo: Geography): ExtraPairs {
  const s = geo.scenario;
  const pinned = new Int32Array(geo.nV).fill(-1);
  for (const p of s.pins) pinned[geo.villageIndex.get(p.villageId)!] = geo.lawyerIndex.get(p.lawyerId)!;
  const extra: (number[] | undefined)[] = new Array(geo.nV);
  const add = (v: number, l: number) => (extra[v] ??= []).push(l);
  for (const b of s.baseline) add(geo.villageIndex.get(b.villageId)!, geo.lawyerIndex.get(b.lawyerId)!);
  const firmLawyers = new Map<string, number[]>();
  s.lawyers.forEach((l, i) => {
    const list = firmLawyers.get(l.firmId);
    if (list) list.push(i);
    else firmLawyers.set(l.firmId, [i]);
  });
  for (const p of s.preferences.villages) {
    const v = geo.villageIndex.get(p.villageId)!;
    for (const id of p.lawyers ?? []) add(v, geo.lawyerIndex.get(id)!);
    for (const id of p.firms ?? []) for (const l of firmLawyers.get(id) ?? []) add(v, l);
  }
  for (const p of s.preferences.lawyers) {
    const l = geo.lawyerIndex.get(p.lawyerId)!;
    for (const id of p.villages ?? []) add(geo.villageIndex.get(id)!, l);
  }
  for (const o of s.travelOverrides) add(geo.villageIndex.get(o.villageId)!, geo.lawyerIndex.get(o.lawyerId)!);
  return { pinned, extra };
}

/**
 * For each village, the nearest `perVillage` advisers (pool nodes) who may advise it within
 * `maxTravelKm` (found with the spatial index, widening the search until enough are found), plus every
 * extra pair that holds the hard rules. A pinned village gets its pinned lawyer only.
 */
export function buildCandidates(geo: Geography, pool: AdviserPool, perVillage: number, extras: ExtraPairs = extraPairs(geo)): Candidates {
  const { nV, maxTravelKm } = geo;
  const start = new Int32Array(nV + 1);
  const floorKm = new Float64Array(nV);
  let nodeOut = new Int32Array(Math.max(16, nV * Math.min(perVillage, 64)));
  let kmOut = new Float64Array(nodeOut.length);
  let n = 0;
  const push = (l: number, km: number) => {
    if (n === nodeOut.length) {
      const grownL = new Int32Array(nodeOut.length * 2);
      grownL.set(nodeOut);
      nodeOut = grownL;
      const grownK = new Float64Array(kmOut.length * 2);
      grownK.set(kmOut);
      kmOut = grownK;
    }
    nodeOut[n] = l;
    kmOut[n++] = km;
  };

  const ids: number[] = [];
  const kms: number[] = [];
  const order: number[] = [];
  const seen = new Int32Array(pool.size).fill(-1);
  const { rep, nodeOf } = pool;
  // Villages come town by town, so the last village's reach is a good first guess for the next.
  let lastReach = Math.min(maxTravelKm, 10);

  for (let v = 0; v < nV; v++) {
    start[v] = n;
    const pin = extras.pinned[v];
    if (pin >= 0) {
      // R6: a pinned village has exactly one possible adviser.
      push(nodeOf[pin], geo.roadKm(v, pin));
      floorKm[v] = Infinity;
      continue;
    }
    // Widen the circle until it holds enough lawyers who may advise v, or reaches maxTravelKm.
    let r = Math.min(maxTravelKm, lastReach * 1.2 + 1);
    for (;;) {
      geo.withinRoadKm(pool.points, rep, v, r, ids, kms);
      let w = 0;
      for (let i = 0; i < ids.length; i++) {
        if (geo.mayAdvise(v, rep[ids[i]])) {
          ids[w] = ids[i];
          kms[w++] = kms[i];
        }
      }
      ids.length = w;
      kms.length = w;
      if (w >= perVillage * 2 || r >= maxTravelKm) break;
      r = Math.min(maxTravelKm, r * 2);
    }
    order.length = ids.length;
    for (let i = 0; i < ids.length; i++) order[i] = i;
    order.sort((a, b) => kms[a] - kms[b] || ids[a] - ids[b]);
    // The nearest `perVillage` places: advisers at one base are all in or all out, so a firm's
    // lawyers named one by one do not crowd out the next town's.
    let take = 0;
    let places = 0;
    while (take < order.length && (places < perVillage || kms[order[take]] === kms[order[take - 1]])) {
      if (take === 0 || kms[order[take]] !== kms[order[take - 1]]) places++;
      take++;
    }
    lastReach = take > 0 ? kms[order[take - 1]] : r;
    for (let i = 0; i < take; i++) {
      push(ids[order[i]], kms[order[i]]);
      seen[ids[order[i]]] = v;
    }
    // Every node left out lies farther than the last one taken — unless the search stopped short of
    // maxTravelKm with exactly enough, in which case those beyond the circle are farther still.
    floorKm[v] = take < order.length || r < maxTravelKm ? (take > 0 ? kms[order[take - 1]] : r) : Infinity;
    for (const l of extras.extra[v] ?? []) {
      const g = nodeOf[l];
      if (g < 0 || seen[g] === v || !geo.mayAdvise(v, l)) continue;
      const km = geo.roadKm(v, l);
      if (km > maxTravelKm) continue;
      seen[g] = v;
      push(g, km);
    }
  }
  start[nV] = n;
  return { start, node: nodeOut.slice(0, n), km: kmOut.slice(0, n), floorKm };
}
