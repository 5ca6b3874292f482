import { sameCounts, showCounts as show } from './metrics.js';
import type { Lawyer, LonLat, Solution, Village } from '../domain/index.js';
import type { ScenarioIndex } from './context.js';
import { PointGrid } from './geo.js';
import { lawyerRank, villageRank } from './metrics.js';
import type { Violation } from './violation.js';

/**
 * The preference figures of `solution.metrics.preferences`, re-derived from the scenario and the plan (R5),
 * and the blocking pairs the solution lists (`solution.blockingPairs`), in its order: village id, then lawyer id.
 */
export interface RecomputedPreferences {
  villageRankHistogram: Record<string, number>;
  lawyerRankHistogram: Record<string, number>;
  blockingPairs: { count: number; villages: number };
  pairs: [string, string][];
}

/** The list's order (MODEL.md): village id, then lawyer id, by UTF-16 code units. */
const byIds = (a: [string, string], b: [string, string]) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0);

/** What a village has now: its adviser and their road km, or nothing. */
type Holding = { kind: 'assigned'; adviser: Lawyer; km: number } | { kind: 'uncovered' };

/** A lawyer's side of the plan: how many villages they advise, and the one they like least. */
interface LawyerHolding {
  count: number;
  worst: { villageId: string; rank: number; km: number } | undefined;
}

/** Why a pair does or does not block. */
type Verdict = 'blocks' | 'unknown' | 'current' | 'not-eligible' | 'village-content' | 'lawyer-content';

/** One village's side, worked out once: what it holds, at which rank and km, its list and its city. */
interface VillageView {
  v: Village;
  held: Holding;
  /** |lawyers| + |firms| of its list: the rank of an unlisted lawyer */
  listLength: number;
  /** the rank and road km of what it holds; uncovered ranks below everyone */
  heldRank: number;
  heldKm: number;
  city: string | undefined;
}

/** a lawyer whose city is no bar (paired assistance) */
const ANY_CITY = Symbol('any city');

/**
 * The two sides' orders of R5 over one plan: a village orders lawyers by (its rank, road km), a lawyer
 * orders villages by (their rank, road km); uncovered is a village's worst, room makes a lawyer willing.
 */
class Orders {
  /** village id → what it holds now (first assignment; villages neither assigned nor uncovered are absent) */
  readonly holding = new Map<string, Holding>();
  /** lawyer id → their villages as responsible adviser */
  readonly lawyerHolding = new Map<string, LawyerHolding>();
  private firmMembers?: Map<string, Lawyer[]>;
  private readonly lawyerCity = new Map<Lawyer, string | typeof ANY_CITY | undefined>();

  constructor(
    readonly ix: ScenarioIndex,
    solution: Solution,
  ) {
    const advised = new Map<string, Set<string>>();
    for (const a of solution.assignments) {
      const v = ix.villages.get(a.villageId);
      const l = ix.lawyers.get(a.lawyerId);
      if (!v || !l) continue;
      if (!this.holding.has(v.id)) this.holding.set(v.id, { kind: 'assigned', adviser: l, km: ix.roadKm(l, v) ?? a.travelKm });
      const set = advised.get(l.id);
      if (set) set.add(v.id);
      else advised.set(l.id, new Set([v.id]));
    }
    for (const u of solution.uncovered) {
      if (ix.villages.has(u.villageId) && !this.holding.has(u.villageId)) this.holding.set(u.villageId, { kind: 'uncovered' });
    }
    for (const [lawyerId, villageIds] of advised) {
      const l = ix.lawyers.get(lawyerId) as Lawyer;
      let worst: LawyerHolding['worst'];
      for (const villageId of villageIds) {
        const v = ix.villages.get(villageId) as Village;
        const rank = lawyerRank(ix, l, v);
        const km = ix.roadKm(l, v) ?? Infinity;
        if (!worst || rank > worst.rank || (rank === worst.rank && km > worst.km)) worst = { villageId, rank, km };
      }
      this.lawyerHolding.set(lawyerId, { count: villageIds.size, worst });
    }
  }

