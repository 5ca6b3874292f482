import type { LonLat } from '../domain/common.js';
import { apportion } from './apportion.js';
import { CALIBRATION, PROVINCE, type CityClass } from './calibration.js';
import { PRD_BOX, bearing, destination, haversineKm, placeSpaced, randomPointIn, SpacingGrid, type Box } from './geometry.js';
import { cityStem, countyName, NameBook, townName, type CountyKind, type TownKind } from './names.js';
import type { CityPlan } from './presets.js';
import type { Rng } from './random.js';
import type { GenCity, GenCounty, GenTown, RegionInput } from './types.js';

/**
 * Where less-developed city centres go: the west (湛江–茂名–阳江), north (清远–韶关–河源–梅州) and
 * east (汕头–潮州–揭阳–汕尾) of a Guangdong-like map, round the delta and off the sea.
 */
const LD_ZONES: readonly Box[] = [
  { lonMin: 110.1, lonMax: 112.2, latMin: 21.2, latMax: 22.8 },
  { lonMin: 112.0, lonMax: 116.5, latMin: 23.7, latMax: 25.0 },
  { lonMin: 115.0, lonMax: 117.0, latMin: 22.9, latMax: 24.0 },
];
const LD_ZONE_AREAS = LD_ZONES.map((b) => (b.lonMax - b.lonMin) * (b.latMax - b.latMin));
/** PRD city centres: at least the 5th percentile of the real nearest-city distance apart (广州–佛山 is 19 km). */
const PRD_CITY_SPACING_KM = PROVINCE.cityNearestCityKm[1];
/** Other city centres: at least the median real nearest-city distance from any centre. */
const LD_CITY_SPACING_KM = PROVINCE.cityNearestCityKm[4];

/** Shared by every city so that no two places of one level fall on top of each other. */
export interface Grids {
  cities: SpacingGrid;
  seats: SpacingGrid;
  towns: SpacingGrid;
}

export function newGrids(): Grids {
  return { cities: new SpacingGrid(60), seats: new SpacingGrid(5), towns: new SpacingGrid(2) };
}

/** A city centre: PRD cities inside the delta box, the others in the zones round it. */
export function placeCityCentre(rng: Rng, cls: CityClass, grids: Grids): LonLat {
  if (cls === 'prd') return placeSpaced(grids.cities, PRD_CITY_SPACING_KM, () => randomPointIn(rng, PRD_BOX), 400);
  return placeSpaced(grids.cities, LD_CITY_SPACING_KM, () => randomPointIn(rng, rng.weighted(LD_ZONES, LD_ZONE_AREAS)), 400);
}

/** A three-digit area code per city, 07xx like Guangdong's own. */
function areaCode(index: number): string {
  return `0${750 + index}`;
}

/** The preset and seed `data/sample-county.json` was generated from: its cities keep the codes 4490, 4489. */
export const SAMPLE_SOURCE = { preset: 'county', seed: 1 } as const;
/** Generated city codes lie in 4500–4999: 45–49 is no Guangdong (44) code, and none of them is the sample's. */
const CODE_FIRST = 4500;
const CODE_COUNT = 500;

/** FNV-1a over the text, then a final mix: a 32-bit hash the same on every platform. */
function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  return h >>> 0;
}

/**
 * Four-digit city codes for a generated scenario of `count` cities (its counties, towns, villages, firms and
 * lawyers take their ids from them): a run of consecutive codes in 4500–4999 whose start comes from the
 * preset and seed, so different presets and seeds get other codes (two scenarios of n and m cities share one
 * with a chance of about (n + m) / 500), and no generated city can replace a real Guangdong city's or the
 * sample county's villages where it is published. The sample's own preset and seed keep the codes it was
 * made with, 4490 downwards, so `data/sample-county.json` stays what `generate` gives.
 */
export function cityCodes(preset: string, seed: number, count: number): string[] {
  if (preset === SAMPLE_SOURCE.preset && seed === SAMPLE_SOURCE.seed) return Array.from({ length: count }, (_, i) => String(4490 - i));
  const n = Math.min(count, CODE_COUNT);
  if (count > n) throw new RangeError(`a generated scenario holds at most ${CODE_COUNT} cities, not ${count}`);
  const start = CODE_FIRST + (hash32(`${preset}\u0000${seed}`) % (CODE_COUNT - n + 1));
  return Array.from({ length: count }, (_, i) => String(start + i));
}

