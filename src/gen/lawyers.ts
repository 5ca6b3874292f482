import type { LonLat } from '../domain/common.js';
import { apportion } from './apportion.js';
import type { CityClass } from './calibration.js';
import { destination } from './geometry.js';
import { firmName, NameBook, personName } from './names.js';
import type { Rng } from './random.js';
import type { FirmInput, GenCity, GenCounty, LawyerInput } from './types.js';
import { pickSpecialties } from './villages.js';

/** How often lawyers list each specialty (same order as SPECIALTIES): family and contract work lead. */
const SPECIALTY_WEIGHTS = [20, 9, 15, 20, 7, 12, 10, 7] as const;
/** Interns are 10–15% of all lawyers (brief); each city draws its share from this range. */
const INTERN_SHARE: [number, number] = [0.12, 0.14];
/** Villages a county's own lawyers must be able to cover at the cap, before the rest go where lawyers cluster. */
const FLOOR_VILLAGES_PER_LAWYER: Record<CityClass, number> = { prd: 5, 'less-developed': 7.2 };
/** Lawyers cluster in the city's urban district: its weight for the lawyers above the floor. */
const URBAN_DISTRICT_PULL = 2.5;
/** Share of a county's firms that sit in a large town rather than the county seat. */
const TOWN_FIRM_SHARE = 0.22;

/** A practicing lawyer's personal attributes (R1 cap, hours, leave) are drawn at these rates. */
const LOWER_CAP_SHARE = 0.05;
const MONTHLY_HOURS_SHARE = 0.15;
const MONTHLY_HOURS = [32, 40, 48, 56, 64] as const;
const UNAVAILABLE_SHARE = 0.05;

export interface Staffing {
  firms: FirmInput[];
  lawyers: LawyerInput[];
  /** firm id → id of the city it sits in */
  firmCity: Map<string, string>;
  /** paired-assistance lawyer id → id of the city its base lies in */
  pairedBaseCity: Map<string, string>;
}

interface CountyStaff {
  county: GenCounty;
  practicing: number;
}

/** Practicing lawyers per county: enough for the county's villages near the cap, the rest drawn to the urban district. */
function lawyersPerCounty(rng: Rng, city: GenCity, total: number): number[] {
  const villages = city.counties.map((c) => c.towns.reduce((s, t) => s + t.villageCount, 0));
  const floors = villages.map((v) => Math.ceil(v / FLOOR_VILLAGES_PER_LAWYER[city.cls]));
  const floorSum = floors.reduce((a, b) => a + b, 0);
  if (floorSum >= total) return apportion(villages, total, Math.min(1, Math.floor(total / villages.length)));
  const pull = city.counties.map((c, k) => villages[k] * (c.central ? URBAN_DISTRICT_PULL : 1) * rng.logNormal(1, 0.25));
  const extra = apportion(pull, total - floorSum);
  return floors.map((f, k) => f + extra[k]);
}

function phone(rng: Rng): string {
  return `1${rng.pick([...'3456789'])}${rng.digits(9)}`;
}

const WECHAT_CHARS = [...'abcdefghjkmnpqrstuvwxyz23456789'];
function wechat(rng: Rng): string {
  return `wx_${Array.from({ length: 8 }, () => rng.pick(WECHAT_CHARS)).join('')}`;
}

/** One or two runs of 3–10 days of leave in the year, as ISO dates. */
function unavailableDates(rng: Rng, year: number): string[] {
  const days = new Set<string>();
  const runs = rng.int(1, 2);
  for (let r = 0; r < runs; r++) {
    const start = Date.UTC(year, 0, 1) + rng.int(0, 350) * 86_400_000;
    const length = rng.int(3, 10);
    for (let d = 0; d < length; d++) days.add(new Date(start + d * 86_400_000).toISOString().slice(0, 10));
  }
  return [...days].filter((d) => d.startsWith(String(year))).sort();
}

function lawyerRecord(rng: Rng, id: string, firmId: string, status: 'practicing' | 'intern', year: number): LawyerInput {
  const l: LawyerInput = { id, name: personName(rng), firmId, status, specialties: pickSpecialties(rng, SPECIALTY_WEIGHTS, rng.int(1, 3)) };
  if (status === 'practicing' && rng.chance(LOWER_CAP_SHARE)) l.maxVillages = rng.int(4, 6);
  if (rng.chance(MONTHLY_HOURS_SHARE)) l.monthlyHours = rng.pick(MONTHLY_HOURS);
  if (rng.chance(UNAVAILABLE_SHARE)) l.unavailable = unavailableDates(rng, year);
  l.contact = { phone: phone(rng), email: `${id.toLowerCase()}@lawfirm.example.cn`, wechat: wechat(rng) };
  return l;
}

/** Where a county's firms sit: the seat for most, a large town (by villages) for some. */
function firmSites(rng: Rng, county: GenCounty, n: number): { point: LonLat; regionId: string }[] {
  const largeTowns = county.towns.slice(1).sort((a, b) => b.villageCount - a.villageCount || a.id.localeCompare(b.id)).slice(0, 3);
  return Array.from({ length: n }, (_, i) => {
    if (i > 0 && largeTowns.length > 0 && rng.chance(TOWN_FIRM_SHARE)) {
      const town = rng.pick(largeTowns);
      return { point: destination(town.centre, rng.float(0.1, 1), rng.float(0, 2 * Math.PI)), regionId: town.id };
    }
    return { point: destination(county.seat, rng.float(0.2, 1.5), rng.float(0, 2 * Math.PI)), regionId: county.id };
  });
}

