/**
 * Scenarios on real divisions: the real cities, counties, towns and villages (codes, names, points) the
 * caller reads from wherever it keeps them (benchmarks/real-geo.ts reads ../shared/geo; nothing of it is
 * stored in the project), staffed with made-up firms and lawyers by the generator's own stages: the
 * province plan's lawyers per city (presets.ts), villages' traits (villages.ts), firms and lawyers with
 * paired assistance (lawyers.ts), two-way preferences (preferences.ts) and the bureaus' contacts (regions.ts).
 *
 * The whole province is staffed at once, so a city's scenario is a cut of the province's: its regions,
 * villages, the lawyers of its firms (less those on paired assistance elsewhere) and the paired lawyers
 * based in it, with their firms in a PRD city (that city and the firm's county come along as regions).
 * Deterministic: one seed, one JSON, whichever cities are asked for.
 */
import type { LonLat } from '../domain/common.js';
import { Policy, SCENARIO_SCHEMA, type ScenarioInput, type ServiceMode } from '../domain/scenario.js';
import type { CityClass } from './calibration.js';
import { NOTICE, YEAR } from './index.js';
import { haversineKm } from './geometry.js';
import { staffCities, type Staffing } from './lawyers.js';
import type { CountyKind, TownKind } from './names.js';
import { buildPreferences, type Preferences } from './preferences.js';
import { cityPlan, practicingPerCity, provincePracticing } from './presets.js';
import { Reach } from './reach.js';
import { regionRecords } from './regions.js';
import { Rng } from './random.js';
import type { GenCity, GenCounty, GenTown, GenVillage, RegionInput } from './types.js';
import { villageTraits } from './villages.js';

export interface RealVillage {
  /** the 12-digit NBS code */
  code: string;
  name: string;
  kind: 'village' | 'community';
  location: LonLat;
}

export interface RealTown {
  /** the 9-digit NBS code */
  code: string;
  name: string;
  kind: TownKind;
  centre: LonLat;
  villages: RealVillage[];
}

export interface RealCounty {
  /** the 6-digit code */
  code: string;
  name: string;
  /** the county seat */
  seat: LonLat;
  towns: RealTown[];
}

export interface RealCity {
  /** the 4-digit code (4401 广州市) */
  code: string;
  name: string;
  cls: CityClass;
  centre: LonLat;
  /** the telephone area code of the bureau's contact, e.g. 020 */
  areaCode: string;
  counties: RealCounty[];
}

const countyKind = (name: string): CountyKind => (name.endsWith('县') ? 'county' : name.endsWith('市') ? 'county-city' : 'district');

/** The generator's map from the real one: the county whose seat is nearest the city centre is its urban district; each county's towns nearest the seat first (lawyers.ts places firms in the larger towns after the first). */
function genCity(city: RealCity, practicing: number): { gen: GenCity; byTown: Map<string, RealVillage[]> } {
  const villages = city.counties.reduce((n, c) => n + c.towns.reduce((m, t) => m + t.villages.length, 0), 0);
  const towns = city.counties.reduce((n, c) => n + c.towns.length, 0);
  const gen: GenCity = {
    id: city.code,
    name: city.name,
    stem: city.name.replace(/市$/, ''),
    cls: city.cls,
    centre: city.centre,
    plan: cityPlan(city.cls, villages, towns, city.counties.length, practicing),
    areaCode: city.areaCode,
    counties: [],
  };
  const nearest = city.counties.reduce((best, c, i) => (haversineKm(c.seat, city.centre) < haversineKm(city.counties[best].seat, city.centre) ? i : best), 0);
  const byTown = new Map<string, RealVillage[]>();
  gen.counties = city.counties.map((c, i) => {
    const county: GenCounty = { id: c.code, name: c.name, kind: countyKind(c.name), seat: c.seat, central: i === nearest, city: gen, towns: [] };
    county.towns = c.towns
      .map((t): GenTown => {
        byTown.set(t.code, t.villages);
        return { id: t.code, name: t.name, kind: t.kind, centre: t.centre, county, villageCount: t.villages.length };
      })
      .sort((a, b) => haversineKm(a.centre, c.seat) - haversineKm(b.centre, c.seat) || a.id.localeCompare(b.id));
    return county;
  });
  return { gen, byTown };
}

export interface RealProvinceOptions {
  seed: number;
  /** program year (default the generator's YEAR) */
  year?: number;
}

/** A made-up roster on the real map, cut into scenarios: `scenario()` the province, `scenario(code)` one city. */
export class RealProvince {
  readonly cities: GenCity[];
  readonly villages: GenVillage[];
  readonly staffing: Staffing;
  readonly preferences: Preferences;
  readonly year: number;
  private readonly regions = new Map<string, RegionInput[]>();

