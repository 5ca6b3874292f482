/**
 * Team options (R3): the ways a village can be served in team mode — a responsible adviser plus a set of
 * same-firm members who cover needs the adviser lacks — and the search for the cheapest ones under
 * lawyer prices λ (pricing, and the Lagrangian bound). Individual-mode villages of a mixed scenario are
 * served by options too: an adviser alone.
 */
import { lawyerCap, type ServiceMode } from '../domain/index.js';
import type { Geography } from '../geo/geography.js';
import type { CostModel } from './costs.js';

export const MODE_INDIVIDUAL = 0;
export const MODE_TEAM = 1;
export const MODE_FIRM_TOWN = 2;
const MODE_CODE: Record<ServiceMode, number> = { individual: MODE_INDIVIDUAL, team: MODE_TEAM, 'firm-town': MODE_FIRM_TOWN };

/** One way to serve a village: the adviser, the other members, and its cost in thousandths (MODEL.md). */
export interface TeamOption {
  v: number;
  adviser: number;
  /** other members, ascending */
  members: number[];
  /** pair cost + member costs + missing needs, in thousandths */
  units: number;
  /** needs of the village no one on the team has */
  missing: number;
}

/** Everything the option search needs about the scenario, built once per solve. */
export class ModeContext {
  /** MODE_* per village */
  readonly mode: Uint8Array;
  /** firm number per lawyer */
  readonly firmOf: Int32Array;
  readonly firmIds: string[];
  /** R1 in any role: the cap of lawyerCap (policy, personal, monthly hours), interns included */
  readonly anyRoleCap: Int32Array;
  /** R6: pinned lawyer per village, −1 for none */
  readonly pinned: Int32Array;
  /** per village: its needs (deduplicated) */
  readonly needs: string[][];
  private readonly specialties: Set<string>[];
  readonly maxTeam: number;
  readonly missingUnits: number;
  private reachCache: (VillageReach | undefined)[];

  constructor(
    readonly geo: Geography,
    readonly cm: CostModel,
  ) {
    const s = geo.scenario;
    const policyMode = s.policy.mode;
    this.mode = new Uint8Array(geo.nV);
    for (let v = 0; v < geo.nV; v++) {
      const county = geo.vCounty[v];
      const m: ServiceMode = typeof policyMode === 'string' ? policyMode : ((county !== undefined ? policyMode[county] : undefined) ?? 'individual');
      this.mode[v] = MODE_CODE[m];
    }
    const firmNumber = new Map<string, number>();
    this.firmIds = [];
    for (const f of s.firms) if (!firmNumber.has(f.id)) firmNumber.set(f.id, this.firmIds.push(f.id) - 1);
    this.firmOf = new Int32Array(geo.nL);
    this.anyRoleCap = new Int32Array(geo.nL);
    s.lawyers.forEach((l, i) => {
      let f = firmNumber.get(l.firmId);
      if (f === undefined) firmNumber.set(l.firmId, (f = this.firmIds.push(l.firmId) - 1));
      this.firmOf[i] = f;
      this.anyRoleCap[i] = lawyerCap(s.policy, l);
    });
    this.specialties = s.lawyers.map((l) => new Set(l.specialties));
    this.needs = s.villages.map((v) => [...new Set(v.needs ?? [])]);
    this.pinned = new Int32Array(geo.nV).fill(-1);
    for (const p of s.pins) this.pinned[geo.villageIndex.get(p.villageId)!] = geo.lawyerIndex.get(p.lawyerId)!;
    this.maxTeam = s.policy.team.maxSize;
    this.missingUnits = cm.missingNeedUnits();
    this.reachCache = new Array(geo.nV);
  }

  /** Team size allowed at v: maxSize in team mode when the village has needs, else the adviser alone. */
  teamSize(v: number): number {
    return this.mode[v] === MODE_TEAM && this.needs[v].length > 0 ? this.maxTeam : 1;
  }

