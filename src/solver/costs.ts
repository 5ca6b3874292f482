import type { Weights } from '../domain/index.js';
import type { Geography } from '../geo/geography.js';

/** Costs are solved in integer thousandths so that sums are exact (MODEL.md). */
export const UNITS = 1000;

/**
 * The objective's terms for individual mode, exactly as docs/MODEL.md states them:
 * travel, village and lawyer preference ranks (R5), change from baseline (R6), convex load, uncovered.
 */
export class CostModel {
  private readonly vLawyerRank: (Map<number, number> | undefined)[];
  private readonly vFirmRank: (Map<string, number> | undefined)[];
  /** rank given to a lawyer the village did not list */
  readonly vUnranked: Int32Array;
  private readonly lVillageRank: (Map<number, number> | undefined)[];
  readonly lUnranked: Int32Array;
  /** baseline lawyer per village, −1 for none (or one no longer on the roster) */
  readonly baseline: Int32Array;
  private readonly firmOf: string[];
  private readonly firmLawyers = new Map<string, number[]>();

  constructor(
    readonly geo: Geography,
    readonly weights: Weights,
  ) {
    const s = geo.scenario;
    this.firmOf = s.lawyers.map((l) => l.firmId);
    s.lawyers.forEach((l, i) => {
      const list = this.firmLawyers.get(l.firmId);
      if (list) list.push(i);
      else this.firmLawyers.set(l.firmId, [i]);
    });
    this.vLawyerRank = new Array(geo.nV);
    this.vFirmRank = new Array(geo.nV);
    this.vUnranked = new Int32Array(geo.nV);
    for (const p of s.preferences.villages) {
      const v = geo.villageIndex.get(p.villageId)!;
      const lawyers = p.lawyers ?? [];
      const firms = p.firms ?? [];
      const byLawyer = new Map<number, number>();
      lawyers.forEach((id, i) => {
        const l = geo.lawyerIndex.get(id)!;
        if (!byLawyer.has(l)) byLawyer.set(l, i);
      });
      const byFirm = new Map<string, number>();
      firms.forEach((id, j) => {
        if (!byFirm.has(id)) byFirm.set(id, lawyers.length + j);
      });
      this.vLawyerRank[v] = byLawyer;
      this.vFirmRank[v] = byFirm;
      this.vUnranked[v] = lawyers.length + firms.length;
    }
    this.lVillageRank = new Array(geo.nL);
    this.lUnranked = new Int32Array(geo.nL);
    for (const p of s.preferences.lawyers) {
      const l = geo.lawyerIndex.get(p.lawyerId)!;
      const villages = p.villages ?? [];
      const byVillage = new Map<number, number>();
      villages.forEach((id, i) => {
        const v = geo.villageIndex.get(id)!;
        if (!byVillage.has(v)) byVillage.set(v, i);
      });
      this.lVillageRank[l] = byVillage;
      this.lUnranked[l] = villages.length;
    }
    // R6: an entry whose lawyer has left the roster is vacated: no baseline to keep, no change to pay.
    this.baseline = new Int32Array(geo.nV).fill(-1);
    for (const b of s.baseline) this.baseline[geo.villageIndex.get(b.villageId)!] = geo.lawyerIndex.get(b.lawyerId) ?? -1;
  }

  /** R5: the place of lawyer l on village v's list (0 = first); unlisted lawyers come after every listed one. */
  villageRank(v: number, l: number): number {
    const byLawyer = this.vLawyerRank[v];
    if (byLawyer === undefined) return 0;
    const r = byLawyer.get(l) ?? this.vFirmRank[v]!.get(this.firmOf[l]);
    return r ?? this.vUnranked[v];
  }

  /** R5: the lawyers village v listed, itself or through their firm. */
  rankedLawyers(v: number): number[] {
    const byLawyer = this.vLawyerRank[v];
    if (byLawyer === undefined) return [];
    const out = new Set(byLawyer.keys());
    for (const firm of this.vFirmRank[v]!.keys()) for (const l of this.firmLawyers.get(firm) ?? []) out.add(l);
    return [...out];
  }

