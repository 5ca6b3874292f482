import { lawyerCap, type Scenario } from '../domain/index.js';
import { scenarioInWgs84 } from './crs.js';
import { haversineKm } from './distance.js';
import { PointIndex } from './spatial.js';

/**
 * The scenario laid out for fast look-ups by index: where villages and lawyers are,
 * which city each belongs to, road km between them, and who may serve whom.
 * Villages and lawyers keep their order in the scenario, so index i is `villages[i]`.
 */
export class Geography {
  readonly nV: number;
  readonly nL: number;
  readonly villageIndex = new Map<string, number>();
  readonly lawyerIndex = new Map<string, number>();
  readonly vLon: Float64Array;
  readonly vLat: Float64Array;
  /** a lawyer's base: `base`, else the firm's location (R7) */
  readonly lLon: Float64Array;
  readonly lLat: Float64Array;
  /** city index per village / per lawyer (the firm's city), −1 when unknown */
  readonly vCity: Int32Array;
  readonly lCity: Int32Array;
  /** county id per village, `undefined` when the town has no county above it */
  readonly vCounty: (string | undefined)[];
  readonly lPracticing: Uint8Array;
  readonly lPaired: Uint8Array;
  /** R1: min(policy cap, personal cap) */
  readonly lCap: Int32Array;
  readonly maxTravelKm: number;
  readonly detourFactor: number;
  /** R5: lawyers each village refuses (firm vetoes expanded to the firm's lawyers) */
  readonly villageVetoes: (Set<number> | undefined)[];
  /** R5: villages each lawyer refuses */
  readonly lawyerVetoes: (Set<number> | undefined)[];
  /** road km given by a routing engine, keyed by `v * nL + l` */
  readonly overrides = new Map<number, number>();
  /** every lawyer's base, interns included */
  readonly lawyerPoints: PointIndex;

  /** the scenario as given, its points converted to WGS-84 once here when it declares another `crs` */
  readonly scenario: Scenario;

  constructor(input: Scenario) {
    const scenario = scenarioInWgs84(input);
    this.scenario = scenario;
    const { villages, lawyers, firms, regions, policy } = scenario;
    this.nV = villages.length;
    this.nL = lawyers.length;
    this.maxTravelKm = policy.maxTravelKm;
    this.detourFactor = policy.travel.detourFactor;
    villages.forEach((v, i) => this.villageIndex.set(v.id, i));
    lawyers.forEach((l, i) => this.lawyerIndex.set(l.id, i));

    const regionById = new Map(regions.map((r) => [r.id, r]));
    const ancestor = (regionId: string, level: 'city' | 'county'): string | undefined => {
      let cur = regionById.get(regionId);
      for (let hops = 0; cur && hops < 64; hops++) {
        if (cur.level === level) return cur.id;
        cur = cur.parentId === undefined ? undefined : regionById.get(cur.parentId);
      }
      return undefined;
    };
    const cityNumber = new Map<string, number>();
    const cityOf = (regionId: string): number => {
      const city = ancestor(regionId, 'city');
      if (city === undefined) return -1;
      let n = cityNumber.get(city);
      if (n === undefined) cityNumber.set(city, (n = cityNumber.size));
      return n;
    };

    this.vLon = new Float64Array(this.nV);
    this.vLat = new Float64Array(this.nV);
    this.vCity = new Int32Array(this.nV);
    this.vCounty = new Array(this.nV);
    const townCity = new Map<string, number>();
    villages.forEach((v, i) => {
      this.vLon[i] = v.location[0];
      this.vLat[i] = v.location[1];
      let c = townCity.get(v.townId);
      if (c === undefined) townCity.set(v.townId, (c = cityOf(v.townId)));
      this.vCity[i] = c;
      this.vCounty[i] = ancestor(v.townId, 'county');
    });

    const firmById = new Map(firms.map((f) => [f.id, f]));
    this.lLon = new Float64Array(this.nL);
    this.lLat = new Float64Array(this.nL);
    this.lCity = new Int32Array(this.nL);
    this.lPracticing = new Uint8Array(this.nL);
    this.lPaired = new Uint8Array(this.nL);
    this.lCap = new Int32Array(this.nL);
    const firmLawyers = new Map<string, number[]>();
    lawyers.forEach((l, i) => {
      const firm = firmById.get(l.firmId);
      const base = l.base ?? firm?.location ?? [0, 0];
      this.lLon[i] = base[0];
      this.lLat[i] = base[1];
      this.lCity[i] = firm ? cityOf(firm.regionId) : -1;
      this.lPracticing[i] = l.status === 'practicing' ? 1 : 0;
      this.lPaired[i] = l.pairedAssistance ? 1 : 0;
      this.lCap[i] = l.status === 'practicing' ? lawyerCap(policy, l) : 0;
      const list = firmLawyers.get(l.firmId);
      if (list) list.push(i);
      else firmLawyers.set(l.firmId, [i]);
    });

    this.villageVetoes = new Array(this.nV);
    for (const p of scenario.preferences.villages) {
      if (!p.vetoes || p.vetoes.length === 0) continue;
      const v = this.villageIndex.get(p.villageId)!;
      const set = new Set<number>();
      for (const id of p.vetoes) {
        const l = this.lawyerIndex.get(id);
        if (l !== undefined) set.add(l);
        for (const fl of firmLawyers.get(id) ?? []) set.add(fl);
      }
      this.villageVetoes[v] = set;
    }
    this.lawyerVetoes = new Array(this.nL);
    for (const p of scenario.preferences.lawyers) {
      if (!p.vetoes || p.vetoes.length === 0) continue;
      const l = this.lawyerIndex.get(p.lawyerId)!;
      this.lawyerVetoes[l] = new Set(p.vetoes.map((id) => this.villageIndex.get(id)!));
    }
    for (const o of scenario.travelOverrides) {
      const v = this.villageIndex.get(o.villageId)!;
      const l = this.lawyerIndex.get(o.lawyerId)!;
      this.overrides.set(v * this.nL + l, o.km);
    }
    this.lawyerPoints = new PointIndex(this.lLon, this.lLat);
  }