  /** Bit i set when lawyer l has need i of village v. */
  needMask(v: number, l: number): number {
    const needs = this.needs[v];
    const spec = this.specialties[l];
    let mask = 0;
    for (let i = 0; i < needs.length; i++) if (spec.has(needs[i])) mask |= 1 << i;
    return mask;
  }

  /** May l be a member of v's team beside an adviser of l's firm? (R1 cap > 0, R5, R7, TRAVEL; interns too) */
  mayJoin(v: number, l: number, km: number): boolean {
    return this.anyRoleCap[l] > 0 && km <= this.geo.maxTravelKm && this.geo.sameCityOrPaired(v, l) && this.geo.notVetoed(v, l);
  }

  /** Lawyers who may serve v in some role, grouped by firm (computed on first use, then kept). */
  reach(v: number): VillageReach {
    const cached = this.reachCache[v];
    if (cached) return cached;
    const ids: number[] = [];
    const kms: number[] = [];
    this.geo.lawyersWithinRoadKm(v, this.geo.maxTravelKm, ids, kms);
    const pin = this.pinned[v];
    const entries: { l: number; km: number; adviser: boolean; mask: number }[] = [];
    let pinSeen = false;
    for (let i = 0; i < ids.length; i++) {
      const l = ids[i];
      const adviser = pin >= 0 ? l === pin : this.geo.mayAdvise(v, l);
      if (l === pin) pinSeen = true;
      const member = this.teamSize(v) > 1 && this.mayJoin(v, l, kms[i]);
      const mask = member ? this.needMask(v, l) : 0;
      if (adviser || mask !== 0) entries.push({ l, km: kms[i], adviser, mask });
    }
    // R6: a pin holds whatever the distance.
    if (pin >= 0 && !pinSeen) entries.push({ l: pin, km: this.geo.roadKm(v, pin), adviser: true, mask: 0 });
    entries.sort((a, b) => this.firmOf[a.l] - this.firmOf[b.l] || a.l - b.l);
    const n = entries.length;
    const r: VillageReach = {
      lawyer: new Int32Array(n),
      km: new Float64Array(n),
      adviser: new Uint8Array(n),
      mask: new Int32Array(n),
      firmStart: [],
    };
    entries.forEach((e, i) => {
      r.lawyer[i] = e.l;
      r.km[i] = e.km;
      r.adviser[i] = e.adviser ? 1 : 0;
      r.mask[i] = e.mask;
      if (i === 0 || this.firmOf[e.l] !== this.firmOf[entries[i - 1].l]) r.firmStart.push(i);
    });
    r.firmStart.push(n);
    this.reachCache[v] = r;
    return r;
  }

  /** Drops the cached reach of every village (memory), e.g. once the options are final. */
  forgetReach(): void {
    this.reachCache = new Array(this.geo.nV);
  }

  /** The cost of an option in thousandths, exactly as MODEL.md sums it (each term rounded). */
  optionUnits(v: number, adviser: number, members: readonly number[]): { units: number; missing: number } {
    let units = this.cm.pairUnits(v, adviser, this.geo.roadKm(v, adviser));
    let covered = this.needMask(v, adviser);
    for (const m of members) {
      units += this.cm.memberUnits(this.geo.roadKm(v, m));
      covered |= this.needMask(v, m);
    }
    const all = (1 << this.needs[v].length) - 1;
    const missing = this.mode[v] === MODE_TEAM ? popcount(all & ~covered) : 0;
    return { units: units + missing * this.missingUnits, missing };
  }

