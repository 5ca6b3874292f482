/**
 * Aggregate statistics of Guangdong's real divisions (NBS 2023 codes, 2016 points), printed by
 * `npx tsx scripts/calibrate-generator.ts`. Only aggregates live here, never a name, point or row.
 * Each comment names the figure of the script's output the value comes from.
 *
 * Every table is a list of quantiles at QUANTILE_LEVELS; the real maximum is left out
 * because in every list it is a lone outlier (a mis-geocoded point, a 84-village town).
 */

export type CityClass = 'prd' | 'less-developed';

/** the levels of every quantile table below (script: quantileLevels) */
export const QUANTILE_LEVELS = [0, 0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95, 0.99] as const;

export type QuantileTable = readonly number[];

export interface ClassCalibration {
  countiesPerCity: QuantileTable;
  villagesPerCity: QuantileTable;
  townsPerCounty: QuantileTable;
  townsPerCountyMean: number;
  villagesPerTownMean: number;
  streetShare: number;
  townshipShare: number;
  villagesPerStreet: QuantileTable;
  villagesPerTownOfKindTown: QuantileTable;
  communityShareInStreets: number;
  communityShareInTowns: number;
  townToSeatKm: QuantileTable;
  townNearestTownKm: QuantileTable;
  seatToCityCentreKm: QuantileTable;
  seatNearestSeatKm: QuantileTable;
  villageToTownKm: { village: QuantileTable; community: QuantileTable };
  villageNearestVillageKm: QuantileTable;
}

export const PROVINCE = {
  /** province.cities */
  cities: 21,
  /** province.counties (122 county units plus 东莞, 中山 as their own county) */
  counties: 124,
  /** province.towns: real 镇街 */
  towns: 1610,
  /** province.villages: real 村/社区 */
  villages: 26567,
  /** province.prdVillageShare: share of villages in the nine PRD cities */
  prdVillageShare: 0.372,
  /** province.cityNearestCityKm: city centre to the nearest other city centre */
  cityNearestCityKm: [19.39, 19.39, 30.51, 31.08, 48.43, 71.56, 103.19, 111.28, 130.8],
} as const;

