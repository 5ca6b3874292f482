import { CALIBRATION, type CityClass } from './calibration.js';
import { destination, placeSpaced, SpacingGrid } from './geometry.js';
import { NameBook, villageName } from './names.js';
import type { Rng } from './random.js';
import type { GenCity, GenTown, GenVillage, VillageInput } from './types.js';

/** The fixed list of specialties lawyers offer and villages may need (R3). */
export const SPECIALTIES = ['婚姻家事', '土地承包', '劳动争议', '合同纠纷', '征地拆迁', '刑事辩护', '公司治理', '行政诉讼'] as const;

/** What villages ask for most (land, family), and communities (work, contracts); rough weights, same order as SPECIALTIES. */
const NEED_WEIGHTS = {
  village: [25, 30, 8, 10, 15, 2, 3, 7],
  community: [25, 3, 25, 20, 8, 2, 10, 7],
} as const;

/** Share of villages with declared needs: ~60% in the PRD (team mode there), ~20% elsewhere. */
const NEEDS_SHARE = { prd: 0.6, 'less-developed': 0.2 } as const;
/** Share of villages on the flexible half-year regime (R10). */
const FLEXIBLE_SHARE = 0.1;
/** Share of villages asking for evening school or weekend slots (R12). */
const REQUESTS_SHARE = 0.3;
/** Median population and log-spread: not in the geo data; typical 村 ~2,800, 社区 larger, PRD communities larger still. */
const POPULATION = {
  village: { median: 2_800, sigma: 0.5 },
  community: { prd: 9_000, 'less-developed': 6_000, sigma: 0.6 },
} as const;

export function pickSpecialties(rng: Rng, weights: readonly number[], k: number): string[] {
  const w = [...weights];
  const out: string[] = [];
  for (let i = 0; i < k; i++) {
    const j = rng.weightedIndex(w);
    out.push(SPECIALTIES[j]);
    w[j] = 0;
  }
  return out;
}

function communityShare(city: GenCity, town: GenTown): number {
  const cal = CALIBRATION[city.cls];
  return town.kind === 'street' ? cal.communityShareInStreets : cal.communityShareInTowns;
}

function population(rng: Rng, cls: CityClass, kind: 'village' | 'community'): number {
  const p = kind === 'village' ? rng.logNormal(POPULATION.village.median, POPULATION.village.sigma) : rng.logNormal(POPULATION.community[cls], POPULATION.community.sigma);
  return Math.max(200, Math.round(p / 10) * 10);
}

/** What the divisions do not say about a village: its population, needs (R3), regime (R10) and requests (R12). */
export type VillageTraits = Pick<VillageInput, 'population' | 'needs' | 'serviceMode' | 'requests'>;

/** A village's traits, drawn at the rates above for its city's class; the real-geography scenarios (real.ts) draw them too. */
export function villageTraits(rng: Rng, cls: CityClass, kind: 'village' | 'community'): VillageTraits {
  const v: VillageTraits = { population: population(rng, cls, kind) };
  if (rng.chance(NEEDS_SHARE[cls])) v.needs = pickSpecialties(rng, NEED_WEIGHTS[kind], rng.chance(0.6) ? 1 : 2);
  if (rng.chance(FLEXIBLE_SHARE)) v.serviceMode = 'flexible';
  if (rng.chance(REQUESTS_SHARE)) {
    // at least one slot asked for, or the request says nothing
    const evening = rng.int(0, 2);
    v.requests = { eveningSchoolPerMonth: evening, weekendPerMonth: evening === 0 ? 1 : rng.int(0, 1) };
  }
  return v;
}

function villageRecord(rng: Rng, city: GenCity, town: GenTown, id: string, kind: 'village' | 'community', name: string, grid: SpacingGrid): VillageInput {
  const cal = CALIBRATION[city.cls];
  const location = placeSpaced(grid, cal.villageNearestVillageKm[2], () =>
    destination(town.centre, rng.fromQuantiles(cal.villageToTownKm[kind]), rng.float(0, 2 * Math.PI)),
  );
  return { id, name, townId: town.id, kind, location, ...villageTraits(rng, city.cls, kind) };
}

/** Villages of one town, clustered round its centre; NBS codes 1xx for communities, 2xx for villages. */
function townVillages(rng: Rng, city: GenCity, town: GenTown, grid: SpacingGrid): GenVillage[] {
  const share = communityShare(city, town);
  const kinds = Array.from({ length: town.villageCount }, (): 'community' | 'village' => (rng.chance(share) ? 'community' : 'village'));
  kinds.sort((a, b) => (a === b ? 0 : a === 'community' ? -1 : 1));
  const names = new NameBook();
  const next = { community: 101, village: 201 };
  return kinds.map((kind) => {
    const id = `${town.id}${next[kind]++}`;
    const name = names.take(rng, (long) => villageName(rng, kind, long));
    return { record: villageRecord(rng, city, town, id, kind, name, grid), town };
  });
}

export function buildVillages(rng: Rng, cities: GenCity[]): GenVillage[] {
  const grid = new SpacingGrid(1);
  const out: GenVillage[] = [];
  for (const city of cities) {
    for (const county of city.counties) {
      for (const town of county.towns) out.push(...townVillages(rng, city, town, grid));
    }
  }
  return out;
}