  /** R5: whether village v listed l (itself or its firm). */
  villageRanked(v: number, l: number): boolean {
    return this.vLawyerRank[v] !== undefined && this.villageRank(v, l) < this.vUnranked[v];
  }

  lawyerRank(l: number, v: number): number {
    const byVillage = this.lVillageRank[l];
    if (byVillage === undefined) return 0;
    return byVillage.get(v) ?? this.lUnranked[l];
  }

  lawyerRanked(l: number, v: number): boolean {
    return this.lVillageRank[l] !== undefined && this.lawyerRank(l, v) < this.lUnranked[l];
  }

  hasPreferences(v: number): boolean {
    return this.vLawyerRank[v] !== undefined && this.vUnranked[v] > 0;
  }

  lawyerHasPreferences(l: number): boolean {
    return this.lVillageRank[l] !== undefined && this.lUnranked[l] > 0;
  }

  /** The cost of giving village v to lawyer l at `km` road km. */
  pairCost(v: number, l: number, km: number): number {
    const w = this.weights;
    const b = this.baseline[v];
    return (
      w.travelKm * km +
      w.villagePreference * this.villageRank(v, l) +
      w.lawyerPreference * this.lawyerRank(l, v) +
      (b >= 0 && b !== l ? w.change : 0)
    );
  }

  pairUnits(v: number, l: number, km: number): number {
    return Math.round(this.pairCost(v, l, km) * UNITS);
  }

  /** The part of pairCost that is the same for every lawyer v did not rank and l did not rank, on v's side. */
  unrankedVillageTerm(v: number): number {
    const w = this.weights;
    return w.villagePreference * this.vUnranked[v] + (this.baseline[v] >= 0 ? w.change : 0);
  }

  unrankedLawyerTerm(l: number): number {
    return this.weights.lawyerPreference * this.lUnranked[l];
  }

  uncoveredUnits(v: number): number {
    return Math.round((this.weights.uncovered + (this.baseline[v] >= 0 ? this.weights.change : 0)) * UNITS);
  }

  /** R3: a team member's cost (MODEL.md): travel at the teamMember weight plus a fixed 10 × w.teamMember. */
  memberUnits(km: number): number {
    return Math.round(this.weights.teamMember * (km + 10) * UNITS);
  }

  /** R3: the cost of each need a village's team leaves uncovered (MODEL.md): w.uncovered / 100. */
  missingNeedUnits(): number {
    return Math.round((this.weights.uncovered / 100) * UNITS);
  }

  /**
   * Convex load: the k-th village (k from 1) of a lawyer costs `load × (k − 1)`, for k up to `maxCap`
   * (by default the largest adviser cap, R1).
   */
  loadSteps(maxCap = this.geo.lCap.reduce((a, c) => Math.max(a, c), 1)): Float64Array {
    const steps = new Float64Array(Math.max(1, maxCap));
    for (let k = 0; k < steps.length; k++) steps[k] = Math.round(this.weights.load * k * UNITS);
    return steps;
  }
}

/** The objective of a plan in thousandths, summed as the flow sums it (pair costs, uncovered, each lawyer's load steps). */
export function planUnits(geo: Geography, cm: CostModel, lawyerOf: Int32Array): number {
  const load = new Int32Array(geo.nL);
  let units = 0;
  for (let v = 0; v < geo.nV; v++) {
    const l = lawyerOf[v];
    if (l < 0) units += cm.uncoveredUnits(v);
    else {
      units += cm.pairUnits(v, l, geo.roadKm(v, l));
      load[l]++;
    }
  }
  let maxLoad = 1;
  for (let l = 0; l < geo.nL; l++) maxLoad = Math.max(maxLoad, load[l]);
  const steps = cm.loadSteps(maxLoad);
  for (let l = 0; l < geo.nL; l++) for (let k = 0; k < load[l]; k++) units += steps[k];
  return units;
}
