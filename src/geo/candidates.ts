import type { Geography } from './geography.js';
import type { AdviserPool } from './pool.js';

/**
 * Candidate pairs in compressed rows: village v's advisers (nodes of an AdviserPool) are
 * `node[start[v] .. start[v+1])`: the advisers at its nearest places (in no particular order), then the extra
 * pairs (pinned, baseline, ranked, routed).
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
  let sorted = new Float64Array(256);
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
    // The nearest `perVillage` places: advisers at one base are all in or all out, so a firm's
    // lawyers named one by one do not crowd out the next town's. Only the distances are sorted (a
    // typed-array sort, no comparator); the row keeps the index's order, which is deterministic.
    const w = ids.length;
    if (sorted.length < w) sorted = new Float64Array(w * 2);
    const d = sorted.subarray(0, w);
    for (let i = 0; i < w; i++) d[i] = kms[i];
    d.sort();
    let reach = -Infinity;
    for (let i = 0, places = 0; i < w && places < perVillage; i++) {
      if (i === 0 || d[i] !== d[i - 1]) {
        places++;
        reach = d[i];
      }
    }
    let left = 0;
    for (let i = 0; i < w; i++) {
      if (kms[i] <= reach) {
        push(ids[i], kms[i]);
        seen[ids[i]] = v;
      } else left++;
    }
    lastReach = w > 0 ? reach : r;
    // Every node left out lies farther than `reach` — and so do those beyond the circle, when the
    // search stopped short of maxTravelKm.
    floorKm[v] = left > 0 || r < maxTravelKm ? (w > 0 ? reach : r) : Infinity;
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
