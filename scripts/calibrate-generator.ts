/**
 * Prints the aggregate statistics of the real Guangdong divisions (../shared/geo) that
 * src/gen/calibration.ts is built from. Reads the data, never copies it: only counts,
 * shares and quantiles leave this script.
 *
 *   npx tsx scripts/calibrate-generator.ts [geo-dir]
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

/** The nine Pearl River Delta cities (广州 深圳 珠海 佛山 江门 肇庆 惠州 东莞 中山), by 4-digit code. */
const PRD_CITY_CODES = new Set(['4401', '4403', '4404', '4406', '4407', '4412', '4413', '4419', '4420']);

export const DEFAULT_GEO_DIR = resolve(process.cwd(), '../shared/geo');
/** Straight-line km a lawyer reaches under the default policy: 80 road km at a detour factor of 1.3. */
const REACH_KM = 80 / 1.3;
export const QUANTILE_PS = [0, 0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95, 0.99] as const;

type Cls = 'prd' | 'less-developed';
type Point = [number, number];

interface TownRow { code: string; kind: string; countyCode: string; cityCode: string; point: Point; ownPoint: boolean }
interface VillageRow { kind: string; townCode: string; countyCode: string; point: Point; ownPoint: boolean }
interface CountyRow { code: string; cityCode: string; seat: Point }
interface CityRow { code: string; centre: Point }

export interface GeoData {
  /** real 镇街 only (NBS "special" units left out) */
  towns: TownRow[];
  /** real 村/社区 only (virtual and other left out, and those under special units) */
  villages: VillageRow[];
  counties: CountyRow[];
  cities: CityRow[];
}

function readCsv(path: string): Record<string, string>[] {
  const [head, ...lines] = readFileSync(path, 'utf8').trim().split(/\r?\n/);
  const cols = head.split(',');
  return lines.map((line) => {
    const cells = line.split(',');
    return Object.fromEntries(cols.map((c, i) => [c, cells[i] ?? '']));
  });
}

export function readGeo(dir: string = DEFAULT_GEO_DIR): GeoData {
  const towns = readCsv(join(dir, 'guangdong-towns.csv'))
    .filter((r) => r.kind !== 'special')
    .map((r) => ({
      code: r.code,
      kind: r.kind,
      countyCode: r.county_code,
      cityCode: r.city_code,
      point: [Number(r.lon), Number(r.lat)] as Point,
      ownPoint: r.coord_level === 'town',
    }));
  const townCodes = new Set(towns.map((t) => t.code));
  const villages = readCsv(join(dir, 'guangdong-villages.csv'))
    .filter((r) => (r.kind === 'village' || r.kind === 'community') && townCodes.has(r.town_code))
    .map((r) => ({
      kind: r.kind,
      townCode: r.town_code,
      countyCode: r.county_code,
      point: [Number(r.lon), Number(r.lat)] as Point,
      ownPoint: r.coord_level === 'village',
    }));
  const counties = readCsv(join(dir, 'guangdong-counties.csv')).map((r) => ({
    code: r.code,
    cityCode: r.city_code,
    seat: [Number(r.center_lon), Number(r.center_lat)] as Point,
  }));
  const cities = readCsv(join(dir, 'guangdong-cities.csv')).map((r) => ({
    code: r.code.slice(0, 4),
    centre: [Number(r.center_lon), Number(r.center_lat)] as Point,
  }));
  return { towns, villages, counties, cities };
}

export function classOfCity(cityCode: string): Cls {
  return PRD_CITY_CODES.has(cityCode.slice(0, 4)) ? 'prd' : 'less-developed';
}

/** Linear-interpolation quantile of an unsorted list. */
export function quantile(xs: readonly number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  const pos = p * (s.length - 1);
  const lo = Math.floor(pos);
  const hi = Math.min(s.length - 1, lo + 1);
  return s[lo] + (s[hi] - s[lo]) * (pos - lo);
}

export function quantiles(xs: readonly number[]): number[] {
  return QUANTILE_PS.map((p) => round(quantile(xs, p), 2));
}

const round = (x: number, d: number) => Math.round(x * 10 ** d) / 10 ** d;

function haversineKm(a: Point, b: Point): number {
  const rad = Math.PI / 180;
  const dLat = (b[1] - a[1]) * rad;
  const dLon = (b[0] - a[0]) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a[1] * rad) * Math.cos(b[1] * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371.0088 * Math.asin(Math.sqrt(h));
}

function countBy<T>(items: readonly T[], key: (t: T) => string): Map<string, number> {
  const m = new Map<string, number>();
  for (const it of items) m.set(key(it), (m.get(key(it)) ?? 0) + 1);
  return m;
}

function groupBy<T>(items: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const it of items) {
    const list = m.get(key(it));
    if (list) list.push(it);
    else m.set(key(it), [it]);
  }
  return m;
}

/** Distance from each point to its nearest neighbour within the same group. */
function nearestNeighbourKm(groups: Iterable<Point[]>): number[] {
  const out: number[] = [];
  for (const pts of groups) {
    if (pts.length < 2) continue;
    pts.forEach((p, i) => {
      let best = Infinity;
      pts.forEach((o, j) => {
        if (j !== i) best = Math.min(best, haversineKm(p, o));
      });
      out.push(best);
    });
  }
  return out;
}

/** Villages per town of one class (and optionally one town kind): the list the generator's spread is checked against. */
export function villagesPerTown(geo: GeoData, cls: Cls, townKind?: 'street' | 'town'): number[] {
  const perTown = countBy(geo.villages, (v) => v.townCode);
  return geo.towns
    .filter((t) => classOfCity(t.cityCode) === cls && (townKind === undefined || (townKind === 'street') === (t.kind === 'street')))
    .map((t) => perTown.get(t.code) ?? 0);
}