  /**
   * The cheapest options of village v when each lawyer l costs `price[l]` more (λ ≥ 0; Infinity bars l),
   * best first, at most `limit`, one per adviser. Exact: every valid team is a candidate (members that
   * add no need are never cheaper, since member costs and prices are ≥ 0). Returns the λ-cost with each.
   */
  cheapest(v: number, price: Float64Array, limit: number): { option: TeamOption; priced: number }[] {
    const r = this.reach(v);
    const size = this.teamSize(v);
    const all = (1 << this.needs[v].length) - 1;
    const best: { option: TeamOption; priced: number }[] = [];
    const team = this.mode[v] === MODE_TEAM;
    for (let f = 0; f + 1 < r.firmStart.length; f++) {
      const lo = r.firmStart[f];
      const hi = r.firmStart[f + 1];
      const covers = new Map<number, Cover>();
      for (let i = lo; i < hi; i++) {
        if (!r.adviser[i]) continue;
        const a = r.lawyer[i];
        if (price[a] === Infinity) continue;
        const adviserUnits = this.cm.pairUnits(v, a, r.km[i]) + price[a];
        let target = team ? all & ~this.needMask(v, a) : 0;
        if (size === 1) target = 0;
        let cover = covers.get(target);
        if (!cover) covers.set(target, (cover = this.bestCover(v, r, lo, hi, target, size - 1, price)));
        const missingAlone = team ? popcount(all & ~this.needMask(v, a)) : 0;
        // With no member the target's needs are simply missing.
        const priced = adviserUnits + (size === 1 ? missingAlone * this.missingUnits : cover.priced);
        if (best.length === limit && priced >= best[best.length - 1].priced) continue;
        const members = size === 1 ? [] : [...cover.members].sort((x, y) => x - y);
        const { units, missing } = this.optionUnits(v, a, members);
        insertSorted(best, { option: { v, adviser: a, members, units, missing }, priced }, limit);
      }
    }
    return best;
  }

  /**
   * The cheapest set of at most `slots` members (entries lo..hi of r, one firm) covering `target`, each
   * uncovered bit costing missingUnits: branch on the lowest uncovered bit — a member who has it, or none.
   */
  private bestCover(v: number, r: VillageReach, lo: number, hi: number, target: number, slots: number, price: Float64Array): Cover {
    let best: Cover = { priced: Infinity, members: [] };
    const chosen: number[] = [];
    const walk = (left: number, slotsLeft: number, cost: number) => {
      if (cost >= best.priced) return;
      if (left === 0) {
        best = { priced: cost, members: [...chosen] };
        return;
      }
      const bit = left & -left;
      if (slotsLeft > 0) {
        for (let i = lo; i < hi; i++) {
          if ((r.mask[i] & bit) === 0) continue;
          const m = r.lawyer[i];
          if (price[m] === Infinity || chosen.includes(m)) continue;
          chosen.push(m);
          walk(left & ~r.mask[i], slotsLeft - 1, cost + this.cm.memberUnits(r.km[i]) + price[m]);
          chosen.pop();
        }
      }
      walk(left & ~bit, slotsLeft, cost + this.missingUnits);
    };
    walk(target, slots, 0);
    return best;
  }
}

interface Cover {
  priced: number;
  members: number[];
}

/** The lawyers who may serve a village, sorted by firm; `firmStart` bounds each firm's run. */
export interface VillageReach {
  lawyer: Int32Array;
  km: Float64Array;
  /** may be the responsible adviser */
  adviser: Uint8Array;
  /** the village's needs this lawyer has, when they may be a member (else 0) */
  mask: Int32Array;
  firmStart: number[];
}

export function popcount(x: number): number {
  let n = 0;
  for (let y = x; y !== 0; y &= y - 1) n++;
  return n;
}

function insertSorted(list: { option: TeamOption; priced: number }[], item: { option: TeamOption; priced: number }, limit: number): void {
  let i = list.length;
  while (i > 0 && list[i - 1].priced > item.priced) i--;
  list.splice(i, 0, item);
  if (list.length > limit) list.pop();
}

/** A key naming an option's lawyers, for de-duplication. */
export const optionKey = (o: TeamOption) => `${o.v}:${o.adviser}:${o.members.join(',')}`;