  /** Road km from lawyer l's base to village v: the routing figure if given, else straight line × detour. */
  roadKm(v: number, l: number): number {
    if (this.overrides.size > 0) {
      const km = this.overrides.get(v * this.nL + l);
      if (km !== undefined) return km;
    }
    return haversineKm(this.lLon[l], this.lLat[l], this.vLon[v], this.vLat[v]) * this.detourFactor;
  }

  /** R7: a lawyer serves their firm's city; a paired-assistance lawyer may serve any. */
  sameCityOrPaired(v: number, l: number): boolean {
    const vc = this.vCity[v];
    const lc = this.lCity[l];
    return vc < 0 || lc < 0 || vc === lc || this.lPaired[l] === 1;
  }

  /** R5: neither side vetoes the pair. */
  notVetoed(v: number, l: number): boolean {
    return !this.villageVetoes[v]?.has(l) && !this.lawyerVetoes[l]?.has(v);
  }

  /** May lawyer l be village v's responsible adviser, distance and load aside? (R1 cap > 0, R2, R5, R7) */
  mayAdvise(v: number, l: number): boolean {
    return this.lCap[l] > 0 && this.sameCityOrPaired(v, l) && this.notVetoed(v, l);
  }

  /** Lawyers within `km` road km of village v (interns included), unsorted, with their road km. */
  lawyersWithinRoadKm(v: number, km: number, ids: number[], roadKms: number[]): void {
    this.withinRoadKm(this.lawyerPoints, undefined, v, km, ids, roadKms);
  }

  /**
   * Points of `points` within `km` road km of village v, unsorted, with their road km: straight line ×
   * detour, or the routing override of the point's lawyer (`lawyerOf[id]`, else id itself) where one is given.
   */
  withinRoadKm(points: PointIndex, lawyerOf: Int32Array | undefined, v: number, km: number, ids: number[], roadKms: number[]): void {
    // A hair wider than needed, then the exact road-km test, so the boundary agrees with roadKm().
    points.within(this.vLon[v], this.vLat[v], (km / this.detourFactor) * (1 + 1e-9), ids, roadKms);
    const base = v * this.nL;
    let w = 0;
    for (let i = 0; i < ids.length; i++) {
      const l = lawyerOf ? lawyerOf[ids[i]] : ids[i];
      const d = (this.overrides.size > 0 ? this.overrides.get(base + l) : undefined) ?? roadKms[i] * this.detourFactor;
      if (d <= km) {
        ids[w] = ids[i];
        roadKms[w++] = d;
      }
    }
    ids.length = w;
    roadKms.length = w;
  }
}