export function newCity(rng: Rng, index: number, code: string, plan: CityPlan, centre: LonLat, cityNames: NameBook): GenCity {
  const stem = cityNames.take(rng, (long) => cityStem(rng, long));
  return { id: code, name: `${stem}市`, stem, cls: plan.cls, centre, plan, areaCode: areaCode(index), counties: [] };
}

function countyKinds(rng: Rng, city: GenCity): CountyKind[] {
  const n = city.plan.counties;
  // a single-county less-developed city is a plain county (县级样例); otherwise the first county is the urban district
  if (n === 1) return [city.cls === 'prd' ? 'district' : 'county'];
  const rest = Array.from({ length: n - 1 }, (): CountyKind => {
    // PRD cities are mostly districts (a few 县, 县级市 remain, as in 惠州, 肇庆, 江门); elsewhere mostly counties
    const u = rng.next();
    if (city.cls === 'prd') return u < 0.7 ? 'district' : u < 0.85 ? 'county' : 'county-city';
    return u < 0.15 ? 'district' : u < 0.75 ? 'county' : 'county-city';
  });
  return ['district', ...rest];
}

/** Codes as the NBS gives them: 区 02–19, 县 21–79, 县级市 81–99. */
function countyCodes(cityId: string, kinds: CountyKind[]): string[] {
  const next: Record<CountyKind, number> = { district: 2, county: 21, 'county-city': 81 };
  return kinds.map((k) => `${cityId}${String(next[k]++).padStart(2, '0')}`);
}

/** Counties scattered round the city centre at the calibrated seat-to-centre distances, the urban district at the centre. */
export function buildCounties(rng: Rng, city: GenCity, grids: Grids): void {
  const cal = CALIBRATION[city.cls];
  const kinds = countyKinds(rng, city);
  const codes = countyCodes(city.id, kinds);
  const names = new NameBook();
  names.reserve(city.name);
  const minSeatKm = cal.seatNearestSeatKm[2];
  city.counties = kinds.map((kind, i) => {
    const central = i === 0;
    // one draw per stratum of the calibrated distribution: each city spans it, the urban district (stratum 0) at the centre
    const [lo, hi] = kinds.length === 1 ? [0, 0.1] : stratum(i, kinds.length);
    const seat = placeSpaced(grids.seats, minSeatKm, () =>
      destination(city.centre, rng.fromQuantiles(cal.seatToCityCentreKm, lo, hi), rng.float(0, 2 * Math.PI)),
    );
    const name = names.take(rng, (long) => countyName(rng, kind, long));
    return { id: codes[i], name, kind, seat, central, city, towns: [] };
  });
}

/** How many towns each county gets: the calibrated towns-per-county shape, scaled to the city's total. */
function townsPerCounty(rng: Rng, city: GenCity): number[] {
  const table = CALIBRATION[city.cls].townsPerCounty;
  const shape = city.counties.map(() => rng.fromQuantiles(table));
  return apportion(shape, city.plan.towns, Math.min(3, Math.floor(city.plan.towns / city.counties.length)));
}

/**
 * Street (街道) share per county: the urban district is mostly streets; the other counties
 * get what keeps the city's overall share at the calibrated one.
 */
function streetShares(city: GenCity, counts: number[]): number[] {
  const share = CALIBRATION[city.cls].streetShare;
  const total = counts.reduce((a, b) => a + b, 0);
  const central = Math.min(0.95, share * 1.8);
  const others = total - counts[0];
  const rest = others > 0 ? clamp((share * total - central * counts[0]) / others, 0, 1) : 0;
  return city.counties.map((c) => (c.central ? (city.counties.length === 1 ? share : central) : rest));
}

