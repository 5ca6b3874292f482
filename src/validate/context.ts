import type { Firm, Lawyer, LonLat, Region, Scenario, ServiceMode, Solution, Village } from '../domain/index.js';
import { scenarioInWgs84 } from '../geo/crs.js';
import { haversineKm } from './geo.js';

const pairKey = (lawyerId: string, villageId: string) => `${lawyerId}\u0000${villageId}`;

/**
 * The scenario looked up by id, with the derived facts every check needs:
 * cities and counties, caps, bases, road km, vetoes and pins. Built from the scenario alone.
 */
export class ScenarioIndex {
  readonly regions = new Map<string, Region>();
  readonly firms = new Map<string, Firm>();
  readonly lawyers = new Map<string, Lawyer>();
  readonly villages = new Map<string, Village>();
  readonly villageVetoes = new Map<string, Set<string>>();
  readonly lawyerVetoes = new Map<string, Set<string>>();
  readonly villageRanking = new Map<string, { lawyers: string[]; firms: string[] }>();
  readonly lawyerRanking = new Map<string, string[]>();
  /** village id → pinned lawyer id */
  readonly pins = new Map<string, string>();
  /** village id → baseline lawyer id, for baseline entries whose lawyer is still on the roster (R6) */
  readonly baseline = new Map<string, string>();
  /** village id → baseline lawyer id, for entries whose lawyer is no longer on the roster: the village is vacated */
  readonly vacated = new Map<string, string>();
  /** villages per town, in scenario order */
  readonly villagesOfTown = new Map<string, Village[]>();
  private readonly overrides = new Map<string, number>();
  private readonly overridesOfVillage = new Map<string, { lawyerId: string; km: number }[]>();
  private readonly cityMemo = new Map<string, string | undefined>();

  /** the scenario as given, its points converted to WGS-84 once here when it declares another `crs` */
  readonly scenario: Scenario;

  constructor(input: Scenario) {
    // The one shared transform (src/geo/crs.ts, a coordinate conversion, no solver code): distances are WGS-84.
    const scenario = scenarioInWgs84(input);
    this.scenario = scenario;
    for (const r of scenario.regions) if (!this.regions.has(r.id)) this.regions.set(r.id, r);
    for (const f of scenario.firms) if (!this.firms.has(f.id)) this.firms.set(f.id, f);
    for (const l of scenario.lawyers) if (!this.lawyers.has(l.id)) this.lawyers.set(l.id, l);
    for (const v of scenario.villages) {
      if (this.villages.has(v.id)) continue;
      this.villages.set(v.id, v);
      const list = this.villagesOfTown.get(v.townId);
      if (list) list.push(v);
      else this.villagesOfTown.set(v.townId, [v]);
    }
    for (const p of scenario.preferences.villages) {
      this.villageVetoes.set(p.villageId, new Set(p.vetoes ?? []));
      this.villageRanking.set(p.villageId, { lawyers: p.lawyers ?? [], firms: p.firms ?? [] });
    }
    for (const p of scenario.preferences.lawyers) {
      this.lawyerVetoes.set(p.lawyerId, new Set(p.vetoes ?? []));
      this.lawyerRanking.set(p.lawyerId, p.villages ?? []);
    }
    for (const p of scenario.pins) this.pins.set(p.villageId, p.lawyerId);
    for (const b of scenario.baseline) (this.lawyers.has(b.lawyerId) ? this.baseline : this.vacated).set(b.villageId, b.lawyerId);
    for (const o of scenario.travelOverrides) {
      this.overrides.set(pairKey(o.lawyerId, o.villageId), o.km);
      const list = this.overridesOfVillage.get(o.villageId);
      if (list) list.push({ lawyerId: o.lawyerId, km: o.km });
      else this.overridesOfVillage.set(o.villageId, [{ lawyerId: o.lawyerId, km: o.km }]);
    }
  }

  /** R1 (with R9): a lawyer's cap: the policy's, their own if lower, and no more villages than their monthly hours give 8 h (service.monthlyHours) each. */
  cap(l: Lawyer): number {
    const { maxVillagesPerLawyer, service } = this.scenario.policy;
    const hours = l.monthlyHours !== undefined && service.monthlyHours > 0 ? Math.floor(l.monthlyHours / service.monthlyHours + 1e-9) : Infinity;
    return Math.min(maxVillagesPerLawyer, l.maxVillages ?? Infinity, hours);
  }

  /** R7: where a lawyer travels from: their own base, else their firm. */
  base(l: Lawyer): LonLat | undefined {
    return (l.base as LonLat | undefined) ?? (this.firms.get(l.firmId)?.location as LonLat | undefined);
  }

