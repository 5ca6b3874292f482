/**
 * Realistic synthetic scenarios of the one-village-one-adviser program, calibrated on the real
 * Guangdong divisions (see calibration.ts). Deterministic: one seed, one byte-identical JSON.
 *
 * The pipeline, each stage on its own random stream:
 *   plan (presets.ts: counts per city) → map (regions.ts: cities, counties, towns) →
 *   villages (villages.ts) → firms and lawyers (lawyers.ts, paired assistance included) →
 *   preferences (preferences.ts) → baseline and pins (baseline.ts).
 */
import { Policy, SCENARIO_SCHEMA, type ScenarioInput, type ServiceMode } from '../domain/scenario.js';
import { buildBaseline, pickPins } from './baseline.js';
import { staffCities } from './lawyers.js';
import { NameBook } from './names.js';
import { buildPreferences, type Preferences } from './preferences.js';
import { presetPlan, PRESETS, type CityPlan, type PresetName, type PresetPlan } from './presets.js';
import { Reach } from './reach.js';
import { assignVillageCounts, buildCounties, buildTowns, cityCodes, newCity, newGrids, placeCityCentre, regionRecords, type Grids } from './regions.js';
import { Rng } from './random.js';
import type { GenCity } from './types.js';
import { buildVillages } from './villages.js';

export { PRESETS, type PresetName };
export { SPECIALTIES } from './villages.js';

export interface GenerateOptions {
  preset: PresetName;
  seed: number;
  /** add a plausible assignment in force (R6); default false */
  baseline?: boolean;
  /** two-way selection ranks and vetoes (R5); default true */
  preferences?: boolean;
  /** pin ~1% of villages to their baseline lawyer (R6); default false */
  pins?: boolean;
  /**
   * policy.mode: one mode for every county, or `by-class`: team in PRD cities (R3), firm-town in
   * less-developed ones (R4), as a map county → mode. Default individual.
   */
  mode?: ServiceMode | 'by-class';
}

/** The policy's mode: one for all, or each county's by its city's class. */
function policyMode(mode: GenerateOptions['mode'], cities: GenCity[]): ServiceMode | Record<string, ServiceMode> {
  if (mode !== 'by-class') return mode ?? 'individual';
  const map: Record<string, ServiceMode> = {};
  for (const city of cities) for (const county of city.counties) map[county.id] = city.cls === 'prd' ? 'team' : 'firm-town';
  return map;
}

/** The program year of every generated scenario. */
export const YEAR = 2026;

/** What every public notice and contact card carries (R14). */
export const NOTICE = {
  serviceContent:
    '为村(居)民和村(社区)提供法律咨询,参与矛盾纠纷排查化解,开展法治宣传教育和“乡村振兴法治课堂”,协助起草审核村规民约和集体经济合同,引导符合条件的群众申请法律援助。',
  complaintEmail: 'gdsftts@gd.gov.cn',
} as const;

function buildCities(rng: Rng, plan: PresetPlan, codes: string[], grids: Grids, cityNames: NameBook): GenCity[] {
  const centres = plan.cities.map((c) => placeCityCentre(rng, c.cls, grids));
  return plan.cities.map((cityPlan, i) => {
    const cityRng = rng.fork(`city-${i}`);
    const city = newCity(cityRng, i, codes[i], cityPlan, centres[i], cityNames);
    buildCounties(cityRng, city, grids);
    buildTowns(cityRng, city, grids);
    assignVillageCounts(cityRng, city);
    return city;
  });
}

/** The PRD city the paired lawyers of the city and county presets come from: one district, no villages of its own. */
function buildOutsideCity(rng: Rng, plan: PresetPlan, codes: string[], grids: Grids, cityNames: NameBook): GenCity | undefined {
  if (plan.pairedFromOutside === 0) return undefined;
  const cityPlan: CityPlan = { cls: 'prd', villages: 0, towns: 0, counties: 1, practicing: plan.pairedFromOutside, firms: 1, pairedOut: plan.pairedFromOutside };
  const city = newCity(rng, plan.cities.length, codes[plan.cities.length], cityPlan, placeCityCentre(rng, 'prd', grids), cityNames);
  buildCounties(rng, city, grids);
  return city;
}

export function generateScenario(opts: GenerateOptions): ScenarioInput {
  if (!PRESETS.includes(opts.preset)) throw new RangeError(`unknown preset ${JSON.stringify(opts.preset)}; expected one of ${PRESETS.join(', ')}`);
  if (!Number.isFinite(opts.seed)) throw new RangeError(`seed must be a finite number, got ${opts.seed}`);
  const root = new Rng(opts.seed, opts.preset);
  const policy = Policy.parse({});
  const plan = presetPlan(opts.preset, root.fork('plan'));
  const grids = newGrids();
  const cityNames = new NameBook();
  // Region codes of its own per preset and seed (regions.ts), never the sample county's.
  const codes = cityCodes(opts.preset, opts.seed, plan.cities.length + (plan.pairedFromOutside > 0 ? 1 : 0));
  const cities = buildCities(root.fork('geo'), plan, codes, grids, cityNames);
  const outside = buildOutsideCity(root.fork('outside'), plan, codes, grids, cityNames);
  const villages = buildVillages(root.fork('villages'), cities);
  const staffing = staffCities(root.fork('lawyers'), cities, outside, plan.pairedFromOutside, YEAR);
  const reach = new Reach(staffing, villages, policy.maxTravelKm, policy.travel.detourFactor);
  const preferences: Preferences =
    opts.preferences === false ? { villages: [], lawyers: [] } : buildPreferences(root.fork('preferences'), reach, villages, staffing.lawyers);
  const assignment = opts.baseline || opts.pins ? buildBaseline(reach, villages, preferences, policy) : [];
  return {
    schema: SCENARIO_SCHEMA,
    name: `${plan.label}(seed ${opts.seed})`,
    year: YEAR,
    policy: { ...policy, mode: policyMode(opts.mode, outside ? [...cities, outside] : cities) },
    regions: regionRecords(root.fork('contacts'), outside ? [...cities, outside] : cities),
    firms: staffing.firms,
    lawyers: staffing.lawyers,
    villages: villages.map((v) => v.record),
    preferences,
    pins: opts.pins ? pickPins(root.fork('pins'), assignment) : [],
    baseline: opts.baseline ? assignment : [],
    travelOverrides: [],
    notice: { ...NOTICE },
  };
}