/** Towns round the county seat at the calibrated town-to-seat distances, pointing away from the city centre. */
export function buildTowns(rng: Rng, city: GenCity, grids: Grids): void {
  const cal = CALIBRATION[city.cls];
  const counts = townsPerCounty(rng, city);
  const shares = streetShares(city, counts);
  const minTownKm = cal.townNearestTownKm[1];
  city.counties.forEach((county, k) => {
    const n = counts[k];
    const outward = county.central ? undefined : bearing(city.centre, county.seat);
    const direction = () => (outward === undefined ? rng.float(0, 2 * Math.PI) : outward + rng.normal());
    const points: { centre: LonLat; km: number }[] = [];
    for (let i = 0; i < n; i++) {
      // one draw per stratum, so every county spans the calibrated distances and stratum 0 is the seat town;
      // no scaling by county size: the real distribution is pooled over counties of every size
      const [lo, hi] = stratum(i, n);
      const km = () => rng.fromQuantiles(cal.townToSeatKm, lo, hi);
      const centre = placeSpaced(grids.towns, minTownKm, () => destination(county.seat, km(), direction()));
      points.push({ centre, km: haversineKm(centre, county.seat) });
    }
    points.sort((a, b) => a.km - b.km);
    const streets = binomial(rng, n, shares[k]);
    const townshipChance = cal.townshipShare / (1 - cal.streetShare);
    const kinds = points.map((_, i): TownKind => (i < streets ? 'street' : rng.chance(townshipChance) ? 'township' : 'town'));
    county.towns = makeTowns(rng, county, points.map((p) => p.centre), kinds);
  });
}

/** NBS town codes: 街道 001–099, 镇 101–199, 乡 201–299. */
function makeTowns(rng: Rng, county: GenCounty, centres: LonLat[], kinds: TownKind[]): GenTown[] {
  const next: Record<TownKind, number> = { street: 1, town: 101, township: 201 };
  const names = new NameBook();
  return centres.map((centre, i) => ({
    id: `${county.id}${String(next[kinds[i]]++).padStart(3, '0')}`,
    name: names.take(rng, (long) => townName(rng, kinds[i], long)),
    kind: kinds[i],
    centre,
    county,
    villageCount: 0,
  }));
}

/** Villages per town from the calibrated per-kind tables (streets hold fewer), scaled to the city's total. */
export function assignVillageCounts(rng: Rng, city: GenCity): void {
  const cal = CALIBRATION[city.cls];
  const towns = city.counties.flatMap((c) => c.towns);
  const shape = towns.map((t) => rng.fromQuantiles(t.kind === 'street' ? cal.villagesPerStreet : cal.villagesPerTownOfKindTown));
  // at most 99 villages a town: village codes are 1xx (communities) and 2xx (villages)
  apportion(shape, city.plan.villages, 1, 99).forEach((n, i) => (towns[i].villageCount = n));
}

/** The i-th of n equal slices of [0, 1]: stratified draws reproduce a distribution with little noise. */
function stratum(i: number, n: number): [number, number] {
  return [i / n, (i + 1) / n];
}

function binomial(rng: Rng, n: number, p: number): number {
  let k = 0;
  for (let i = 0; i < n; i++) if (rng.chance(p)) k++;
  return k;
}

function clamp(x: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, x));
}

function bureauContact(rng: Rng, name: string, code: string, area: string) {
  return { bureau: `${name}司法局`, phone: `${area}-${rng.int(2, 8)}${rng.digits(6)}`, email: `sfj${code}@example.cn` };
}

/** The city → county → town chain as scenario regions; cities and counties carry their bureau's contact. */
export function regionRecords(rng: Rng, cities: GenCity[]): RegionInput[] {
  const out: RegionInput[] = [];
  for (const city of cities) {
    out.push({ id: city.id, name: city.name, level: 'city', class: city.cls, location: city.centre, contact: bureauContact(rng, city.name, city.id, city.areaCode) });
    for (const county of city.counties) {
      out.push({ id: county.id, name: county.name, level: 'county', parentId: city.id, location: county.seat, contact: bureauContact(rng, county.name, county.id, city.areaCode) });
    }
    for (const county of city.counties) {
      for (const town of county.towns) out.push({ id: town.id, name: town.name, level: 'town', parentId: county.id, location: town.centre });
    }
  }
  return out;
}
