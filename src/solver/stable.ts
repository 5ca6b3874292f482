import type { Candidates } from '../geo/candidates.js';
import type { Geography } from '../geo/geography.js';
import type { CostModel } from './costs.js';
import { lawyerOrder, villageOrder } from './report.js';

export type Proposing = 'villages' | 'lawyers';

/**
 * R5, two-way selection as a many-to-one deferred-acceptance match over the candidate pairs, caps (R1)
 * and vetoes (already out of the candidates). Unranked lawyers and villages are ordered by distance.
 * Pinned villages keep their lawyer and use up one of the lawyer's places (R6).
 * A village left unmatched gets every lawyer in range added to its list and the match is run again,
 * so no village stays uncovered while a lawyer in range has room.
 */
export function stableMatch(geo: Geography, cm: CostModel, candidates: Candidates, pinned: Int32Array, proposing: Proposing): { lawyerOf: Int32Array; candidates: Candidates } {
  let c = candidates;
  for (;;) {
    const lawyerOf = proposing === 'villages' ? villageProposing(geo, cm, c, pinned) : lawyerProposing(geo, cm, c, pinned);
    const widened = widenUnmatched(geo, c, lawyerOf);
    if (widened === null) return { lawyerOf, candidates: c };
    c = widened;
  }
}

function rowSortedForVillage(geo: Geography, cm: CostModel, c: Candidates, v: number): number[] {
  const row: number[] = [];
  for (let e = c.start[v]; e < c.start[v + 1]; e++) row.push(c.node[e]);
  return row.sort((a, b) => villageOrder(geo, cm, v, a, b) || a - b);
}

function villageProposing(geo: Geography, cm: CostModel, c: Candidates, pinned: Int32Array): Int32Array {
  const { nV, nL } = geo;
  const lawyerOf = new Int32Array(nV).fill(-1);
  const held: number[][] = Array.from({ length: nL }, () => []);
  const room = Int32Array.from(geo.lCap);
  for (let v = 0; v < nV; v++) {
    if (pinned[v] >= 0) {
      lawyerOf[v] = pinned[v];
      room[pinned[v]]--;
    }
  }
  const lists: number[][] = new Array(nV);
  const next = new Int32Array(nV);
  const free: number[] = [];
  for (let v = nV - 1; v >= 0; v--) {
    if (pinned[v] >= 0) continue;
    lists[v] = rowSortedForVillage(geo, cm, c, v);
    free.push(v);
  }
  while (free.length > 0) {
    const v = free.pop()!;
    const list = lists[v];
    if (next[v] >= list.length) continue; // exhausted: stays unmatched
    const l = list[next[v]++];
    if (room[l] <= 0) {
      free.push(v);
      continue;
    }
    const h = held[l];
    if (h.length < room[l]) {
      h.push(v);
      lawyerOf[v] = l;
      continue;
    }
    // Full: the lawyer keeps the better of v and its worst held village.
    let wi = 0;
    for (let i = 1; i < h.length; i++) if ((lawyerOrder(geo, cm, l, h[wi], h[i]) || h[wi] - h[i]) < 0) wi = i;
    const worst = h[wi];
    if ((lawyerOrder(geo, cm, l, v, worst) || v - worst) < 0) {
      h[wi] = v;
      lawyerOf[v] = l;
      lawyerOf[worst] = -1;
      free.push(worst);
    } else free.push(v);
  }
  return lawyerOf;
}

function lawyerProposing(geo: Geography, cm: CostModel, c: Candidates, pinned: Int32Array): Int32Array {
  const { nV, nL } = geo;
  const lawyerOf = new Int32Array(nV).fill(-1);
  const room = Int32Array.from(geo.lCap);
  for (let v = 0; v < nV; v++) {
    if (pinned[v] >= 0) {
      lawyerOf[v] = pinned[v];
      room[pinned[v]]--;
    }
  }
  const lists: number[][] = Array.from({ length: nL }, () => []);
  for (let v = 0; v < nV; v++) {
    if (pinned[v] >= 0) continue;
    for (let e = c.start[v]; e < c.start[v + 1]; e++) lists[c.node[e]].push(v);
  }
  for (let l = 0; l < nL; l++) lists[l].sort((a, b) => lawyerOrder(geo, cm, l, a, b) || a - b);
  const next = new Int32Array(nL);
  const holding = new Int32Array(nL);
  const active: number[] = [];
  for (let l = nL - 1; l >= 0; l--) if (room[l] > 0) active.push(l);
  while (active.length > 0) {
    const l = active.pop()!;
    if (holding[l] >= room[l] || next[l] >= lists[l].length) continue;
    const v = lists[l][next[l]++];
    const cur = lawyerOf[v];
    if (cur < 0 || (villageOrder(geo, cm, v, l, cur) || l - cur) < 0) {
      if (cur >= 0) {
        holding[cur]--;
        active.push(cur);
      }
      lawyerOf[v] = l;
      holding[l]++;
    }
    active.push(l);
  }
  return lawyerOf;
}

/** Rows of unmatched villages widened to every lawyer in range who may advise them; null when none grows. */
function widenUnmatched(geo: Geography, c: Candidates, lawyerOf: Int32Array): Candidates | null {
  const add = new Map<number, { l: number; km: number }[]>();
  const ids: number[] = [];
  const kms: number[] = [];
  for (let v = 0; v < geo.nV; v++) {
    if (lawyerOf[v] >= 0 || c.floorKm[v] === Infinity) continue;
    const inRow = new Set<number>();
    for (let e = c.start[v]; e < c.start[v + 1]; e++) inRow.add(c.node[e]);
    geo.lawyersWithinRoadKm(v, geo.maxTravelKm, ids, kms);
    const more: { l: number; km: number }[] = [];
    for (let i = 0; i < ids.length; i++) if (!inRow.has(ids[i]) && geo.mayAdvise(v, ids[i])) more.push({ l: ids[i], km: kms[i] });
    if (more.length > 0) add.set(v, more);
  }
  if (add.size === 0) return null;
  const start = new Int32Array(geo.nV + 1);
  const lawyer: number[] = [];
  const km: number[] = [];
  const floorKm = Float64Array.from(c.floorKm);
  for (let v = 0; v < geo.nV; v++) {
    start[v] = lawyer.length;
    for (let e = c.start[v]; e < c.start[v + 1]; e++) {
      lawyer.push(c.node[e]);
      km.push(c.km[e]);
    }
    const more = add.get(v);
    if (more) {
      for (const m of more) {
        lawyer.push(m.l);
        km.push(m.km);
      }
      floorKm[v] = Infinity;
    }
  }
  start[geo.nV] = lawyer.length;
  return { start, node: Int32Array.from(lawyer), km: Float64Array.from(km), floorKm };
}