  /** |lawyers| + |firms| of the village's own list (0 when it ranks no one). */
  listLength(v: Village): number {
    const r = this.ix.villageRanking.get(v.id);
    return r ? r.lawyers.length + r.firms.length : 0;
  }

  /** The village's side, or undefined when it is in neither `assignments` nor `uncovered`. */
  view(v: Village): VillageView | undefined {
    const held = this.holding.get(v.id);
    if (!held) return undefined;
    const listLength = this.listLength(v);
    const assigned = held.kind === 'assigned';
    return {
      v,
      held,
      listLength,
      heldRank: assigned ? villageRank(this.ix, v, held.adviser) : Infinity,
      heldKm: assigned ? held.km : Infinity,
      city: this.ix.cityOf(v.townId),
    };
  }

  /** Every known lawyer the village's list names, directly or by firm. */
  listed(v: Village): Set<Lawyer> {
    const out = new Set<Lawyer>();
    const r = this.ix.villageRanking.get(v.id);
    if (!r) return out;
    for (const id of r.lawyers) {
      const l = this.ix.lawyers.get(id);
      if (l) out.add(l);
    }
    if (r.firms.length > 0) {
      if (!this.firmMembers) {
        this.firmMembers = new Map();
        for (const l of this.ix.lawyers.values()) {
          const list = this.firmMembers.get(l.firmId);
          if (list) list.push(l);
          else this.firmMembers.set(l.firmId, [l]);
        }
      }
      for (const f of r.firms) for (const l of this.firmMembers.get(f) ?? []) out.add(l);
    }
    return out;
  }

  /** R7 as in MODEL.md: paired assistance, or an unknown city on either side, is no bar. */
  private cityOk(view: VillageView, l: Lawyer): boolean {
    let city = this.lawyerCity.get(l);
    if (city === undefined && !this.lawyerCity.has(l)) {
      const firm = this.ix.firms.get(l.firmId);
      city = l.pairedAssistance ? ANY_CITY : firm ? this.ix.cityOf(firm.regionId) : undefined;
      this.lawyerCity.set(l, city);
    }
    return city === ANY_CITY || city === undefined || view.city === undefined || city === view.city;
  }

  /** Does `l` have room, or strictly prefer `v` (at `km`) to their worst village? */
  private lawyerWilling(l: Lawyer, v: Village, km: number): boolean {
    const h = this.lawyerHolding.get(l.id);
    if (!h || h.count < this.ix.cap(l) || !h.worst) return true;
    const rank = lawyerRank(this.ix, l, v);
    return rank < h.worst.rank || (rank === h.worst.rank && km < h.worst.km);
  }

  /**
   * Does (village, l) block, given l's road km and the village's rank of l? `l` may advise the village
   * (practicing, cap > 0, within maxTravelKm with no pin exemption, no veto, R7), the village strictly
   * prefers l to what it holds, and l has room or strictly prefers the village to their worst one.
   */
  verdict(view: VillageView, l: Lawyer, km: number, rank: number): Verdict {
    const { v, held } = view;
    if (held.kind === 'assigned' && held.adviser === l) return 'current';
    if (l.status !== 'practicing' || this.ix.cap(l) <= 0 || !(km <= this.ix.scenario.policy.maxTravelKm)) return 'not-eligible';
    if (!(rank < view.heldRank || (rank === view.heldRank && km < view.heldKm))) return 'village-content';
    if (!this.lawyerWilling(l, v, km)) return 'lawyer-content';
    if (this.ix.veto(v, l) !== undefined || !this.cityOk(view, l)) return 'not-eligible';
    return 'blocks';
  }

