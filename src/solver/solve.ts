import { SOLUTION_SCHEMA, type Scenario, type Solution, type Weights } from '../domain/index.js';
import { adviserPairCount, extraPairs } from '../geo/candidates.js';
import { Geography } from '../geo/geography.js';
import { type CostModel, planUnits, UNITS } from './costs.js';
import { lawyerRows, solveIndividual, type Progress } from './individual.js';
import { gapOf, planDocument, planMetrics, travelStats } from './report.js';
import { stableMatch, type Proposing } from './stable.js';

export type { Progress } from './individual.js';

export interface SolveOptions {
  /** `optimal` (default): the exact minimum of the objective; `stable`: deferred acceptance (R5) */
  method?: 'optimal' | 'stable';
  /** stable only: which side proposes (villages by default) */
  proposing?: Proposing;
  /** override some of the scenario's weights for this solve */
  weights?: Partial<Weights>;
  onProgress?: (p: Progress) => void;
  /** team mode: seconds for each part's integer program; firm-town mode: for its whole solve (default 60); the exact individual mode needs none */
  timeLimitS?: number;
  /** team and firm-town modes: worker threads for the integer programs (default up to 2); 0 solves in this thread */
  threads?: number;
  /** team and firm-town modes: where an integer program may stop (team: HiGHS `mip_rel_gap`, 1e-4; firm-town: relative to the plan, 0.5%) */
  relativeGap?: number;
}

/** A mode (or method) this entry point does not solve, named with the field at fault. */
export class UnsupportedModeError extends Error {
  constructor(
    readonly mode: string,
    message = `policy.mode: "${mode}" is an integer program, solved by solveAsync(); solve() handles "individual" only`,
  ) {
    super(message);
    this.name = 'UnsupportedModeError';
  }
}

/** The first mode other than individual in the policy, if any. */
function nonIndividualMode(scenario: Scenario): string | undefined {
  const modes = typeof scenario.policy.mode === 'string' ? [scenario.policy.mode] : Object.values(scenario.policy.mode);
  return modes.find((m) => m !== 'individual');
}

/**
 * Solves a scenario in any mode: individual mode exactly (as `solve`), team and firm-town modes (R3, R4,
 * also mixed with individual counties) as integer programs in worker threads, with the solver's bound and gap.
 */
export async function solveAsync(scenario: Scenario, options: SolveOptions = {}): Promise<Solution> {
  const mode = nonIndividualMode(scenario);
  if (mode === undefined) return solve(scenario, options);
  if ((options.method ?? 'optimal') === 'stable') throw new UnsupportedModeError(mode, `method "stable" (deferred acceptance, R5) is for individual mode; policy.mode has "${mode}"`);
  const started = performance.now();
  // Loaded only for these modes: with @turf/turf and HiGHS they take longer to load than an individual solve of a city.
  const [{ solveModes }, { modesSolution }] = await Promise.all([import('./modes.js'), import('./modes-report.js')]);
  const weights: Weights = { ...scenario.policy.weights, ...options.weights };
  const geo = new Geography(scenario);
  const res = await solveModes(geo, weights, { onProgress: options.onProgress, timeLimitS: options.timeLimitS, threads: options.threads, relativeGap: options.relativeGap });
  options.onProgress?.({ phase: 'report', fraction: 0 });
  return modesSolution(geo, weights, res, started);
}

/** Solves a parsed scenario in individual mode and returns an `ovola.solution/v1` document (`solveAsync` takes every mode). */
export function solve(scenario: Scenario, options: SolveOptions = {}): Solution {
  const started = performance.now();
  const other = nonIndividualMode(scenario);
  if (other !== undefined) throw new UnsupportedModeError(other);

  const weights: Weights = { ...scenario.policy.weights, ...options.weights };
  const geo = new Geography(scenario);
  const optimal = solveIndividual(geo, weights, options.onProgress);
  const base = {
    schema: SOLUTION_SCHEMA,
    scenarioName: scenario.name,
    mode: scenario.policy.mode,
    weights,
  } as const;

  if ((options.method ?? 'optimal') === 'optimal') {
    options.onProgress?.({ phase: 'report', fraction: 0 });
    const doc = planDocument(geo, optimal.lawyerOf);
    const { metrics, blockingPairs } = planMetrics(geo, optimal.cm, optimal.pool, optimal.lawyerOf);
    return {
      ...base,
      method: 'optimal',
      status: 'optimal',
      ...doc,
      metrics: {
        objective: optimal.objective,
        bound: optimal.bound,
        gap: gapOf(optimal.objective, optimal.bound),
        ...metrics,
        solveMs: Math.round(performance.now() - started),
        candidatePairs: adviserPairCount(optimal.pool, optimal.candidates),
        pricingRounds: optimal.pricingRounds,
      },
      blockingPairs,
    };
  }

  // Stable: the match is judged by the same objective, with the optimum as its bound.
  const proposing = options.proposing ?? 'villages';
  options.onProgress?.({ phase: `stable match (${proposing} propose)`, fraction: 0 });
  const rows = lawyerRows(geo, optimal.pool, optimal.candidates);
  const { lawyerOf, candidates } = stableMatch(geo, optimal.cm, rows, extraPairs(geo).pinned, proposing);
  const objective = objectiveOf(geo, optimal.cm, lawyerOf);
  const doc = planDocument(geo, lawyerOf, optimal.lawyerOf);
  const { metrics, blockingPairs } = planMetrics(geo, optimal.cm, optimal.pool, lawyerOf);
  let uncoveredCoveredByOptimum = 0;
  for (let v = 0; v < geo.nV; v++) if (lawyerOf[v] < 0 && optimal.lawyerOf[v] >= 0) uncoveredCoveredByOptimum++;
  return {
    ...base,
    method: proposing === 'villages' ? 'stable-village-proposing' : 'stable-lawyer-proposing',
    status: 'feasible',
    ...doc,
    metrics: {
      objective,
      bound: optimal.bound,
      gap: gapOf(objective, optimal.bound),
      ...metrics,
      solveMs: Math.round(performance.now() - started),
      optimalTravelKm: travelStats(geo, optimal.lawyerOf).total,
      stable: { uncoveredCoveredByOptimum },
      candidatePairs: candidates.node.length,
    },
    blockingPairs,
  };
}

/** The objective of any plan, summed in thousandths exactly as the flow sums it. */
export function objectiveOf(geo: Geography, cm: CostModel, lawyerOf: Int32Array): number {
  return planUnits(geo, cm, lawyerOf) / UNITS;
}