function classStats(geo: GeoData, cls: Cls) {
  const towns = geo.towns.filter((t) => classOfCity(t.cityCode) === cls);
  const townByCode = new Map(geo.towns.map((t) => [t.code, t]));
  const villages = geo.villages.filter((v) => classOfCity(v.countyCode) === cls);
  const counties = geo.counties.filter((c) => classOfCity(c.cityCode) === cls);
  const countyByCode = new Map(geo.counties.map((c) => [c.code, c]));
  const cityByCode = new Map(geo.cities.map((c) => [c.code, c]));
  const townsPerCounty = countBy(towns, (t) => t.countyCode);
  const isStreet = (v: VillageRow) => townByCode.get(v.townCode)?.kind === 'street';
  const communityShare = (vs: VillageRow[]) => round(vs.filter((v) => v.kind === 'community').length / vs.length, 3);

  const ownTowns = towns.filter((t) => t.ownPoint);
  // village points that are the village's own, measured to a town point that is the town's own
  const ownVillages = villages.filter((v) => v.ownPoint && townByCode.get(v.townCode)?.ownPoint);
  const villageToTown = (kind: string) =>
    ownVillages.filter((v) => v.kind === kind).map((v) => haversineKm(v.point, townByCode.get(v.townCode)!.point));
  const townNN = nearestNeighbourKm([...groupBy(ownTowns, (t) => t.countyCode).values()].map((ts) => ts.map((t) => t.point)));
  const villageNN = nearestNeighbourKm([...groupBy(ownVillages, (v) => v.townCode).values()].map((vs) => vs.map((v) => v.point)));
  const villageToSeat = villages.filter((v) => v.ownPoint).map((v) => haversineKm(v.point, countyByCode.get(v.countyCode)!.seat));
  const perCity = (xs: { cityCode: string }[]) => [...countBy(xs, (x) => x.cityCode).values()];

  return {
    cities: new Set(counties.map((c) => c.cityCode)).size,
    counties: counties.length,
    towns: towns.length,
    villages: villages.length,
    countiesPerCity: quantiles(perCity(counties)),
    villagesPerCity: quantiles(perCity(villages.map((v) => ({ cityCode: v.countyCode.slice(0, 4) })))),
    townsPerCounty: quantiles(counties.map((c) => townsPerCounty.get(c.code) ?? 0)),
    townsPerCountyMean: round(towns.length / counties.length, 2),
    streetShare: round(towns.filter((t) => t.kind === 'street').length / towns.length, 3),
    townshipShare: round(towns.filter((t) => t.kind === 'township').length / towns.length, 4),
    villagesPerTownMean: round(villages.length / towns.length, 2),
    villagesPerStreet: quantiles(villagesPerTown(geo, cls, 'street')),
    villagesPerTownOfKindTown: quantiles(villagesPerTown(geo, cls, 'town')),
    communityShare: communityShare(villages),
    communityShareInStreets: communityShare(villages.filter(isStreet)),
    communityShareInTowns: communityShare(villages.filter((v) => !isStreet(v))),
    townToSeatKm: quantiles(ownTowns.map((t) => haversineKm(t.point, countyByCode.get(t.countyCode)!.seat))),
    townNearestTownKm: quantiles(townNN),
    townsColocatedShare: round(townNN.filter((d) => d < 0.3).length / townNN.length, 4),
    seatToCityCentreKm: quantiles(counties.map((c) => haversineKm(c.seat, cityByCode.get(c.cityCode)!.centre))),
    seatNearestSeatKm: quantiles(
      nearestNeighbourKm([...groupBy(counties, (c) => c.cityCode).values()].map((cs) => cs.map((c) => c.seat))),
    ),
    villageToTownKm: { village: quantiles(villageToTown('village')), community: quantiles(villageToTown('community')) },
    villageNearestVillageKm: quantiles(villageNN),
    villagesColocatedShare: round(villageNN.filter((d) => d < 0.1).length / villageNN.length, 4),
    villagesWithOwnPoint: ownVillages.length,
    // not used to generate: the check that towns and villages placed from the tables above land where real ones do
    villageToSeatKm: quantiles(villageToSeat),
    villagesBeyondReachShare: round(villageToSeat.filter((d) => d > REACH_KM).length / villageToSeat.length, 4),
  };
}

export function computeCalibration(geo: GeoData) {
  const centres = geo.cities.map((c) => c.centre);
  return {
    quantileLevels: QUANTILE_PS,
    province: {
      cities: geo.cities.length,
      counties: geo.counties.length,
      towns: geo.towns.length,
      villages: geo.villages.length,
      prdVillageShare: round(geo.villages.filter((v) => classOfCity(v.countyCode) === 'prd').length / geo.villages.length, 3),
      cityNearestCityKm: quantiles(nearestNeighbourKm([centres])),
    },
    prd: classStats(geo, 'prd'),
    lessDeveloped: classStats(geo, 'less-developed'),
  };
}

function main(): void {
  const dir = process.argv[2] ? resolve(process.argv[2]) : DEFAULT_GEO_DIR;
  if (!existsSync(join(dir, 'guangdong-villages.csv'))) {
    console.error(`calibrate-generator: no geo data at ${dir} (expected guangdong-*.csv); nothing to calibrate.`);
    process.exit(1);
  }
  const stats = computeCalibration(readGeo(dir));
  console.log(`# quantiles are at levels ${QUANTILE_PS.join(', ')}; distances in km`);
  // one line per list of numbers keeps the print readable
  console.log(JSON.stringify(stats, null, 2).replace(/\[\s+([-\d.,\s]+?)\s+\]/g, (_, inner: string) => `[${inner.split(/,\s*/).join(', ')}]`));
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) main();
