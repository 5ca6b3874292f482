/**
 * Stable mode (R5, SPEC §4): many-to-one deferred acceptance, village- or lawyer-proposing,
 * over the same candidates, caps and vetoes as the optimum, judged by the same objective.
 */
import { describe, expect, test } from 'vitest';
import type { Scenario, Solution } from '../../src/domain/index.js';
import { east, world } from '../fixtures/small.js';
import { expectObjective, planOf, road, solveChecked, WEIGHTS } from '../fixtures/solver.js';

const { villagePreference: wV, lawyerPreference: wL } = WEIGHTS;

/**
 * The classic instance where the two sides' optima differ. A (cap 2) at 0, B (cap 1) at 10;
 * V1 at 3, V2 at 5, V3 at 7. Strict, complete lists:
 *   V1: B, A    V2: B, A    V3: A, B
 *   A: V1, V2, V3           B: V3, V1, V2
 * Villages propose: V1 and V2 ask B, who keeps V1 (B ranks V1 above V2); V2 and V3 go to A.
 * Lawyers propose: A offers V1 and V2, B offers V3; nobody is rejected.
 */
function classic(): Scenario {
  return world({
    villages: [
      { id: 'V1', at: east(3) },
      { id: 'V2', at: east(5) },
      { id: 'V3', at: east(7) },
    ],
    lawyers: [
      { id: 'A', at: east(0), maxVillages: 2 },
      { id: 'B', at: east(10), maxVillages: 1 },
    ],
    policy: { weights: WEIGHTS },
    extra: {
      preferences: {
        villages: [
          { villageId: 'V1', lawyers: ['B', 'A'] },
          { villageId: 'V2', lawyers: ['B', 'A'] },
          { villageId: 'V3', lawyers: ['A', 'B'] },
        ],
        lawyers: [
          { lawyerId: 'A', villages: ['V1', 'V2', 'V3'] },
          { lawyerId: 'B', villages: ['V3', 'V1', 'V2'] },
        ],
      },
    },
  });
}

/** pairCost of MODEL.md for the classic instance, from the lists above. */
const vRank: Record<string, Record<string, number>> = { V1: { B: 0, A: 1 }, V2: { B: 0, A: 1 }, V3: { A: 0, B: 1 } };
const lRank: Record<string, Record<string, number>> = { A: { V1: 0, V2: 1, V3: 2 }, B: { V3: 0, V1: 1, V2: 2 } };
const at: Record<string, number> = { A: 0, B: 10, V1: 3, V2: 5, V3: 7 };
function classicObjective(plan: Record<string, string>): number {
  return Object.entries(plan).reduce((sum, [v, l]) => sum + road(at[l], at[v]) + wV * vRank[v][l] + wL * lRank[l][v], 0);
}

/** The optimum of the classic instance by brute force: B takes exactly one village, A the other two. */
function classicOptimum(): number {
  const plans = ['V1', 'V2', 'V3'].map((b) => Object.fromEntries(['V1', 'V2', 'V3'].map((v) => [v, v === b ? 'B' : 'A'])));
  return Math.min(...plans.map(classicObjective));
}

function expectStableShape(sol: Solution, optimal: Solution): void {
  expect(sol.status).toBe('feasible');
  expect(sol.metrics.bound).toBeCloseTo(optimal.metrics.objective, 6);
  expect(sol.metrics.optimalTravelKm).toBeDefined();
  expect(sol.metrics.optimalTravelKm!).toBeCloseTo(optimal.metrics.travelKm.total, 3);
  expect(sol.metrics.objective).toBeGreaterThanOrEqual(sol.metrics.bound - 1e-9);
  expect(sol.metrics.gap).toBeCloseTo((sol.metrics.objective - sol.metrics.bound) / Math.max(1, Math.abs(sol.metrics.objective)), 9);
}