  /** The verdict on any pair, looked up from scratch. */
  judge(villageId: string, lawyerId: string): Verdict {
    const v = this.ix.villages.get(villageId);
    const l = this.ix.lawyers.get(lawyerId);
    const view = v && this.view(v);
    const km = v && l ? this.ix.roadKm(l, v) : undefined;
    if (!v || !l || !view) return 'unknown';
    return this.verdict(view, l, km ?? Infinity, villageRank(this.ix, v, l));
  }

  // ── words for the messages ──

  private villageSide(v: Village, l: Lawyer, km: number | undefined): string {
    const n = this.listLength(v);
    const rank = villageRank(this.ix, v, l);
    const where = n > 0 && rank < n ? `ranked ${rank + 1}` : 'unranked';
    return `${l.id} (${where}, ${km === undefined ? '?' : km.toFixed(2)} km)`;
  }

  private lawyerSide(l: Lawyer, villageId: string, km: number | undefined): string {
    const v = this.ix.villages.get(villageId);
    const n = this.ix.lawyerRanking.get(l.id)?.length ?? 0;
    const rank = v ? lawyerRank(this.ix, l, v) : n;
    const where = n > 0 && rank < n ? `ranked ${rank + 1}` : 'unranked';
    return `${villageId} (${where}, ${km === undefined ? '?' : km.toFixed(2)} km)`;
  }

  /** Why a pair blocks or not, in words: what the village holds and what the lawyer holds. */
  explain(villageId: string, lawyerId: string): string {
    const verdict = this.judge(villageId, lawyerId);
    if (verdict === 'unknown') return 'unknown village or lawyer, or a village not in the plan';
    if (verdict === 'current') return `${lawyerId} is its adviser`;
    if (verdict === 'not-eligible') return `${lawyerId} may not advise ${villageId}`;
    const v = this.ix.villages.get(villageId) as Village;
    const l = this.ix.lawyers.get(lawyerId) as Lawyer;
    const held = this.holding.get(villageId) as Holding;
    const km = this.ix.roadKm(l, v);
    const now = held.kind === 'uncovered' ? 'being uncovered' : `its adviser ${this.villageSide(v, held.adviser, held.km)}`;
    const villageWords = `${villageId} ${verdict === 'village-content' ? 'does not prefer' : 'prefers'} ${this.villageSide(v, l, km)} to ${now}`;
    if (verdict === 'village-content') return villageWords;
    const h = this.lawyerHolding.get(l.id);
    const cap = this.ix.cap(l);
    const count = h?.count ?? 0;
    if (count < cap || !h?.worst) return `${villageWords}; ${lawyerId} has room (${count} of ${cap})`;
    const worst = `its worst village ${this.lawyerSide(l, h.worst.villageId, h.worst.km)}`;
    const prefers = verdict === 'lawyer-content' ? 'does not prefer' : 'prefers';
    return `${villageWords}; ${lawyerId} is full (${count} of ${cap}) and ${prefers} ${this.lawyerSide(l, villageId, km)} to ${worst}`;
  }
}

/** The lawyers who could block anyone (practicing, cap > 0, with a base), grouped by base on a grid. */
function baseGrid(ix: ScenarioIndex): PointGrid<Lawyer[]> {
  const atBase = new Map<string, { at: LonLat; lawyers: Lawyer[] }>();
  for (const l of ix.lawyers.values()) {
    const base = ix.base(l);
    if (!base || l.status !== 'practicing' || ix.cap(l) <= 0) continue;
    const key = `${base[0]},${base[1]}`;
    const group = atBase.get(key);
    if (group) group.lawyers.push(l);
    else atBase.set(key, { at: base, lawyers: [l] });
  }
  const grid = new PointGrid<Lawyer[]>(0.1);
  for (const { at, lawyers } of atBase.values()) grid.add(at, lawyers);
  return grid;
}

/**
 * Every blocking pair [villageId, lawyerId] of the plan. A village can only prefer a lawyer it ranks
 * above its adviser, or one of equal rank strictly nearer; so a village whose adviser it lists looks
 * only at its list, and any other village at its list plus the lawyers strictly nearer than its adviser
 * (within maxTravelKm when uncovered), found on a grid of bases, plus its road-km overrides.
 */
