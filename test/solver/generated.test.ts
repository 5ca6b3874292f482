/**
 * Every plan ovola writes validates: generated scenarios (random seeds, with or without preferences, a
 * baseline in force, lawyers who have left since), solved in every mode and method this suite can
 * afford, written as JSON and read back as a user's `ovola validate` would, then checked by the
 * independent validator. The validator holds the travel figures to the metre (docs/MODEL.md), so a
 * solver summing unrounded km where the validator sums the reported figures fails here.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyChanges } from '../../src/domain/changes.js';
import { parseScenario, parseSolution, type Scenario, type Solution } from '../../src/domain/index.js';
import { generateScenario } from '../../src/gen/index.js';
import { solve, solveAsync } from '../../src/solver/solve.js';
import { validateSolution } from '../../src/validate/index.js';

interface Case {
  seed: number;
  preferences: boolean;
  baseline: boolean;
  /** lawyers (by position on the roster) who have left since the baseline */
  gone: number[];
}

const cases = fc.record({
  seed: fc.integer({ min: 1, max: 1_000_000 }),
  preferences: fc.boolean(),
  baseline: fc.boolean(),
  gone: fc.uniqueArray(fc.nat(40), { maxLength: 3 }),
});

function scenarioOf(c: Case, mode: 'individual' | 'team' | 'firm-town' | 'by-class' = 'individual'): Scenario {
  const s = parseScenario(generateScenario({ preset: 'county', seed: c.seed, preferences: c.preferences, baseline: c.baseline, mode }));
  const gone = [...new Set(c.gone.map((i) => s.lawyers[i % s.lawyers.length].id))];
  return applyChanges(s, gone.map((lawyerId) => ({ op: 'remove-lawyer' as const, lawyerId })));
}

/** The solution as the CLI writes it and `ovola validate` reads it. */
const written = (solution: Solution): Solution => parseSolution(JSON.parse(JSON.stringify(solution)));

describe('every plan ovola writes for a generated scenario validates', () => {
  it('individual mode: the optimum and both stable matches (county preset)', () => {
    fc.assert(
      fc.property(cases, (c) => {
        const s = scenarioOf(c);
        for (const options of [{}, { method: 'stable', proposing: 'villages' }, { method: 'stable', proposing: 'lawyers' }] as const) {
          const solution = written(solve(s, options));
          expect(validateSolution(s, solution), JSON.stringify({ ...c, ...options })).toEqual([]);
          if (c.baseline) expect(solution.metrics.changes.vacated).toBe(s.baseline.filter((b) => !s.lawyers.some((l) => l.id === b.lawyerId)).length);
        }
      }),
      { numRuns: 6 },
    );
  }, 120_000);

  it('individual mode on the city preset (2,200 villages): travel figures agree to the metre', () => {
    const s = parseScenario(generateScenario({ preset: 'city', seed: 7, baseline: true }));
    const solution = written(solve(s));
    expect(validateSolution(s, solution)).toEqual([]);
    const metres = solution.assignments.reduce((sum, a) => sum + Math.round(a.travelKm * 1000), 0);
    expect(solution.metrics.travelKm.total).toBe(metres / 1000);
  }, 60_000);

  it.each(['team', 'firm-town', 'by-class'] as const)('%s mode (county preset)', async (mode) => {
    await fc.assert(
      fc.asyncProperty(cases, async (c) => {
        const s = scenarioOf(c, mode);
        const solution = written(await solveAsync(s, { timeLimitS: 20 }));
        expect(validateSolution(s, solution), JSON.stringify(c)).toEqual([]);
      }),
      { numRuns: 1 },
    );
  }, 120_000);
});