describe('stable mode', () => {
  test('village- and lawyer-proposing give each side its best stable match', () => {
    const s = classic();
    const optimal = solveChecked(s);
    expectObjective(optimal, classicOptimum(), 3);

    const byVillages = solveChecked(s, { method: 'stable', proposing: 'villages' });
    expect(byVillages.method).toBe('stable-village-proposing');
    expect(planOf(byVillages)).toEqual({ V1: 'B', V2: 'A', V3: 'A' });
    expectObjective(byVillages, classicObjective({ V1: 'B', V2: 'A', V3: 'A' }), 3);
    expect(byVillages.metrics.preferences.villageRankHistogram).toEqual({ '1': 2, '2': 1 });

    const byLawyers = solveChecked(s, { method: 'stable', proposing: 'lawyers' });
    expect(byLawyers.method).toBe('stable-lawyer-proposing');
    expect(planOf(byLawyers)).toEqual({ V1: 'A', V2: 'A', V3: 'B' });
    expectObjective(byLawyers, classicObjective({ V1: 'A', V2: 'A', V3: 'B' }), 3);
    expect(byLawyers.metrics.preferences.lawyerRankHistogram).toEqual({ '1': 2, '2': 1 });
  });

  test('with strict preferences a stable match has no blocking pairs', () => {
    const s = classic();
    for (const proposing of ['villages', 'lawyers'] as const) {
      const sol = solveChecked(s, { method: 'stable', proposing });
      expect(sol.metrics.preferences.blockingPairs, proposing).toEqual({ count: 0, villages: 0 });
      expect(sol.blockingPairs, proposing).toEqual([]);
    }
  });

  test('status feasible, bound = the optimal objective, optimalTravelKm reported', () => {
    const s = classic();
    const optimal = solveChecked(s);
    for (const proposing of ['villages', 'lawyers'] as const) {
      const sol = solveChecked(s, { method: 'stable', proposing });
      expectStableShape(sol, optimal);
      // the solver rounds each pair cost to 1/1000: half a thousandth per village (MODEL.md)
      expect(Math.abs(sol.metrics.bound - classicOptimum())).toBeLessThanOrEqual(0.0005 * 3);
    }
  });

  test('the 2 × 2 marriage instance: each side proposing gets its first choices', () => {
    // V1: A, B   V2: B, A   A: V2, V1   B: V1, V2 (cap 1 each); A at 0, B at 10, V1 at 4, V2 at 6.
    const s = world({
      villages: [
        { id: 'V1', at: east(4) },
        { id: 'V2', at: east(6) },
      ],
      lawyers: [{ id: 'A', at: east(0) }, { id: 'B', at: east(10) }],
      policy: { maxVillagesPerLawyer: 1, weights: WEIGHTS },
      extra: {
        preferences: {
          villages: [
            { villageId: 'V1', lawyers: ['A', 'B'] },
            { villageId: 'V2', lawyers: ['B', 'A'] },
          ],
          lawyers: [
            { lawyerId: 'A', villages: ['V2', 'V1'] },
            { lawyerId: 'B', villages: ['V1', 'V2'] },
          ],
        },
      },
    });
    const optimal = solveChecked(s);
    const byVillages = solveChecked(s, { method: 'stable', proposing: 'villages' });
    const byLawyers = solveChecked(s, { method: 'stable', proposing: 'lawyers' });
    expect(planOf(byVillages)).toEqual({ V1: 'A', V2: 'B' });
    expect(planOf(byLawyers)).toEqual({ V1: 'B', V2: 'A' });
    // villages' choice: each lawyer has its 2nd village; lawyers' choice: each village its 2nd lawyer
    expectObjective(byVillages, road(0, 4) + road(10, 6) + 2 * wL, 2);
    expectObjective(byLawyers, road(10, 4) + road(0, 6) + 2 * wV, 2);
    expect(planOf(optimal)).toEqual({ V1: 'A', V2: 'B' });
    for (const sol of [byVillages, byLawyers]) {
      expectStableShape(sol, optimal);
      expect(sol.metrics.preferences.blockingPairs.count).toBe(0);
    }
    expect(byVillages.metrics.gap).toBe(0);
    expect(byLawyers.metrics.gap).toBeGreaterThan(0);
  });

  test('unranked candidates are ordered by distance: the stable match removes the blocking pair of the optimum', () => {
    // V1 at 0, A at 1.1, V2 at 2, B at 3.1, cap 1. The optimum (V1–A, V2–B, 2.2 units) is blocked by V2–A (0.9 apart);
    // the stable match pairs the nearest first: V2–A, then V1–B (4.0 units).
    const s = world({
      villages: [
        { id: 'V1', at: east(0) },
        { id: 'V2', at: east(2) },
      ],
      lawyers: [{ id: 'A', at: east(1.1) }, { id: 'B', at: east(3.1) }],
      policy: { maxVillagesPerLawyer: 1, weights: WEIGHTS },
    });
    const optimal = solveChecked(s);
    expect(planOf(optimal)).toEqual({ V1: 'A', V2: 'B' });
    expect(optimal.blockingPairs).toEqual([['V2', 'A']]);
    for (const proposing of ['villages', 'lawyers'] as const) {
      const sol = solveChecked(s, { method: 'stable', proposing });
      expect(planOf(sol), proposing).toEqual({ V1: 'B', V2: 'A' });
      expect(sol.metrics.preferences.blockingPairs.count).toBe(0);
      expectObjective(sol, road(3.1, 0) + road(1.1, 2), 2);
      expect(sol.metrics.optimalTravelKm!).toBeCloseTo(road(1.1, 0) + road(3.1, 2), 2);
      expect(sol.metrics.travelKm.total).toBeGreaterThan(sol.metrics.optimalTravelKm!);
      expectStableShape(sol, optimal);
    }
  });

  test('a village the stable plan leaves uncovered that the optimum covers is counted, and its words are about this plan', () => {
    // V1 at 0, V2 at 7, A at 0.5, B at −7, cap 1, range 10 km: B cannot reach V2. V1 and A are each
    // other's first choice, so every stable match pairs them and V2 has no one; the optimum gives V1 to B.
    const s = world({
      villages: [
        { id: 'V1', at: east(0) },
        { id: 'V2', at: east(7) },
      ],
      lawyers: [{ id: 'A', at: east(0.5) }, { id: 'B', at: east(-7) }],
      policy: { maxVillagesPerLawyer: 1, maxTravelKm: 10, weights: WEIGHTS },
    });
    const optimal = solveChecked(s);
    expect(planOf(optimal)).toEqual({ V1: 'B', V2: 'A' });
    expect(optimal.metrics.stable).toBeUndefined();
    for (const proposing of ['villages', 'lawyers'] as const) {
      const sol = solveChecked(s, { method: 'stable', proposing });
      expect(planOf(sol), proposing).toEqual({ V1: 'A', V2: null });
      expect(sol.metrics.stable).toEqual({ uncoveredCoveredByOptimum: 1 });
      expect(sol.uncovered[0].reason).toBe('all-candidates-at-cap');
      expect(sol.uncovered[0].detail).toContain('在本稳定匹配方案中都已满额(R1)');
      expect(sol.uncovered[0].detail).toContain('最优方案可为本村安排顾问');
      expect(sol.uncovered[0].detail).not.toContain('在最优方案中');
    }
  });

  test('stable mode keeps caps, vetoes and pins', () => {
    // A (cap 1) is nearest to every village, but V1 is pinned to B, A vetoes V2 and the intern I never advises.
    const s = world({
      villages: [
        { id: 'V1', at: east(1) },
        { id: 'V2', at: east(2) },
        { id: 'V3', at: east(3) },
      ],
      lawyers: [{ id: 'A', at: east(0), maxVillages: 1 }, { id: 'B', at: east(10) }, { id: 'I', at: east(2), intern: true }],
      policy: { weights: WEIGHTS },
      extra: {
        pins: [{ villageId: 'V1', lawyerId: 'B' }],
        preferences: { villages: [], lawyers: [{ lawyerId: 'A', vetoes: ['V2'] }] },
      },
    });
    for (const proposing of ['villages', 'lawyers'] as const) {
      const sol = solveChecked(s, { method: 'stable', proposing });
      expect(planOf(sol), proposing).toEqual({ V1: 'B', V2: 'B', V3: 'A' });
      // A ranks V1 and V3 by distance but has no list, so lawyer ranks are 0: the objective is travel only.
      expectObjective(sol, road(10, 1) + road(10, 2) + road(0, 3), 3);
    }
  });
});