function blockingPairs(orders: Orders): [string, string][] {
  const ix = orders.ix;
  const { maxTravelKm, travel } = ix.scenario.policy;
  let grid: PointGrid<Lawyer[]> | undefined;
  const out: [string, string][] = [];

  for (const v of ix.villages.values()) {
    const view = orders.view(v);
    if (!view) continue;
    const n = view.listLength;
    const listed = n > 0 ? orders.listed(v) : undefined;
    if (listed) {
      for (const l of listed) {
        if (orders.verdict(view, l, ix.roadKm(l, v) ?? Infinity, villageRank(ix, v, l)) === 'blocks') out.push([v.id, l.id]);
      }
      if (view.heldRank < n) continue; // its adviser is listed: no unlisted lawyer can beat it
    }

    // Unlisted lawyers all rank n, level with an unlisted adviser: only strictly nearer ones can block.
    const radius = Math.min(view.heldKm, maxTravelKm);
    const overrides = ix.overridesFor(v.id);
    const overridden = overrides.length > 0 ? new Set(overrides.map((o) => o.lawyerId)) : undefined;
    grid ??= baseGrid(ix);
    const arc = (radius / travel.detourFactor) * (1 + 1e-9) + 1e-9;
    for (const { item: lawyers, km: greatCircle } of grid.within(v.location as LonLat, arc)) {
      // haversine is symmetric to the last bit, so this is the road km ix.roadKm gives
      const km = greatCircle * travel.detourFactor;
      if (km > radius) continue;
      for (const l of lawyers) {
        if (listed?.has(l) || overridden?.has(l.id)) continue;
        if (orders.verdict(view, l, km, n) === 'blocks') out.push([v.id, l.id]);
      }
    }
    for (const lawyerId of overridden ?? []) {
      const l = ix.lawyers.get(lawyerId);
      const km = l && ix.roadKm(l, v);
      if (!l || km === undefined || km > radius || listed?.has(l)) continue;
      if (orders.verdict(view, l, km, n) === 'blocks') out.push([v.id, l.id]);
    }
  }
  return out;
}

const histKey = (rank: number, listLength: number) => (rank < listLength ? String(rank + 1) : 'unranked');
const bump = (h: Record<string, number>, key: string) => (h[key] = (h[key] ?? 0) + 1);

/** The rank histograms and blocking pairs of the plan, from the scenario alone. */
export function recomputePreferences(ix: ScenarioIndex, solution: Solution): RecomputedPreferences {
  return recompute(new Orders(ix, solution), solution);
}

function recompute(orders: Orders, solution: Solution): RecomputedPreferences {
  const ix = orders.ix;
  const villageRankHistogram: Record<string, number> = {};
  for (const v of ix.villages.values()) {
    const n = orders.listLength(v);
    const held = orders.holding.get(v.id);
    if (n === 0 || !held) continue;
    bump(villageRankHistogram, held.kind === 'uncovered' ? 'uncovered' : histKey(villageRank(ix, v, held.adviser), n));
  }

  const lawyerRankHistogram: Record<string, number> = {};
  for (const a of solution.assignments) {
    const list = ix.lawyerRanking.get(a.lawyerId) ?? [];
    if (list.length === 0) continue;
    const i = list.indexOf(a.villageId);
    bump(lawyerRankHistogram, histKey(i >= 0 ? i : list.length, list.length));
  }

  const pairs = blockingPairs(orders).sort(byIds);
  return {
    villageRankHistogram,
    lawyerRankHistogram,
    blockingPairs: { count: pairs.length, villages: new Set(pairs.map(([v]) => v)).size },
    pairs,
  };
}

const SHOWN = 5;