export const CALIBRATION: Record<CityClass, ClassCalibration> = {
  prd: {
    /** prd.countiesPerCity (东莞, 中山 count one) */
    countiesPerCity: [1, 1, 1, 3, 5, 8, 9.4, 10.2, 10.84],
    /** prd.villagesPerCity */
    villagesPerCity: [287, 306.6, 326.2, 599, 809, 1343, 1809.6, 2326.8, 2740.56],
    /** prd.townsPerCounty */
    townsPerCounty: [3, 4, 4, 7, 11, 16.75, 19.2, 22.55, 28.08],
    /** prd.townsPerCountyMean */
    townsPerCountyMean: 12.2,
    /** prd.villagesPerTownMean */
    villagesPerTownMean: 16.21,
    /** prd.streetShare: 街道 among 镇街 */
    streetShare: 0.49,
    /** prd.townshipShare: 乡 among 镇街 */
    townshipShare: 0.0033,
    /** prd.villagesPerStreet */
    villagesPerStreet: [1, 4.9, 6, 8, 12, 17, 24, 30.1, 45.1],
    /** prd.villagesPerTownOfKindTown (镇 and 乡) */
    villagesPerTownOfKindTown: [2, 7, 9, 12, 16, 22, 30, 37, 50.9],
    /** prd.communityShareInStreets */
    communityShareInStreets: 0.79,
    /** prd.communityShareInTowns */
    communityShareInTowns: 0.192,
    /** prd.townToSeatKm: town point to its county seat */
    townToSeatKm: [0.06, 0.85, 1.43, 3.76, 11.69, 21.15, 32.51, 39.95, 53.34],
    /** prd.townNearestTownKm: town to the nearest town of its county */
    townNearestTownKm: [0.29, 0.7, 1.02, 2.3, 5.94, 9.1, 11.89, 14.01, 19.54],
    /** prd.seatToCityCentreKm */
    seatToCityCentreKm: [0, 0.08, 1.33, 3.88, 23, 34.86, 65.25, 83.71, 104.12],
    /** prd.seatNearestSeatKm: county seat to the nearest seat of its city */
    seatNearestSeatKm: [3.01, 3.11, 3.5, 7.66, 13.85, 27.2, 40.86, 43.26, 53.46],
    villageToTownKm: {
      /** prd.villageToTownKm.village (villages with their own point) */
      village: [0.02, 0.51, 0.8, 1.97, 3.87, 6.46, 9.62, 12.01, 24.29],
      /** prd.villageToTownKm.community */
      community: [0, 0.18, 0.26, 0.54, 1.08, 2.09, 4.5, 6.37, 10.27],
    },
    /** prd.villageNearestVillageKm: village to the nearest village of its town */
    villageNearestVillageKm: [0, 0.12, 0.22, 0.4, 1.12, 2.32, 4.21, 6.11, 16.45],
  },
  'less-developed': {
    /** lessDeveloped.countiesPerCity */
    countiesPerCity: [3, 3.55, 4, 4.75, 5.5, 8, 8.9, 9.45, 9.89],
    /** lessDeveloped.villagesPerCity */
    villagesPerCity: [859, 869.45, 887.4, 1008, 1334, 1676.25, 1969.5, 2104.35, 2228.87],
    /** lessDeveloped.townsPerCounty */
    townsPerCounty: [3, 7, 7, 8, 12.5, 17, 21, 24, 26.54],
    /** lessDeveloped.townsPerCountyMean */
    townsPerCountyMean: 13.51,
    /** lessDeveloped.villagesPerTownMean */
    villagesPerTownMean: 16.68,
    /** lessDeveloped.streetShare */
    streetShare: 0.183,
    /** lessDeveloped.townshipShare */
    townshipShare: 0.009,
    /** lessDeveloped.villagesPerStreet */
    villagesPerStreet: [2, 4, 5, 7, 11, 16, 22, 26, 35.18],
    /** lessDeveloped.villagesPerTownOfKindTown */
    villagesPerTownOfKindTown: [4, 7, 8, 12, 16, 22, 29, 34, 42],
    /** lessDeveloped.communityShareInStreets */
    communityShareInStreets: 0.614,
    /** lessDeveloped.communityShareInTowns */
    communityShareInTowns: 0.101,
    /** lessDeveloped.townToSeatKm */
    townToSeatKm: [0.09, 0.93, 1.83, 8.33, 16.93, 28.29, 39.48, 46.78, 55.45],
    /** lessDeveloped.townNearestTownKm */
    townNearestTownKm: [0.11, 1.46, 2.26, 4.78, 7.39, 10.11, 12.97, 14.89, 17.91],
    /** lessDeveloped.seatToCityCentreKm */
    seatToCityCentreKm: [0.1, 0.3, 0.52, 6.66, 33.26, 54.27, 79.49, 104.99, 138.95],
    /** lessDeveloped.seatNearestSeatKm */
    seatNearestSeatKm: [1.18, 3.3, 4.72, 10.33, 26.45, 37.76, 45.96, 50.2, 60.33],
    villageToTownKm: {
      /** lessDeveloped.villageToTownKm.village */
      village: [0, 0.29, 0.6, 1.52, 3.19, 5.51, 8.69, 10.89, 27.75],
      /** lessDeveloped.villageToTownKm.community */
      community: [0.02, 0.11, 0.18, 0.42, 0.84, 1.67, 3.99, 7.55, 18.06],
    },
    /** lessDeveloped.villageNearestVillageKm (its 0–5% are co-geocoded points, not real co-location) */
    villageNearestVillageKm: [0, 0, 0.21, 0.83, 1.83, 3.33, 5.84, 8.45, 28.06],
  },
};