  /** TRAVEL: road km of a pair: the override if any, else straight line × detour; undefined when no base is known. */
  roadKm(l: Lawyer, v: Village): number | undefined {
    const override = this.overrides.get(pairKey(l.id, v.id));
    if (override !== undefined) return override;
    const base = this.base(l);
    if (!base) return undefined;
    return haversineKm(base, v.location as LonLat) * this.scenario.policy.travel.detourFactor;
  }

  /** Road-km overrides given for one village. */
  overridesFor(villageId: string): { lawyerId: string; km: number }[] {
    return this.overridesOfVillage.get(villageId) ?? [];
  }

  hasOverride(lawyerId: string, villageId: string): boolean {
    return this.overrides.has(pairKey(lawyerId, villageId));
  }

  isPinned(villageId: string, lawyerId: string): boolean {
    return this.pins.get(villageId) === lawyerId;
  }

  /** R5: the veto, if any, that forbids this pair, in words; undefined when the pair is allowed. */
  veto(v: Village, l: Lawyer): string | undefined {
    const byVillage = this.villageVetoes.get(v.id);
    if (byVillage?.has(l.id)) return `village ${v.id} vetoes lawyer ${l.id}`;
    if (byVillage?.has(l.firmId)) return `village ${v.id} vetoes firm ${l.firmId} of lawyer ${l.id}`;
    if (this.lawyerVetoes.get(l.id)?.has(v.id)) return `lawyer ${l.id} vetoes village ${v.id}`;
    return undefined;
  }

  /** The first region of level `city` up the parent chain from `regionId` (itself included). */
  cityOf(regionId: string): string | undefined {
    if (this.cityMemo.has(regionId)) return this.cityMemo.get(regionId);
    let city: string | undefined;
    const seen = new Set<string>();
    for (let r = this.regions.get(regionId); r && !seen.has(r.id); r = r.parentId ? this.regions.get(r.parentId) : undefined) {
      seen.add(r.id);
      if (r.level === 'city') {
        city = r.id;
        break;
      }
    }
    this.cityMemo.set(regionId, city);
    return city;
  }

  /** R7: may this lawyer serve this village's city? (their firm's city, unless paired assistance or a city is unknown) */
  sameCityOrExempt(v: Village, l: Lawyer): { ok: boolean; villageCity?: string; lawyerCity?: string } {
    if (l.pairedAssistance) return { ok: true };
    const villageCity = this.cityOf(v.townId);
    const firm = this.firms.get(l.firmId);
    const lawyerCity = firm ? this.cityOf(firm.regionId) : undefined;
    if (villageCity === undefined || lawyerCity === undefined) return { ok: true };
    return { ok: villageCity === lawyerCity, villageCity, lawyerCity };
  }

  /** The county of a town: the first county up its parent chain, else its parent. */
  countyOfTown(townId: string): string | undefined {
    const town = this.regions.get(townId);
    if (!town?.parentId) return undefined;
    const seen = new Set<string>();
    for (let r = this.regions.get(town.parentId); r && !seen.has(r.id); r = r.parentId ? this.regions.get(r.parentId) : undefined) {
      seen.add(r.id);
      if (r.level === 'county') return r.id;
    }
    return town.parentId;
  }

  /** The service mode of a town's county: the policy's one mode, or the county's entry in the map (default individual). */
  modeOfTown(townId: string): ServiceMode {
    const mode = this.scenario.policy.mode;
    if (typeof mode === 'string') return mode;
    const county = this.countyOfTown(townId);
    return (county !== undefined ? mode[county] : undefined) ?? 'individual';
  }

  modeOfVillage(v: Village): ServiceMode {
    return this.modeOfTown(v.townId);
  }

  /** True when every county is in individual mode, so the objective of MODEL.md applies. */
  allIndividual(): boolean {
    const mode = this.scenario.policy.mode;
    return typeof mode === 'string' ? mode === 'individual' : Object.values(mode).every((m) => m === 'individual');
  }
}

/**
 * The villages each lawyer serves in any role (adviser or team member), each village counted once.
 */
export function villagesPerLawyer(solution: Solution): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  const add = (lawyerId: string, villageId: string) => {
    const set = out.get(lawyerId);
    if (set) set.add(villageId);
    else out.set(lawyerId, new Set([villageId]));
  };
  for (const a of solution.assignments) {
    add(a.lawyerId, a.villageId);
    for (const m of a.team) add(m, a.villageId);
  }
  return out;
}
