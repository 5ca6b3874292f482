import { z } from 'zod';
import { Id } from './common.js';
import { ServiceMode, Weights } from './scenario.js';

export const SOLUTION_SCHEMA = 'ovola.solution/v1';

/** Why a village has no adviser. A fixed list, so reports can count them. */
export const UncoveredReason = z.enum([
  /** no practicing lawyer who may serve the village lies within `maxTravelKm` */
  'no-practicing-lawyer-in-range',
  /** every practicing lawyer in range is vetoed by the village or vetoes it (R5) */
  'vetoed-all',
  /** lawyers in range exist, but in an optimal plan each is at its cap (R1) */
  'all-candidates-at-cap',
  /** firm-town mode: no firm could be given the village's town (R4) */
  'town-without-firm',
]);
export type UncoveredReason = z.infer<typeof UncoveredReason>;

export const Assignment = z.strictObject({
  villageId: Id,
  /** the responsible adviser */
  lawyerId: Id,
  /** the other team members (empty outside team mode) */
  team: z.array(Id).default([]),
  firmId: Id,
  /** the adviser's road km from base to village */
  travelKm: z.number().min(0),
  missingNeeds: z.array(z.string()).optional(),
});
export type Assignment = z.infer<typeof Assignment>;

const Histogram = z.record(z.string(), z.number().int().min(0));

/** R6: a village of the baseline whose adviser (`lawyerId`) is no longer on the roster. */
export const Vacated = z.strictObject({ villageId: Id, lawyerId: Id });
export type Vacated = z.infer<typeof Vacated>;

/**
 * R5: pairs of a village and a lawyer who both prefer each other to what they got (the lawyer having
 * room or a worse village). Each side orders its own list first, then the rest by road km. The metrics
 * count them; the solution's top-level `blockingPairs` lists every one.
 */
export const BlockingPairs = z.strictObject({
  count: z.number().int().min(0),
  /** villages that are in at least one blocking pair */
  villages: z.number().int().min(0),
});

/** One blocking pair, `[villageId, lawyerId]`. */
export const BlockingPair = z.tuple([Id, Id]);
export type BlockingPair = z.infer<typeof BlockingPair>;

/** The order of the `blockingPairs` list: by village id, then lawyer id, comparing UTF-16 code units (no locale). */
export function compareBlockingPairs(a: readonly [string, string], b: readonly [string, string]): number {
  return a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0;
}

export const SolutionMetrics = z.strictObject({
  objective: z.number(),
  /** a proven lower bound on the objective over every plan that holds the hard rules */
  bound: z.number(),
  /** (objective − bound) / max(1, |objective|) */
  gap: z.number().min(0),
  travelKm: z.strictObject({ total: z.number(), mean: z.number(), p95: z.number(), max: z.number() }),
  /** villages per lawyer: key = number of villages, value = number of practicing lawyers with that load */
  load: z.strictObject({ histogram: Histogram, max: z.number().int().min(0) }),
  preferences: z.strictObject({
    /** ranks villages got on their own lists ("1" best; "unranked"; "uncovered"), for villages that ranked */
    villageRankHistogram: Histogram,
    /** ranks lawyers got on their own lists, one count per assigned village, for lawyers that ranked */
    lawyerRankHistogram: Histogram,
    blockingPairs: BlockingPairs,
  }),
  /** R6: how the plan differs from the scenario's `baseline` (last year's plan) */
  changes: z.strictObject({
    /** villages whose adviser differs from a baseline adviser still on the roster (or that are uncovered) */
    vsBaseline: z.number().int().min(0),
    /** `vsBaseline` by county */
    byCounty: Histogram,
    /** villages whose baseline adviser is no longer on the roster: listed in the solution's `changes.vacated` */
    vacated: z.number().int().min(0).default(0),
  }),
  solveMs: z.number().min(0),
  /** stable mode: the travel total of the optimal plan on the same scenario, for comparison */
  optimalTravelKm: z.number().optional(),
  /** stable mode: what the stable match costs against the optimal plan of the same scenario */
  stable: z
    .strictObject({
      /** villages this stable plan leaves uncovered that the optimal plan covers */
      uncoveredCoveredByOptimum: z.number().int().min(0),
    })
    .optional(),
  /** candidate pairs in the final model and pricing rounds needed to prove optimality */
  candidatePairs: z.number().int().min(0).optional(),
  pricingRounds: z.number().int().min(0).optional(),
});
export type SolutionMetrics = z.infer<typeof SolutionMetrics>;

export const Solution = z.strictObject({
  schema: z.literal(SOLUTION_SCHEMA),
  scenarioName: z.string().optional(),
  /** how the plan was made: the exact optimum, or a stable match (R5) */
  method: z.enum(['optimal', 'stable-village-proposing', 'stable-lawyer-proposing']).default('optimal'),
  mode: z.union([ServiceMode, z.record(Id, ServiceMode)]).default('individual'),
  status: z.enum(['optimal', 'feasible', 'infeasible']),
  /** the weights the objective was computed with */
  weights: Weights,
  assignments: z.array(Assignment),
  firmTowns: z.array(z.strictObject({ townId: Id, firmId: Id })).optional(),
  /** team mode (R3): teams of the same lawyers serving two or more villages, named as firms present them */
  teams: z
    .array(
      z.strictObject({
        id: Id,
        firmId: Id,
        /** every member, the responsible advisers included, ascending */
        members: z.array(Id).min(2),
        villages: z.array(Id).min(2),
      }),
    )
    .optional(),
  uncovered: z.array(z.strictObject({ villageId: Id, reason: UncoveredReason, detail: z.string() })),
  /** R6: changes from the baseline listed one by one (`metrics.changes` counts them); absent when there are none */
  changes: z
    .strictObject({
      /**
       * villages whose baseline adviser has left the roster, with that adviser, in scenario order; they are
       * not counted in `metrics.changes.vsBaseline`, and carry no change penalty
       */
      vacated: z.array(Vacated),
    })
    .optional(),
  metrics: SolutionMetrics,
  /**
   * R5: every blocking pair as `[villageId, lawyerId]`, `metrics.preferences.blockingPairs.count` of them,
   * sorted by village id then lawyer id (`compareBlockingPairs`), so that a page can start after any pair.
   */
  blockingPairs: z.array(BlockingPair).default([]),
});
export type Solution = z.infer<typeof Solution>;