/** [villageId, lawyerId] pairs, looked up without building a key string per pair. */
class PairSet {
  private readonly byVillage = new Map<string, Set<string>>();
  constructor(pairs: [string, string][]) {
    for (const [v, l] of pairs) this.add(v, l);
  }
  /** false when the pair was already there */
  add(villageId: string, lawyerId: string): boolean {
    const set = this.byVillage.get(villageId);
    if (!set) {
      this.byVillage.set(villageId, new Set([lawyerId]));
      return true;
    }
    if (set.has(lawyerId)) return false;
    set.add(lawyerId);
    return true;
  }
  has(villageId: string, lawyerId: string): boolean {
    return this.byVillage.get(villageId)?.has(lawyerId) ?? false;
  }
}

// METRICS: the reported rank histograms and blocking pairs (R5) agree with the plan; the list is in its order.
export function checkPreferences(ix: ScenarioIndex, solution: Solution): Violation[] {
  const out: Violation[] = [];
  const got = solution.metrics.preferences;
  const orders = new Orders(ix, solution);
  const want = recompute(orders, solution);
  const bad = (path: string, message: string, at: { villageId?: string; lawyerId?: string } = {}) =>
    out.push({ rule: 'METRICS', message, ...at, path: path === 'blockingPairs' ? path : `metrics.preferences.${path}` });

  for (const key of ['villageRankHistogram', 'lawyerRankHistogram'] as const) {
    if (!sameCounts(got[key], want[key]))
      bad(key, `${key === 'villageRankHistogram' ? 'village' : 'lawyer'} rank histogram reported as ${show(got[key])}, recomputed ${show(want[key])}`);
  }

  const bp = got.blockingPairs;
  const wantBp = want.blockingPairs;
  if (bp.count !== wantBp.count) bad('blockingPairs.count', `blocking pairs reported as ${bp.count}, recomputed ${wantBp.count}`);
  if (bp.villages !== wantBp.villages)
    bad('blockingPairs.villages', `villages in a blocking pair reported as ${bp.villages}, recomputed ${wantBp.villages}`);

  const listedPairs = solution.blockingPairs;
  const wanted = new PairSet(want.pairs);
  const reported = new PairSet([]);
  const extra: [string, string][] = [];
  let repeated = 0;
  for (const [v, l] of listedPairs) {
    if (!reported.add(v, l)) repeated++;
    else if (!wanted.has(v, l)) extra.push([v, l]);
  }
  const missing = want.pairs.filter(([v, l]) => !reported.has(v, l));
  const list = (pairs: [string, string][]) =>
    pairs
      .slice(0, SHOWN)
      .map(([v, l]) => `[${v}, ${l}] (${orders.explain(v, l)})`)
      .join('; ') + (pairs.length > SHOWN ? `; and ${pairs.length - SHOWN} more` : '');
  if (missing.length > 0)
    bad('blockingPairs', `${missing.length} blocking pair${missing.length === 1 ? ' is' : 's are'} missing from the report: ${list(missing)}`, {
      villageId: missing[0][0],
      lawyerId: missing[0][1],
    });
  if (extra.length > 0)
    bad('blockingPairs', `${extra.length} reported pair${extra.length === 1 ? ' does' : 's do'} not block: ${list(extra)}`, {
      villageId: extra[0][0],
      lawyerId: extra[0][1],
    });
  if (repeated > 0) bad('blockingPairs', `${repeated} blocking pair${repeated === 1 ? ' is' : 's are'} listed more than once`);
  // The order a page of the list starts from (MODEL.md): village id, then lawyer id.
  const unordered = listedPairs.findIndex((p, i) => i > 0 && byIds(listedPairs[i - 1], p) > 0);
  if (unordered > 0)
    bad('blockingPairs', `blocking pairs are not sorted by village id, then lawyer id: [${listedPairs[unordered].join(', ')}] at blockingPairs[${unordered}] comes after [${listedPairs[unordered - 1].join(', ')}]`);
  return out;
}
