import type { LonLat } from '../domain/common.js';
import type { ScenarioInput } from '../domain/scenario.js';
import type { CityClass } from './calibration.js';
import type { CountyKind, TownKind } from './names.js';
import type { CityPlan } from './presets.js';

export type RegionInput = ScenarioInput['regions'][number];
export type FirmInput = ScenarioInput['firms'][number];
export type LawyerInput = ScenarioInput['lawyers'][number];
export type VillageInput = ScenarioInput['villages'][number];
export type VillagePreferenceInput = NonNullable<NonNullable<ScenarioInput['preferences']>['villages']>[number];
export type LawyerPreferenceInput = NonNullable<NonNullable<ScenarioInput['preferences']>['lawyers']>[number];
export type PairInput = NonNullable<ScenarioInput['pins']>[number];

/** The generator's own view of the map while it builds it; flattened into regions at the end. */
export interface GenCity {
  id: string;
  name: string;
  /** the two-character stem of the name, reused in some firm names */
  stem: string;
  cls: CityClass;
  centre: LonLat;
  plan: CityPlan;
  /** the bureau's telephone area code */
  areaCode: string;
  counties: GenCounty[];
}

export interface GenCounty {
  id: string;
  name: string;
  kind: CountyKind;
  seat: LonLat;
  /** the city's main urban district: more streets, more lawyers */
  central: boolean;
  city: GenCity;
  towns: GenTown[];
}

export interface GenTown {
  id: string;
  name: string;
  kind: TownKind;
  centre: LonLat;
  county: GenCounty;
  villageCount: number;
}

/** A village as written, with the town it lies in kept at hand. */
export interface GenVillage {
  record: VillageInput;
  town: GenTown;
}
