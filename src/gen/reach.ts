import type { LonLat } from '../domain/common.js';
import { haversineKm } from './geometry.js';
import type { Staffing } from './lawyers.js';
import type { FirmInput, GenVillage, LawyerInput } from './types.js';

/** Practicing lawyers who start from one point: a firm's office, or one paired lawyer's base (R7). */
export interface Site {
  point: LonLat;
  /** the city the site's lawyers serve: the firm's, or the one the paired base lies in */
  cityId: string;
  firm: FirmInput;
  lawyers: LawyerInput[];
  paired: boolean;
}

export interface Near<T> {
  item: T;
  km: number;
}

export function villageCityId(v: GenVillage): string {
  return v.town.county.city.id;
}

/**
 * Who can reach whom, by the model's rules (MODEL.md): practicing lawyers of the village's city,
 * or paired-assistance lawyers of any city, within maxTravelKm road km (straight line × detour).
 * Villages only ask about their own city's sites and the paired sites close enough to that city.
 */
export class Reach {
  readonly sites: Site[] = [];
  readonly siteOfLawyer = new Map<string, Site>();
  private readonly sitesByCity = new Map<string, Site[]>();
  private readonly villagesByCity = new Map<string, GenVillage[]>();

  constructor(
    staffing: Staffing,
    villages: GenVillage[],
    private readonly maxRoadKm: number,
    private readonly detourFactor: number,
  ) {
    for (const v of villages) pushTo(this.villagesByCity, villageCityId(v), v);
    this.buildSites(staffing);
    this.addPairedSitesNearEachCity();
  }

  private buildSites(staffing: Staffing): void {
    const firmSite = new Map<string, Site>();
    for (const firm of staffing.firms) {
      const site: Site = { point: firm.location, cityId: staffing.firmCity.get(firm.id)!, firm, lawyers: [], paired: false };
      firmSite.set(firm.id, site);
      this.sites.push(site);
    }
    for (const l of staffing.lawyers) {
      if (l.status !== 'practicing') continue;
      const firm = firmSite.get(l.firmId)!;
      if (l.pairedAssistance && l.base) {
        const site: Site = { point: l.base, cityId: staffing.pairedBaseCity.get(l.id)!, firm: firm.firm, lawyers: [l], paired: true };
        this.sites.push(site);
        this.siteOfLawyer.set(l.id, site);
      } else {
        firm.lawyers.push(l);
        this.siteOfLawyer.set(l.id, firm);
      }
    }
    for (const s of this.sites) if (!s.paired && s.lawyers.length > 0) pushTo(this.sitesByCity, s.cityId, s);
  }

  /** Paired sites are eligible anywhere (R7); keep those within reach of some village of each city. */
  private addPairedSitesNearEachCity(): void {
    const paired = this.sites.filter((s) => s.paired);
    const reachKm = this.maxRoadKm / this.detourFactor;
    for (const [cityId, villages] of this.villagesByCity) {
      const centre = meanPoint(villages.map((v) => v.record.location));
      const radius = villages.reduce((max, v) => Math.max(max, haversineKm(centre, v.record.location)), -Infinity);
      for (const s of paired) if (haversineKm(centre, s.point) <= radius + reachKm) pushTo(this.sitesByCity, cityId, s);
    }
  }

  roadKm(a: LonLat, b: LonLat): number {
    return haversineKm(a, b) * this.detourFactor;
  }

  /** Sites with a lawyer who may advise `v`, nearest first. */
  sitesNear(v: GenVillage): Near<Site>[] {
    const out: Near<Site>[] = [];
    for (const site of this.sitesByCity.get(villageCityId(v)) ?? []) {
      const km = this.roadKm(site.point, v.record.location);
      if (km <= this.maxRoadKm) out.push({ item: site, km });
    }
    return out.sort((a, b) => a.km - b.km);
  }

  /** Villages of the site's city within reach of it, nearest first. */
  villagesNear(site: Site): Near<GenVillage>[] {
    const out: Near<GenVillage>[] = [];
    for (const v of this.villagesByCity.get(site.cityId) ?? []) {
      const km = this.roadKm(site.point, v.record.location);
      if (km <= this.maxRoadKm) out.push({ item: v, km });
    }
    return out.sort((a, b) => a.km - b.km);
  }
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function meanPoint(points: LonLat[]): LonLat {
  let lon = 0;
  let lat = 0;
  for (const p of points) {
    lon += p[0];
    lat += p[1];
  }
  return [lon / points.length, lat / points.length];
}