/** A city's firms and lawyers: practicing lawyers per county, split over firms of uneven size, interns on top. */
function staffCity(rng: Rng, city: GenCity, firmNames: NameBook, year: number, out: Staffing): CountyStaff[] {
  const practicing = lawyersPerCounty(rng, city, city.plan.practicing);
  const firmsPerCounty = apportion(practicing, city.plan.firms, Math.min(1, Math.floor(city.plan.firms / city.counties.length)))
    .map((f, k) => Math.min(f, practicing[k]));
  const firms = city.counties.flatMap((county, k) => {
    const sites = firmSites(rng, county, firmsPerCounty[k]);
    // firm sizes are skewed: a few large firms, many small ones
    const sizes = apportion(sites.map(() => rng.logNormal(1, 0.6)), practicing[k], Math.min(1, Math.floor(practicing[k] / Math.max(1, sites.length))));
    return sites.map((site, f) => ({ ...site, size: sizes[f] }));
  });
  // interns go where the practicing lawyers are: the bigger the firm, the more interns (R2 needs one of the same firm)
  const internShare = rng.float(...INTERN_SHARE);
  const interns = apportion(firms.map((f) => f.size), Math.round((city.plan.practicing * internShare) / (1 - internShare)));
  let lawyerSeq = 1;
  firms.forEach((site, f) => {
    const id = `F${city.id}${String(f + 1).padStart(3, '0')}`;
    out.firms.push({ id, name: firmNames.take(rng, (long) => firmName(rng, city.stem, long)), location: site.point, regionId: site.regionId });
    out.firmCity.set(id, city.id);
    for (let i = 0; i < site.size + interns[f]; i++) {
      const lawyerId = `L${city.id}${String(lawyerSeq++).padStart(4, '0')}`;
      out.lawyers.push(lawyerRecord(rng, lawyerId, id, i < site.size ? 'practicing' : 'intern', year));
    }
  });
  return city.counties.map((county, k) => ({ county, practicing: practicing[k] }));
}

/** A paired lawyer's base: a county seat of the city they serve, the counties shortest of lawyers first. */
function pairedBase(rng: Rng, counties: CountyStaff[]): { point: LonLat; cityId: string } {
  const shortage = counties.map((c) => (c.county.towns.reduce((s, t) => s + t.villageCount, 0) / Math.max(1, c.practicing)) ** 2);
  const { county } = counties[rng.weightedIndex(shortage)];
  return { point: destination(county.seat, rng.float(0.1, 0.8), rng.float(0, 2 * Math.PI)), cityId: county.city.id };
}

function makePaired(lawyer: LawyerInput, base: { point: LonLat; cityId: string }, out: Staffing): void {
  lawyer.pairedAssistance = true;
  lawyer.base = base.point;
  out.pairedBaseCity.set(lawyer.id, base.cityId);
}

/**
 * R7, province: each less-developed city is paired with one PRD city (round robin); some of the
 * PRD city's practicing lawyers, from firms large enough to spare them, serve it from a base there.
 */
function pairProvince(rng: Rng, cities: GenCity[], staff: Map<string, CountyStaff[]>, out: Staffing): void {
  const prd = cities.filter((c) => c.cls === 'prd');
  const ld = cities.filter((c) => c.cls === 'less-developed');
  if (prd.length === 0 || ld.length === 0) return;
  const partners = new Map<GenCity, GenCity[]>(prd.map((p) => [p, []]));
  ld.forEach((c, i) => partners.get(prd[i % prd.length])!.push(c));
  const practicingByFirm = new Map<string, number>();
  for (const l of out.lawyers) if (l.status === 'practicing') practicingByFirm.set(l.firmId, (practicingByFirm.get(l.firmId) ?? 0) + 1);
  for (const city of prd) {
    const targets = partners.get(city)!;
    if (targets.length === 0 || city.plan.pairedOut === 0) continue;
    const pool = out.lawyers.filter((l) => l.status === 'practicing' && out.firmCity.get(l.firmId) === city.id && practicingByFirm.get(l.firmId)! >= 3);
    rng.sample(pool, city.plan.pairedOut).forEach((l, i) => makePaired(l, pairedBase(rng, staff.get(targets[i % targets.length].id)!), out));
  }
}

/** City and county presets: one extra PRD firm, in a city of its own, whose lawyers all serve the preset's city. */
function pairFromOutside(rng: Rng, outside: GenCity, served: CountyStaff[], n: number, firmNames: NameBook, year: number, out: Staffing): void {
  const county = outside.counties[0];
  const firmId = `F${outside.id}001`;
  out.firms.push({ id: firmId, name: firmNames.take(rng, (long) => firmName(rng, outside.stem, long)), location: destination(county.seat, rng.float(0.2, 1.5), rng.float(0, 2 * Math.PI)), regionId: county.id });
  out.firmCity.set(firmId, outside.id);
  for (let i = 1; i <= n; i++) {
    const lawyer = lawyerRecord(rng, `L${outside.id}${String(i).padStart(4, '0')}`, firmId, 'practicing', year);
    makePaired(lawyer, pairedBase(rng, served), out);
    out.lawyers.push(lawyer);
  }
}

export function staffCities(rng: Rng, cities: GenCity[], outside: GenCity | undefined, pairedFromOutside: number, year: number): Staffing {
  const out: Staffing = { firms: [], lawyers: [], firmCity: new Map(), pairedBaseCity: new Map() };
  const firmNames = new NameBook();
  const staff = new Map<string, CountyStaff[]>();
  for (const city of cities) staff.set(city.id, staffCity(rng, city, firmNames, year, out));
  pairProvince(rng, cities, staff, out);
  if (outside && pairedFromOutside > 0) pairFromOutside(rng, outside, staff.get(cities[0].id)!, pairedFromOutside, firmNames, year, out);
  return out;
}