  constructor(
    real: readonly RealCity[],
    readonly options: RealProvinceOptions,
  ) {
    if (!Number.isFinite(options.seed)) throw new RangeError(`seed must be a finite number, got ${options.seed}`);
    this.year = options.year ?? YEAR;
    const root = new Rng(options.seed, 'real-geo');
    const counts = real.map((c) => c.counties.reduce((n, k) => n + k.towns.reduce((m, t) => m + t.villages.length, 0), 0));
    const total = counts.reduce((a, b) => a + b, 0);
    const practicing = practicingPerCity(root.fork('plan'), real.map((c) => c.cls), counts, provincePracticing(total));
    const villageRng = root.fork('villages');
    this.cities = [];
    this.villages = [];
    real.forEach((city, i) => {
      const { gen, byTown } = genCity(city, practicing[i]);
      this.cities.push(gen);
      // villages in code order, each with the traits the generator draws for its city's class
      for (const county of gen.counties) {
        for (const town of [...county.towns].sort((a, b) => a.id.localeCompare(b.id))) {
          for (const v of byTown.get(town.id) ?? []) {
            this.villages.push({ record: { id: v.code, name: v.name, townId: town.id, kind: v.kind, location: v.location, ...villageTraits(villageRng, city.cls, v.kind) }, town });
          }
        }
      }
    });
    this.staffing = staffCities(root.fork('lawyers'), this.cities, undefined, 0, this.year);
    const policy = Policy.parse({});
    const reach = new Reach(this.staffing, this.villages, policy.maxTravelKm, policy.travel.detourFactor);
    this.preferences = buildPreferences(root.fork('preferences'), reach, this.villages, this.staffing.lawyers);
    for (const city of this.cities) this.regions.set(city.id, regionRecords(root.fork(`contacts-${city.id}`), [city]));
  }

  /** The codes of the cities, in the order given. */
  get cityCodes(): string[] {
    return this.cities.map((c) => c.id);
  }

  /**
   * The province's scenario (no city given) or one city's, in `mode` (default individual). Points are
   * as the divisions gave them; `crs` is left out (WGS-84) unless given.
   */
  scenario(cityCode?: string, opts: { mode?: ServiceMode; crs?: ScenarioInput['crs'] } = {}): ScenarioInput {
    const cities = cityCode === undefined ? this.cities : this.cities.filter((c) => c.id === cityCode);
    if (cities.length === 0) throw new RangeError(`unknown city ${JSON.stringify(cityCode)}; expected one of ${this.cityCodes.join(', ')}`);
    const inCities = new Set(cities.map((c) => c.id));
    const { firms, lawyers, firmCity, pairedBaseCity } = this.staffing;
    // lawyers who serve these cities: their firms' (unless on paired assistance elsewhere) and the paired ones based here
    const kept = lawyers.filter((l) => (l.pairedAssistance ? inCities.has(pairedBaseCity.get(l.id)!) : inCities.has(firmCity.get(l.firmId)!)));
    const lawyerIds = new Set(kept.map((l) => l.id));
    const firmIds = new Set(kept.map((l) => l.firmId));
    const keptFirms = firms.filter((f) => firmIds.has(f.id));
    const villages = this.villages.filter((v) => inCities.has(v.town.county.city.id)).map((v) => v.record);
    const villageIds = new Set(villages.map((v) => v.id));
    // a firm of another city (paired lawyers' PRD firm) brings its city and the regions up from the firm's own
    const regions = cities.flatMap((c) => this.regions.get(c.id)!);
    const outside = new Map<string, Set<string>>();
    for (const f of keptFirms) {
      const city = firmCity.get(f.id)!;
      if (inCities.has(city)) continue;
      const all = this.regions.get(city)!;
      const byId = new Map(all.map((r) => [r.id, r]));
      const chain = outside.get(city) ?? new Set<string>();
      for (let r = byId.get(f.regionId); r; r = r.parentId === undefined ? undefined : byId.get(r.parentId)) chain.add(r.id);
      outside.set(city, chain);
    }
    for (const [city, ids] of outside) regions.push(...this.regions.get(city)!.filter((r) => ids.has(r.id)));
    const known = (id: string) => lawyerIds.has(id) || firmIds.has(id);
    const preferences: Preferences = {
      villages: this.preferences.villages
        .filter((p) => villageIds.has(p.villageId))
        .map((p) => {
          const out = { villageId: p.villageId, lawyers: p.lawyers?.filter(known), firms: p.firms?.filter(known), vetoes: p.vetoes?.filter(known) };
          return Object.fromEntries(Object.entries(out).filter(([, v]) => v !== undefined && (typeof v === 'string' || v.length > 0))) as typeof p;
        })
        .filter((p) => p.lawyers || p.firms || p.vetoes),
      lawyers: this.preferences.lawyers
        .filter((p) => lawyerIds.has(p.lawyerId))
        .map((p) => {
          const out = { lawyerId: p.lawyerId, villages: p.villages?.filter((id) => villageIds.has(id)), vetoes: p.vetoes?.filter((id) => villageIds.has(id)) };
          return Object.fromEntries(Object.entries(out).filter(([, v]) => v !== undefined && (typeof v === 'string' || v.length > 0))) as typeof p;
        })
        .filter((p) => p.villages || p.vetoes),
    };
    const name = cityCode === undefined ? '广东省(真实区划)' : `${cities[0].name}(真实区划)`;
    return {
      schema: SCENARIO_SCHEMA,
      name: `${name}(seed ${this.options.seed})`,
      year: this.year,
      ...(opts.crs ? { crs: opts.crs } : {}),
      policy: { ...Policy.parse({}), mode: opts.mode ?? 'individual' },
      regions,
      firms: keptFirms,
      lawyers: kept,
      villages,
      preferences,
      pins: [],
      baseline: [],
      travelOverrides: [],
      notice: { ...NOTICE },
    };
  }
}
