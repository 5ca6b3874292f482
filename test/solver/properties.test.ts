import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { greedyObjective } from '../../benchmarks/greedy.js';
import { Geography } from '../../src/geo/geography.js';
import { CostModel } from '../../src/solver/costs.js';
import { solveIndividual } from '../../src/solver/individual.js';
import { allPairsProblem } from '../../src/solver/lp/full.js';
import { highsEngine } from '../../src/solver/lp/highs.js';
import { transportLp } from '../../src/solver/lp/model.js';
import { solve } from '../../src/solver/solve.js';
import { validateSolution } from '../../src/validate/index.js';
import { smallScenario } from '../fixtures/small.js';

const RUNS = 200;

describe('solve() on small random scenarios', () => {
  it('returns a plan that passes the independent validator', () => {
    fc.assert(
      fc.property(smallScenario, (scenario) => {
        expect(validateSolution(scenario, solve(scenario))).toEqual([]);
      }),
      { numRuns: RUNS },
    );
  });

  it('proves its plan optimal, and it is no worse than the greedy nearest-with-room plan', () => {
    fc.assert(
      fc.property(smallScenario, (scenario) => {
        const solution = solve(scenario);
        expect(solution.status).toBe('optimal');
        expect(solution.metrics.bound).toBe(solution.metrics.objective);
        const geo = new Geography(scenario);
        const greedy = greedyObjective(geo, new CostModel(geo, scenario.policy.weights));
        expect(solution.metrics.objective).toBeLessThanOrEqual(greedy + 1e-9);
      }),
      { numRuns: RUNS },
    );
  });

  it("equals HiGHS's LP optimum on the solver's own model and on every pair in range", async () => {
    await fc.assert(
      fc.asyncProperty(smallScenario, async (scenario) => {
        const { objective } = solve(scenario).metrics;
        const geo = new Geography(scenario);
        const weights = scenario.policy.weights;
        // The flow's model: the candidates, merged lawyers and priced pairs.
        const own = await highsEngine.solve(transportLp(solveIndividual(geo, weights).flow.problem()));
        expect(own.status).toBe('optimal');
        expect(Math.abs(own.objective / 1000 - objective)).toBeLessThanOrEqual(1e-6);
        // The whole model, from the rules alone: proves the pruning plus pricing loses nothing.
        const all = await highsEngine.solve(transportLp(allPairsProblem(geo, new CostModel(geo, weights))));
        expect(all.status).toBe('optimal');
        expect(Math.abs(all.objective / 1000 - objective)).toBeLessThanOrEqual(1e-6);
      }),
      { numRuns: RUNS },
    );
  });
});
