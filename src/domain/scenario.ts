import { z } from 'zod';
import { ClockTime, Crs, Id, IsoDate, LonLat } from './common.js';
import { LIMITS } from './limits.js';

/** A name as people write it: a village's, a firm's, a person's, a specialty. */
const Name = z.string().min(1).max(LIMITS.name);
/** A short list of names or ids (a ranking, vetoes, specialties, needs, a team). */
const shortList = <T extends z.ZodType>(item: T) => z.array(item).max(LIMITS.list);

export const SCENARIO_SCHEMA = 'ovola.scenario/v1';

export const ServiceMode = z.enum(['individual', 'team', 'firm-town']);
export type ServiceMode = z.infer<typeof ServiceMode>;

/** Weights of the one objective (SPEC §4). All costs are in "km-equivalents". */
export const Weights = z.strictObject({
  /** per road km of the responsible adviser, base to village */
  travelKm: z.number().min(0).default(1),
  /** per rank step down a village's list (R5); an unranked lawyer counts as one step past the list */
  villagePreference: z.number().min(0).default(10),
  /** per rank step down a lawyer's list (R5) */
  lawyerPreference: z.number().min(0).default(5),
  /** per village whose adviser differs from `baseline` (R6) */
  change: z.number().min(0).default(30),
  /** convex load: a lawyer's k-th village costs `load × (k − 1)` */
  load: z.number().min(0).default(2),
  /** per village left without an adviser; must dwarf every other term */
  uncovered: z.number().min(0).default(1_000_000),
  /** per road km of a team member (R3), and the fixed cost of each extra member */
  teamMember: z.number().min(0).default(0.5),
});
export type Weights = z.infer<typeof Weights>;

export const Policy = z.strictObject({
  maxVillagesPerLawyer: z.number().int().min(1).max(1000).default(8),
  mode: z
    .union([
      ServiceMode,
      z
        .record(Id, ServiceMode)
        .refine((m) => Object.keys(m).length <= LIMITS.modeEntries, `at most ${LIMITS.modeEntries} counties`)
        .meta({ maxProperties: LIMITS.modeEntries }),
    ])
    .default('individual'),
  maxTravelKm: z.number().positive().default(80),
  /**
   * How many of the nearest places (lawyers' bases) give a village its candidate advisers; every adviser
   * at those places is a candidate. A speed device only: optimality is proven over everyone in range.
   */
  candidatesPerVillage: z.number().int().min(1).max(500).default(20),
  travel: z
    .strictObject({
      detourFactor: z.number().min(1).max(5).default(1.3),
      speedKmh: z.number().positive().max(200).default(40),
    })
    .prefault({}),
  team: z.strictObject({ maxSize: z.number().int().min(1).max(10).default(3) }).prefault({}),
  firmTown: z
    .strictObject({
      maxTownsPerFirm: z.number().int().min(1).max(100).default(3),
      adjacencyKm: z.number().positive().default(15),
    })
    .prefault({}),
  weights: Weights.prefault({}),
  service: z
    .strictObject({
      monthlyHours: z.number().min(0).max(200).default(8),
      minOnsiteVisitsPerMonth: z.number().int().min(0).max(31).default(1),
      maxRemoteShare: z.number().min(0).max(1).default(0.5),
      flexibleHalfYearOnsiteHours: z.number().min(0).max(1000).default(50),
      eveningSchool: z
        .strictObject({ start: ClockTime.default('19:30'), end: ClockTime.default('21:30') })
        .prefault({}),
    })
    .prefault({}),
});
export type Policy = z.infer<typeof Policy>;

export const Contact = z.strictObject({
  bureau: Name,
  phone: Name,
  email: Name,
});

export const GeoPolygon = z.strictObject({
  type: z.literal('Polygon'),
  coordinates: z.array(z.array(LonLat).min(4).max(LIMITS.ringPoints)).min(1).max(LIMITS.rings),
});
export const GeoMultiPolygon = z.strictObject({
  type: z.literal('MultiPolygon'),
  coordinates: z.array(z.array(z.array(LonLat).min(4).max(LIMITS.ringPoints)).min(1).max(LIMITS.rings)).min(1).max(LIMITS.rings),
});

export const RegionLevel = z.enum(['city', 'county', 'town']);
export const Region = z.strictObject({
  id: Id,
  name: Name,
  level: RegionLevel,
  parentId: Id.optional(),
  class: z.enum(['prd', 'less-developed']).optional(),
  location: LonLat.optional(),
  boundary: z.union([GeoPolygon, GeoMultiPolygon]).optional(),
  contact: Contact.optional(),
});
export type Region = z.infer<typeof Region>;

