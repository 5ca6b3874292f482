import { apportion } from './apportion.js';
import { CALIBRATION, PROVINCE, type CityClass } from './calibration.js';
import type { Rng } from './random.js';

export type PresetName = 'county' | 'city' | 'prd-city' | 'province';
export const PRESETS: readonly PresetName[] = ['county', 'city', 'prd-city', 'province'];

/** What one city of a preset must hold; the generator hits these counts exactly. */
export interface CityPlan {
  cls: CityClass;
  villages: number;
  towns: number;
  counties: number;
  /** practicing lawyers of the city's firms, those on paired assistance elsewhere included */
  practicing: number;
  firms: number;
  /** how many of `practicing` serve a paired less-developed city (R7) */
  pairedOut: number;
}

export interface PresetPlan {
  /** the scenario's name, before "(seed n)" */
  label: string;
  cities: CityPlan[];
  /** paired-assistance lawyers from one extra PRD firm outside the preset's city (city and county presets) */
  pairedFromOutside: number;
}

/** Lawyers per firm (practicing): not in the geo data; ~9 in less-developed cities, ~7.75 in the PRD (930 lawyers in ~120 firms). */
export const LAWYERS_PER_FIRM: Record<CityClass, number> = { prd: 7.75, 'less-developed': 9 };
/** Villages per practicing lawyer in a less-developed city of the province (SPEC §1: "≈6–7", so caps bind). */
const LESS_DEVELOPED_VILLAGES_PER_LAWYER: [number, number] = [6, 7];
/** Share of a PRD city's practicing lawyers on paired assistance in the province preset (a few percent). */
const PRD_PAIRED_SHARE = 0.03;

/** Province targets (SPEC §1 and the calibration: 26,567 villages, 124 county units, 1,610 towns). */
const PROVINCE_TARGET = { villages: 26_500, counties: 120, towns: 1_600, practicing: 6_000, prdCities: 9 } as const;

function townsFor(cls: CityClass, villages: number): number {
  return Math.round(villages / CALIBRATION[cls].villagesPerTownMean);
}

const SINGLE_CITY: Record<Exclude<PresetName, 'province'>, () => PresetPlan> = {
  // one less-developed county: 45 practicing lawyers (3 of them paired, from outside) for 250 villages
  county: () => ({
    label: '县级样例',
    cities: [{ cls: 'less-developed', villages: 250, towns: 15, counties: 1, practicing: 42, firms: 5, pairedOut: 0 }],
    pairedFromOutside: 3,
  }),
  // a less-developed city: ~6 villages per practicing lawyer (370, 8 of them paired from outside)
  city: () => ({
    label: '地市样例',
    cities: [{ cls: 'less-developed', villages: 2_200, towns: townsFor('less-developed', 2_200), counties: 8, practicing: 362, firms: 40, pairedOut: 0 }],
    pairedFromOutside: 8,
  }),
  // a PRD city the size of the largest real one (2,844 villages in 11 districts): 3 villages per lawyer
  'prd-city': () => ({
    label: '珠三角地市样例',
    cities: [{ cls: 'prd', villages: 2_800, towns: townsFor('prd', 2_800), counties: 11, practicing: 930, firms: 120, pairedOut: 0 }],
    pairedFromOutside: 0,
  }),
};

/** 21 cities, 9 of them PRD, sized from the calibrated per-city distributions and scaled to the province targets. */
function provincePlan(rng: Rng): PresetPlan {
  const classes: CityClass[] = rng.shuffle([
    ...Array<CityClass>(PROVINCE_TARGET.prdCities).fill('prd'),
    ...Array<CityClass>(PROVINCE.cities - PROVINCE_TARGET.prdCities).fill('less-developed'),
  ]);
  const prdVillages = Math.round(PROVINCE_TARGET.villages * PROVINCE.prdVillageShare);
  const villages = new Array<number>(classes.length).fill(0);
  for (const cls of ['prd', 'less-developed'] as const) {
    const idx = classes.map((c, i) => (c === cls ? i : -1)).filter((i) => i >= 0);
    const shape = idx.map(() => rng.fromQuantiles(CALIBRATION[cls].villagesPerCity));
    const total = cls === 'prd' ? prdVillages : PROVINCE_TARGET.villages - prdVillages;
    apportion(shape, total, 1).forEach((n, k) => (villages[idx[k]] = n));
  }
  const towns = apportion(villages.map((v, i) => v / CALIBRATION[classes[i]].villagesPerTownMean), PROVINCE_TARGET.towns, 1);
  // counties follow towns, with the calibrated spread of counties per city around that
  const counties = apportion(
    towns.map((t, i) => (t / CALIBRATION[classes[i]].townsPerCountyMean) * rng.logNormal(1, 0.25)),
    PROVINCE_TARGET.counties,
    1,
  );
  const practicing = practicingPerCity(rng, classes, villages, PROVINCE_TARGET.practicing);
  return {
    label: '全省样例',
    cities: classes.map((cls, i) => cityPlan(cls, villages[i], Math.max(towns[i], counties[i]), counties[i], practicing[i])),
    pairedFromOutside: 0,
  };
}

/** Practicing lawyers of a province of `villages` villages, at the province target's rate (the real-geography scenarios use it). */
export function provincePracticing(villages: number): number {
  return Math.round((PROVINCE_TARGET.practicing * villages) / PROVINCE_TARGET.villages);
}

/**
 * Practicing lawyers per city of a province: each less-developed city ~6–7 villages per lawyer, the PRD
 * cities the rest of `total`, big cities more than their share.
 */
export function practicingPerCity(rng: Rng, classes: readonly CityClass[], villages: readonly number[], total: number): number[] {
  const practicing = villages.map((v, i) =>
    classes[i] === 'less-developed' ? Math.round(v / rng.float(...LESS_DEVELOPED_VILLAGES_PER_LAWYER)) : 0,
  );
  const ldTotal = practicing.reduce((a, b) => a + b, 0);
  const prdIdx = classes.map((c, i) => (c === 'prd' ? i : -1)).filter((i) => i >= 0);
  apportion(prdIdx.map((i) => villages[i] * rng.logNormal(1, 0.25)), total - ldTotal, 1).forEach(
    (n, k) => (practicing[prdIdx[k]] = n),
  );
  return practicing;
}

/** A province city's plan from its counts: firms at the class's lawyers per firm, a few PRD lawyers on paired assistance (R7). */
export function cityPlan(cls: CityClass, villages: number, towns: number, counties: number, practicing: number): CityPlan {
  return {
    cls,
    villages,
    towns,
    counties,
    practicing,
    firms: Math.max(counties, Math.round(practicing / LAWYERS_PER_FIRM[cls])),
    pairedOut: cls === 'prd' ? Math.round(practicing * PRD_PAIRED_SHARE) : 0,
  };
}

export function presetPlan(preset: PresetName, rng: Rng): PresetPlan {
  if (preset === 'province') return provincePlan(rng);
  const make = SINGLE_CITY[preset];
  if (!make) throw new RangeError(`unknown preset ${JSON.stringify(preset)}; expected one of ${PRESETS.join(', ')}`);
  return make();
}
