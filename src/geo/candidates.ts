import type { Geography } from './geography.js';
import type { AdviserPool } from './pool.js';

/**
 * Candidate pairs in compressed rows: village v's advisers are `node[start[v] .. start[v+1])`: the advisers
 * at its nearest places (in no particular order), then the extra pairs (pinned, baseline, ranked, routed).
 * An entry below `pool.size` is an AdviserPool node; an entry `pool.size + k` stands for every node of
 * the pool's group k at the same km (the village names none of them one by one): see `forEachAdviser`.
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
  /** per village, the lawyers whose pair with it differs from their firm-mates' (named in a list, veto, baseline or routing figure) */
  named: (number[] | undefined)[];
}

export function extraPairs(geo: Geography): ExtraPairs {
  const s = geo.scenario;
  const pinned = new Int32Array(geo.nV).fill(-1);
  for (const p of s.pins) pinned[geo.villageIndex.get(p.villageId)!] = geo.lawyerIndex.get(p.lawyerId)!;
  const extra: (number[] | undefined)[] = new Array(geo.nV);
  const named: (number[] | undefined)[] = new Array(geo.nV);
  const add = (v: number, l: number) => {
    (extra[v] ??= []).push(l);
    (named[v] ??= []).push(l);
  };
  for (const b of s.baseline) {
    const l = geo.lawyerIndex.get(b.lawyerId);
    if (l !== undefined) add(geo.villageIndex.get(b.villageId)!, l);
  }
  const firmLawyers = new Map<string, number[]>();
  s.lawyers.forEach((l, i) => {
    const list = firmLawyers.get(l.firmId);
    if (list) list.push(i);
    else firmLawyers.set(l.firmId, [i]);
  });
  for (const p of s.preferences.villages) {
    const v = geo.villageIndex.get(p.villageId)!;
    for (const id of p.lawyers ?? []) add(v, geo.lawyerIndex.get(id)!);
    // A ranked firm ranks all its lawyers alike: they join the row, but none is named one by one.
    for (const id of p.firms ?? []) for (const l of firmLawyers.get(id) ?? []) (extra[v] ??= []).push(l);
    for (const id of p.vetoes ?? []) {
      const l = geo.lawyerIndex.get(id);
      if (l !== undefined) (named[v] ??= []).push(l);
    }
  }
  for (const p of s.preferences.lawyers) {
    const l = geo.lawyerIndex.get(p.lawyerId)!;
    for (const id of p.villages ?? []) add(geo.villageIndex.get(id)!, l);
    for (const id of p.vetoes ?? []) (named[geo.villageIndex.get(id)!] ??= []).push(l);
  }
  for (const o of s.travelOverrides) add(geo.villageIndex.get(o.villageId)!, geo.lawyerIndex.get(o.lawyerId)!);
  return { pinned, extra, named };
}

/**
 * For each village, the advisers at its nearest `perVillage` places who may advise it within
 * `maxTravelKm` (found with the spatial index over the pool's groups, widening the search until enough are
 * found), plus every extra pair that holds the hard rules. A group the village names no one of enters as one
 * entry; otherwise its nodes enter one by one. A pinned village gets its pinned lawyer only.
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
  const namedGroup = new Int32Array(pool.groupCount).fill(-1);
  const placeSeen = new Int32Array(pool.groupCount).fill(-1);
  let search = 0;
  const { rep, nodeOf, groupStart, groupNodes, groupOf } = pool;
  const { groupLawyer } = pool;
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
    for (const l of extras.named[v] ?? []) if (nodeOf[l] >= 0) namedGroup[groupOf[nodeOf[l]]] = v;
    // Widen the circle until it holds `perVillage` places with lawyers who may advise v, or reaches
    // maxTravelKm: every place outside is farther than all inside, so the nearest ones are among these.
    // (Who may advise is the same for a whole group, but for vetoes of one lawyer, checked below.)
    let r = Math.min(maxTravelKm, lastReach * 1.2 + 1);
    for (;;) {
      geo.withinRoadKm(pool.groupPoints, groupLawyer, v, r, ids, kms);
      let w = 0;
      let places = 0;
      search++;
      for (let i = 0; i < ids.length; i++) {
        const k = ids[i];
        if (namedGroup[k] === v || geo.mayAdvise(v, groupLawyer[k])) {
          ids[w] = k;
          kms[w++] = kms[i];
          const p = pool.groupPlace[k];
          if (placeSeen[p] !== search) {
            placeSeen[p] = search;
            places++;
          }
        }
      }
      ids.length = w;
      kms.length = w;
      if (places >= perVillage || r >= maxTravelKm) break;
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
      if (kms[i] > reach) {
        left++;
        continue;
      }
      const k = ids[i];
      const first = groupStart[k];
      const end = groupStart[k + 1];
      if (end - first > 1 && namedGroup[k] !== v) {
        push(pool.size + k, kms[i]);
        for (let j = first; j < end; j++) seen[groupNodes[j]] = v;
        continue;
      }
      // A lone node, or a group the village names someone of: each node on its own, at its own km.
      for (let j = first; j < end; j++) {
        const g = groupNodes[j];
        if (!geo.mayAdvise(v, rep[g])) continue;
        const km = end - first > 1 ? geo.roadKm(v, rep[g]) : kms[i];
        if (km > maxTravelKm) continue;
        push(g, km);
        seen[g] = v;
      }
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

/** Calls `fn` for every pool node of village v's row, a group entry standing for each of its nodes. */
export function forEachAdviser(pool: AdviserPool, c: Candidates, v: number, fn: (g: number, km: number) => void): void {
  for (let e = c.start[v]; e < c.start[v + 1]; e++) {
    const g = c.node[e];
    if (g < pool.size) fn(g, c.km[e]);
    else for (let j = pool.groupStart[g - pool.size]; j < pool.groupStart[g - pool.size + 1]; j++) fn(pool.groupNodes[j], c.km[e]);
  }
}

/** How many (village, pool node) pairs the rows stand for. */
export function adviserPairCount(pool: AdviserPool, c: Candidates): number {
  let n = 0;
  for (let e = 0; e < c.node.length; e++) {
    const g = c.node[e];
    n += g < pool.size ? 1 : pool.groupStart[g - pool.size + 1] - pool.groupStart[g - pool.size];
  }
  return n;
}