export const Firm = z.strictObject({
  id: Id,
  name: Name,
  location: LonLat,
  regionId: Id,
});
export type Firm = z.infer<typeof Firm>;

export const Lawyer = z.strictObject({
  id: Id,
  name: Name,
  firmId: Id,
  status: z.enum(['practicing', 'intern']),
  specialties: shortList(Name).default([]),
  base: LonLat.optional(),
  maxVillages: z.number().int().min(0).max(1000).optional(),
  monthlyHours: z.number().min(0).max(744).optional(),
  unavailable: z.array(IsoDate).max(LIMITS.unavailable).optional(),
  pairedAssistance: z.boolean().optional(),
  contact: z
    .strictObject({ phone: z.string().max(LIMITS.name).optional(), email: z.string().max(LIMITS.name).optional(), wechat: z.string().max(LIMITS.name).optional() })
    .optional(),
});
export type Lawyer = z.infer<typeof Lawyer>;

/**
 * R1 with R9: the most villages a lawyer may serve, in any role: the policy's cap, their own
 * `maxVillages`, and as many villages as their `monthlyHours` can give `service.monthlyHours` each.
 */
export function lawyerCap(
  policy: Pick<Policy, 'maxVillagesPerLawyer' | 'service'>,
  lawyer: Pick<Lawyer, 'maxVillages' | 'monthlyHours'>,
): number {
  const perVillage = policy.service.monthlyHours;
  const byHours = lawyer.monthlyHours !== undefined && perVillage > 0 ? Math.floor(lawyer.monthlyHours / perVillage + 1e-9) : Infinity;
  return Math.min(policy.maxVillagesPerLawyer, lawyer.maxVillages ?? Infinity, byHours);
}

export const Village = z.strictObject({
  id: Id,
  name: Name,
  townId: Id,
  kind: z.enum(['village', 'community']),
  location: LonLat,
  population: z.number().int().min(0).optional(),
  needs: shortList(Name).optional(),
  serviceMode: z.enum(['standard', 'flexible']).optional(),
  requests: z
    .strictObject({
      eveningSchoolPerMonth: z.number().int().min(0).max(31).default(0),
      weekendPerMonth: z.number().int().min(0).max(10).default(0),
    })
    .optional(),
});
export type Village = z.infer<typeof Village>;

export const VillagePreference = z.strictObject({
  villageId: Id,
  /** lawyers, best first */
  lawyers: shortList(Id).optional(),
  /** firms, best first; ranked after `lawyers` */
  firms: shortList(Id).optional(),
  /** lawyer or firm ids the village refuses (hard) */
  vetoes: shortList(Id).optional(),
});
export const LawyerPreference = z.strictObject({
  lawyerId: Id,
  villages: shortList(Id).optional(),
  vetoes: shortList(Id).optional(),
});

export const Pair = z.strictObject({ villageId: Id, lawyerId: Id });

export const Scenario = z.strictObject({
  schema: z.literal(SCENARIO_SCHEMA),
  name: Name,
  year: z.number().int().min(2000).max(2100),
  /**
   * The system of every `[lon, lat]` in the scenario (villages, firms, lawyers' bases, regions and their
   * boundaries); `wgs84` when absent. Solving and validating convert to WGS-84 first (src/geo/crs.ts).
   */
  crs: Crs.optional(),
  policy: Policy.prefault({}),
  regions: z.array(Region).max(LIMITS.regions),
  firms: z.array(Firm).max(LIMITS.firms),
  lawyers: z.array(Lawyer).max(LIMITS.lawyers),
  villages: z.array(Village).max(LIMITS.villages),
  preferences: z
    .strictObject({
      villages: z.array(VillagePreference).max(LIMITS.villagePreferences).default([]),
      lawyers: z.array(LawyerPreference).max(LIMITS.lawyerPreferences).default([]),
    })
    .prefault({}),
  pins: z.array(Pair).max(LIMITS.pins).default([]),
  baseline: z.array(z.strictObject({ villageId: Id, lawyerId: Id, team: shortList(Id).optional() })).max(LIMITS.baseline).default([]),
  travelOverrides: z
    .array(z.strictObject({ lawyerId: Id, villageId: Id, km: z.number().min(0), minutes: z.number().min(0).optional() }))
    .max(LIMITS.travelOverrides)
    .default([]),
  notice: z
    .strictObject({ serviceContent: z.string().min(1).max(LIMITS.text), complaintEmail: Name })
    .optional(),
});
/** A scenario after parsing: every default filled in. */
export type Scenario = z.infer<typeof Scenario>;
/** A scenario as written: defaults may be left out. */
export type ScenarioInput = z.input<typeof Scenario>;
