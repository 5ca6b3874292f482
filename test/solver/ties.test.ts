/**
 * R6 among equals (docs/MODEL.md, "Ties keep the baseline"): of the plans with the optimal objective,
 * the solver returns one that keeps the most baseline advisers, even when `weights.change` is 0, and the
 * objective and its proof stay what they were.
 */
import fc from 'fast-check';
import { describe, expect, it, test } from 'vitest';
import { parseScenario, type Scenario, type Solution } from '../../src/domain/index.js';
import { generateScenario } from '../../src/gen/index.js';
import { solve } from '../../src/solver/solve.js';
import { validateSolution } from '../../src/validate/index.js';
import { east, smallScenario, world } from '../fixtures/small.js';
import { planOf, solveChecked } from '../fixtures/solver.js';

/** The scenario with a plan as its baseline. */
const withBaseline = (s: Scenario, plan: Solution): Scenario =>
  parseScenario({ ...s, baseline: plan.assignments.map((a) => ({ villageId: a.villageId, lawyerId: a.lawyerId })) });

const moved = (a: Solution, b: Solution) => {
  const before = new Map(a.assignments.map((x) => [x.villageId, x.lawyerId]));
  return b.assignments.filter((x) => before.get(x.villageId) !== x.lawyerId).length + b.uncovered.filter((u) => before.has(u.villageId)).length;
};

describe('ties keep the baseline adviser', () => {
  test('two colleagues at one office cost the same: with no change weight, the village keeps last year’s', () => {
    // A and B of one firm at one base, 1 km from V1 and V2. Each has room for both.
    for (const keep of ['A', 'B']) {
      const s = world({
        villages: [
          { id: 'V1', at: east(1) },
          { id: 'V2', at: east(1.5) },
        ],
        lawyers: [
          { id: 'A', at: east(0) },
          { id: 'B', at: east(0) },
        ],
        policy: { weights: { change: 0, load: 0 } },
        extra: { baseline: [{ villageId: 'V1', lawyerId: keep }, { villageId: 'V2', lawyerId: keep === 'A' ? 'B' : 'A' }] },
      });
      const sol = solveChecked(s);
      expect(planOf(sol)).toEqual({ V1: keep, V2: keep === 'A' ? 'B' : 'A' });
      expect(sol.metrics.changes.vsBaseline).toBe(0);
      expect(sol.metrics.gap).toBe(0);
    }
  });

  test('a generated city re-solved with its own plan as baseline and weights.change 0 moves no village', () => {
    const s = parseScenario(generateScenario({ preset: 'city', seed: 1 }));
    const first = solve(s);
    const again = solve(withBaseline(s, first), { weights: { change: 0 } });
    expect(validateSolution(withBaseline(s, first), again)).toEqual([]);
    expect(moved(first, again)).toBe(0);
    expect(again.metrics.changes.vsBaseline).toBe(0);
    // Same objective (change 0 adds nothing), still proven optimal.
    expect(again.metrics.objective).toBe(first.metrics.objective);
    expect(again.metrics.bound).toBe(again.metrics.objective);
    expect(again.status).toBe('optimal');
  }, 60_000);

  it('on small random scenarios: the plan re-solved as its own baseline with no change weight stays as it is, at the same objective', () => {
    fc.assert(
      fc.property(smallScenario, (scenario) => {
        const plain = parseScenario({ ...scenario, baseline: [], policy: { ...scenario.policy, weights: { ...scenario.policy.weights, change: 0 } } });
        const first = solve(plain);
        const s = withBaseline(plain, first);
        const again = solve(s);
        expect(validateSolution(s, again)).toEqual([]);
        expect(moved(first, again)).toBe(0);
        expect(again.metrics.objective).toBe(first.metrics.objective);
        expect(again.metrics.bound).toBe(again.metrics.objective);
      }),
      { numRuns: 150 },
    );
  });
});
