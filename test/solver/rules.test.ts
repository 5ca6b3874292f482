/**
 * One small, hand-checked instance per rule of the individual-mode model (docs/MODEL.md).
 * Places are `east(km)`: points on the 23°N parallel, so `road(a, b)` is about 1.3 × |a − b| km.
 * Every expected plan and objective below is worked out by hand from MODEL.md; every solution
 * must also pass the independent validator.
 */
import { describe, expect, test } from 'vitest';
import type { Scenario, Weights } from '../../src/domain/index.js';
import { generateScenario } from '../../src/gen/index.js';
import { parseScenario } from '../../src/domain/index.js';
import { east, world } from '../fixtures/small.js';
import { expectObjective, planOf, road, solveChecked, WEIGHTS, withoutSolveMs } from '../fixtures/solver.js';

type WorldOptions = Parameters<typeof world>[0];

/** A `world` whose weights are all spelled out: WEIGHTS (load 0, uncovered 100 000) unless the test says otherwise. */
function scenario(opts: WorldOptions & { weights?: Partial<Weights> }): Scenario {
  const { weights, ...rest } = opts;
  return world({ ...rest, policy: { ...rest.policy, weights: { ...WEIGHTS, ...weights } } });
}

const UNCOVERED = WEIGHTS.uncovered;

describe('R1 caps', () => {
  test('R1: a lawyer advises at most maxVillagesPerLawyer villages, and a personal cap binds', () => {
    // V1..V3 at 1, 2, 3 km; A at 0, B at 10. Unlimited, A would take all three.
    const villages = [
      { id: 'V1', at: east(1) },
      { id: 'V2', at: east(2) },
      { id: 'V3', at: east(3) },
    ];
    const free = solveChecked(scenario({ villages, lawyers: [{ id: 'A', at: east(0) }, { id: 'B', at: east(10) }] }));
    expect(planOf(free)).toEqual({ V1: 'A', V2: 'A', V3: 'A' });
    expectObjective(free, road(0, 1) + road(0, 2) + road(0, 3), 3);

    // Policy cap 2: the village that loses least by going to B (V3: 7 − 3 = 4 km saved, vs 6 and 8) goes to B.
    const policyCap = solveChecked(
      scenario({ villages, lawyers: [{ id: 'A', at: east(0) }, { id: 'B', at: east(10) }], policy: { maxVillagesPerLawyer: 2 } }),
    );
    expect(planOf(policyCap)).toEqual({ V1: 'A', V2: 'A', V3: 'B' });
    expectObjective(policyCap, road(0, 1) + road(0, 2) + road(10, 3), 3);
    expect(policyCap.metrics.load).toEqual({ histogram: { '1': 1, '2': 1 }, max: 2 });

    // Personal cap 1 under the policy's 8: A keeps only V1, the village that gains most from A.
    const personal = solveChecked(scenario({ villages, lawyers: [{ id: 'A', at: east(0), maxVillages: 1 }, { id: 'B', at: east(10) }] }));
    expect(planOf(personal)).toEqual({ V1: 'A', V2: 'B', V3: 'B' });
    expectObjective(personal, road(0, 1) + road(10, 2) + road(10, 3), 3);
  });

  test('R1 with R9: a lawyer takes no more villages than their monthly hours give 8 h each', () => {
    const villages = [
      { id: 'V1', at: east(1) },
      { id: 'V2', at: east(2) },
      { id: 'V3', at: east(3) },
    ];
    const s = scenario({ villages, lawyers: [{ id: 'A', at: east(0) }, { id: 'B', at: east(10) }] });
    s.lawyers[0].monthlyHours = 20; // ⌊20 / 8⌋ = 2 villages
    const capped = solveChecked(s);
    expect(planOf(capped)).toEqual({ V1: 'A', V2: 'A', V3: 'B' });
    expectObjective(capped, road(0, 1) + road(0, 2) + road(10, 3), 3);

    // At 4 h a village the same 20 hours cover five: A takes all three again.
    s.policy.service.monthlyHours = 4;
    const roomy = solveChecked(s);
    expect(planOf(roomy)).toEqual({ V1: 'A', V2: 'A', V3: 'A' });
  });

  test('R1: the convex load weight spreads villages over lawyers', () => {
    // V1 at 1, V2 at 2; A at 0, B at 6. Without a load cost A takes both (3 km vs 5 km).
    const opts = {
      villages: [
        { id: 'V1', at: east(1) },
        { id: 'V2', at: east(2) },
      ],
      lawyers: [{ id: 'A', at: east(0) }, { id: 'B', at: east(6) }],
    };
    const together = solveChecked(scenario({ ...opts, weights: { load: 0 } }));
    expect(planOf(together)).toEqual({ V1: 'A', V2: 'A' });
    expectObjective(together, road(0, 1) + road(0, 2), 2);

    // load 10: A's 2nd village costs 10 more, so V2 goes to B (3 × 1.3 vs 1 × 1.3 + 10 extra).
    const spread = solveChecked(scenario({ ...opts, weights: { load: 10 } }));
    expect(planOf(spread)).toEqual({ V1: 'A', V2: 'B' });
    expectObjective(spread, road(0, 1) + road(6, 2), 2);

    // load 1: the 2nd village at A costs 1 + 2.6 km < 5.2 km at B: A keeps both, and the load term counts once.
    const mild = solveChecked(scenario({ ...opts, weights: { load: 1 } }));
    expect(planOf(mild)).toEqual({ V1: 'A', V2: 'A' });
    expectObjective(mild, road(0, 1) + road(0, 2) + 1, 2);
  });
});

describe('R2 interns', () => {
  test('R2: an intern is never an adviser, even when nearest; a village with only an intern in range is uncovered', () => {
    const s = scenario({
      villages: [
        { id: 'V1', at: east(5) },
        { id: 'V2', at: east(100) },
      ],
      lawyers: [
        { id: 'A', at: east(0) },
        { id: 'I1', at: east(5), intern: true },
        { id: 'I2', at: east(100), intern: true },
      ],
      policy: { maxTravelKm: 30 },
    });
    const sol = solveChecked(s);
    expect(planOf(sol)).toEqual({ V1: 'A', V2: null });
    expect(sol.uncovered).toHaveLength(1);
    expect(sol.uncovered[0].reason).toBe('no-practicing-lawyer-in-range');
    expect(sol.uncovered[0].detail).toContain('律师I2');
    expectObjective(sol, road(0, 5) + UNCOVERED, 2);
    // Interns are not in the load histogram: it counts practicing lawyers only.
    expect(sol.metrics.load.histogram).toEqual({ '1': 1 });
  });
});

describe('R5 two-way selection', () => {
  // V1 at 1; A (firm F1) at 0 is nearest, B (firm F2) at 4.
  const base = {
    villages: [{ id: 'V1', at: east(1) }],
    lawyers: [
      { id: 'A', at: east(0), firm: 'F1' },
      { id: 'B', at: east(4), firm: 'F2' },
    ],
    firms: [
      { id: 'F1', at: east(0) },
      { id: 'F2', at: east(4) },
    ],
  };

  test('R5: a village’s ranking of a lawyer, or of a firm, changes the pick', () => {
    const plain = solveChecked(scenario(base));
    expect(planOf(plain)).toEqual({ V1: 'A' });
    expectObjective(plain, road(0, 1));

    // V1 lists B first: A is unranked (rank |L| = 1) and costs 1.3 + 10, B costs 3.9.
    const byLawyer = solveChecked(scenario({ ...base, extra: { preferences: { villages: [{ villageId: 'V1', lawyers: ['B'] }] } } }));
    expect(planOf(byLawyer)).toEqual({ V1: 'B' });
    expectObjective(byLawyer, road(4, 1));

    // V1 lists firm F2: the same through the firm.
    const byFirm = solveChecked(scenario({ ...base, extra: { preferences: { villages: [{ villageId: 'V1', firms: ['F2'] }] } } }));
    expect(planOf(byFirm)).toEqual({ V1: 'B' });
    expectObjective(byFirm, road(4, 1));

    // Listing A's firm F1 after lawyer B: A has rank |L| + 0 = 1, B 0; the weight 1 makes A cheaper again.
    const weak = solveChecked(
      scenario({ ...base, weights: { villagePreference: 1 }, extra: { preferences: { villages: [{ villageId: 'V1', lawyers: ['B'], firms: ['F1'] }] } } }),
    );
    expect(planOf(weak)).toEqual({ V1: 'A' });
    expectObjective(weak, road(0, 1) + 1);
  });

  test('R5: a lawyer’s ranking of villages changes the pick', () => {
    // A at 0 (cap 1), B at 5; V1 at 1, V2 at 2. Unranked, A takes V1 (1 + 3 km beats 2 + 4 km).
    const opts = {
      villages: [
        { id: 'V1', at: east(1) },
        { id: 'V2', at: east(2) },
      ],
      lawyers: [{ id: 'A', at: east(0), maxVillages: 1 }, { id: 'B', at: east(5) }],
    };
    const plain = solveChecked(scenario(opts));
    expect(planOf(plain)).toEqual({ V1: 'A', V2: 'B' });
    expectObjective(plain, road(0, 1) + road(5, 2), 2);

    // A lists V2: A→V1 would cost 5 more (rank 1), 1.3 + 5 + 3.9 > 2.6 + 5.2.
    const ranked = solveChecked(scenario({ ...opts, extra: { preferences: { lawyers: [{ lawyerId: 'A', villages: ['V2'] }] } } }));
    expect(planOf(ranked)).toEqual({ V1: 'B', V2: 'A' });
    expectObjective(ranked, road(0, 2) + road(5, 1), 2);
    expect(ranked.metrics.preferences.lawyerRankHistogram).toEqual({ '1': 1 });
  });

  test('R5: a veto by either side excludes the pair', () => {
    const vetoes = [
      { villages: [{ villageId: 'V1', vetoes: ['A'] }] },
      { villages: [{ villageId: 'V1', vetoes: ['F1'] }] },
      { lawyers: [{ lawyerId: 'A', vetoes: ['V1'] }] },
    ];
    for (const preferences of vetoes) {
      const sol = solveChecked(scenario({ ...base, extra: { preferences } }));
      expect(planOf(sol), JSON.stringify(preferences)).toEqual({ V1: 'B' });
      expectObjective(sol, road(4, 1));
    }
  });

  test('R5: a village every lawyer in range is vetoed for is uncovered as vetoed-all', () => {
    const sol = solveChecked(
      scenario({
        ...base,
        extra: { preferences: { villages: [{ villageId: 'V1', vetoes: ['A'] }], lawyers: [{ lawyerId: 'B', vetoes: ['V1'] }] } },
      }),
    );
    expect(planOf(sol)).toEqual({ V1: null });
    expect(sol.uncovered[0].reason).toBe('vetoed-all');
    expect(sol.uncovered[0].detail).toContain('律师A');
    expect(sol.uncovered[0].detail).toContain('律师B');
    expectObjective(sol, UNCOVERED);
  });
});

describe('R6 pins and baseline', () => {
  test('R6: a pin holds even far beyond maxTravelKm and at a high cost', () => {
    // V1 at 1 next to A; B at 100 is 128 road km away, past the 30 km limit.
    const s = scenario({
      villages: [{ id: 'V1', at: east(1) }],
      lawyers: [{ id: 'A', at: east(0) }, { id: 'B', at: east(100) }],
      policy: { maxTravelKm: 30 },
      extra: { pins: [{ villageId: 'V1', lawyerId: 'B' }] },
    });
    const sol = solveChecked(s);
    expect(planOf(sol)).toEqual({ V1: 'B' });
    expect(sol.assignments[0].travelKm).toBeCloseTo(road(100, 1), 3);
    expectObjective(sol, road(100, 1));
  });

  test('R6: the change penalty keeps the lawyer in force against a slightly nearer one, not a much nearer one', () => {
    // V1 at 10, baseline A at 0 (13 road km). B at 15 is 6.5 km nearer: less than the change weight 30.
    const slightly = solveChecked(
      scenario({
        villages: [{ id: 'V1', at: east(10) }],
        lawyers: [{ id: 'A', at: east(0) }, { id: 'B', at: east(15) }],
        extra: { baseline: [{ villageId: 'V1', lawyerId: 'A' }] },
      }),
    );
    expect(planOf(slightly)).toEqual({ V1: 'A' });
    expectObjective(slightly, road(0, 10));
    expect(slightly.metrics.changes).toEqual({ vsBaseline: 0, byCounty: {}, vacated: 0 });

    // Baseline A at −40 (65 road km); B at 10.5 is 64 km nearer: worth the change.
    const much = solveChecked(
      scenario({
        villages: [{ id: 'V1', at: east(10) }],
        lawyers: [{ id: 'A', at: east(-40) }, { id: 'B', at: east(10.5) }],
        extra: { baseline: [{ villageId: 'V1', lawyerId: 'A' }] },
      }),
    );
    expect(planOf(much)).toEqual({ V1: 'B' });
    expectObjective(much, road(10.5, 10) + WEIGHTS.change);
    expect(much.metrics.changes).toEqual({ vsBaseline: 1, byCounty: { K1: 1 }, vacated: 0 });
  });

  test('R6: a village whose lawyer in force can no longer serve and that no one else can take is uncovered and counts as a change', () => {
    // The baseline lawyer L is now an intern; no practicing lawyer lies within 30 km of V1.
    const s = scenario({
      villages: [{ id: 'V1', at: east(1) }],
      lawyers: [{ id: 'L', at: east(0), intern: true }, { id: 'A', at: east(60) }],
      policy: { maxTravelKm: 30 },
      extra: { baseline: [{ villageId: 'V1', lawyerId: 'L' }] },
    });
    const sol = solveChecked(s);
    expect(planOf(sol)).toEqual({ V1: null });
    expect(sol.uncovered[0].reason).toBe('no-practicing-lawyer-in-range');
    expectObjective(sol, UNCOVERED + WEIGHTS.change);
    expect(sol.metrics.changes).toEqual({ vsBaseline: 1, byCounty: { K1: 1 }, vacated: 0 });
  });

  test('R6: metrics.changes counts changed villages by county', () => {
    // County K1 (city C1, firm F1): V1 moves from A1 (−30) to A2 (10.5), V2 stays with A2.
    // County K2 (city C2, towns X…, firm F2): V3 and V4 move from B1 (−30) to B2 (10.5).
    const s = scenario({
      villages: [
        { id: 'V1', at: east(10), town: 'T1' },
        { id: 'V2', at: east(11), town: 'T1' },
        { id: 'V3', at: east(10), town: 'X1' },
        { id: 'V4', at: east(12), town: 'X1' },
      ],
      firms: [
        { id: 'F1', at: east(0) },
        { id: 'F2', at: east(0), city: 'C2' },
      ],
      lawyers: [
        { id: 'A1', at: east(-30), firm: 'F1' },
        { id: 'A2', at: east(10.5), firm: 'F1' },
        { id: 'B1', at: east(-30), firm: 'F2' },
        { id: 'B2', at: east(10.5), firm: 'F2' },
      ],
      extra: {
        baseline: [
          { villageId: 'V1', lawyerId: 'A1' },
          { villageId: 'V2', lawyerId: 'A2' },
          { villageId: 'V3', lawyerId: 'B1' },
          { villageId: 'V4', lawyerId: 'B1' },
        ],
      },
    });
    const sol = solveChecked(s);
    expect(planOf(sol)).toEqual({ V1: 'A2', V2: 'A2', V3: 'B2', V4: 'B2' });
    expect(sol.metrics.changes).toEqual({ vsBaseline: 3, byCounty: { K1: 1, K2: 2 }, vacated: 0 });
    expectObjective(sol, road(10.5, 10) + road(10.5, 11) + road(10.5, 10) + road(10.5, 12) + 3 * WEIGHTS.change, 4);
  });

  test('R6: a baseline adviser who left the roster vacates their villages, counted apart from moves and never charged', () => {
    // Last year L00003 (gone) had V1 and V2, A had V3, B had V4. This year A is 1 km from V1–V3 and has
    // room for three; B, 5 km nearer V3 than A, is also there. V4 moves from B to A: a move.
    const s = scenario({
      villages: [
        { id: 'V1', at: east(1) },
        { id: 'V2', at: east(2) },
        { id: 'V3', at: east(3) },
        { id: 'V4', at: east(20) },
      ],
      lawyers: [
        { id: 'A', at: east(2), maxVillages: 4 },
        { id: 'B', at: east(30), maxVillages: 0 },
      ],
      extra: {
        baseline: [
          { villageId: 'V1', lawyerId: 'L00003' },
          { villageId: 'V2', lawyerId: 'L00003', team: ['GONE'] },
          { villageId: 'V3', lawyerId: 'A', team: ['GONE'] },
          { villageId: 'V4', lawyerId: 'B' },
        ],
      },
    });
    const sol = solveChecked(s);
    expect(planOf(sol)).toEqual({ V1: 'A', V2: 'A', V3: 'A', V4: 'A' });
    expect(sol.metrics.changes).toEqual({ vsBaseline: 1, byCounty: { K1: 1 }, vacated: 2 });
    expect(sol.changes).toEqual({
      vacated: [
        { villageId: 'V1', lawyerId: 'L00003' },
        { villageId: 'V2', lawyerId: 'L00003' },
      ],
    });
    // V1 and V2 pay no change (their adviser left); V4 pays one; A's load 4 costs 0 here (load weight 0).
    expectObjective(sol, road(2, 1) + road(2, 2) + road(2, 3) + road(2, 20) + WEIGHTS.change, 4);
  });

  test('R6: a baseline village that is not in the scenario is still an error with its path', () => {
    expect(() =>
      scenario({ villages: [{ id: 'V1', at: east(1) }], lawyers: [{ id: 'A', at: east(0) }], extra: { baseline: [{ villageId: 'V9', lawyerId: 'A' }] } }),
    ).toThrow(/baseline\[0\]\.villageId: unknown village/);
  });
});

describe('R7 cities and paired assistance', () => {
  // V1 at 10 in city C1. A (F1, city C1) at 0; O and P are of F2, a firm of city C2 far east.
  const firms = [
    { id: 'F1', at: east(0) },
    { id: 'F2', at: east(200), city: 'C2' },
  ];
  test('R7: a lawyer of another city does not serve, a paired-assistance lawyer does, travelling from their base', () => {
    const without = solveChecked(
      scenario({
        villages: [{ id: 'V1', at: east(10) }],
        firms,
        lawyers: [
          { id: 'A', at: east(0), firm: 'F1' },
          { id: 'O', at: east(10), firm: 'F2' },
        ],
      }),
    );
    expect(planOf(without)).toEqual({ V1: 'A' });
    expectObjective(without, road(0, 10));

    const paired = solveChecked(
      scenario({
        villages: [{ id: 'V1', at: east(10) }],
        firms,
        lawyers: [
          { id: 'A', at: east(0), firm: 'F1' },
          { id: 'O', at: east(10), firm: 'F2' },
          { id: 'P', at: east(9), firm: 'F2', paired: true },
        ],
      }),
    );
    expect(planOf(paired)).toEqual({ V1: 'P' });
    expect(paired.assignments[0]).toMatchObject({ firmId: 'F2' });
    // from the base at 9, not from the firm at 200
    expect(paired.assignments[0].travelKm).toBeCloseTo(road(9, 10), 3);
    expectObjective(paired, road(9, 10));
  });
});

describe('TRAVEL and COVERAGE', () => {
  test('TRAVEL: a lawyer beyond maxTravelKm is never chosen; a village beyond everyone’s reach is uncovered', () => {
    // limit 20 km. V1 at 10: A at 0 is 13 km, B at 30 is 26 km; V1 ranks B first at weight 100, yet gets A.
    // V2 at 100 has no one within 20 km.
    const s = scenario({
      villages: [
        { id: 'V1', at: east(10) },
        { id: 'V2', at: east(100) },
      ],
      lawyers: [{ id: 'A', at: east(0) }, { id: 'B', at: east(30) }],
      policy: { maxTravelKm: 20 },
      weights: { villagePreference: 100 },
      extra: { preferences: { villages: [{ villageId: 'V1', lawyers: ['B', 'A'] }] } },
    });
    const sol = solveChecked(s);
    expect(planOf(sol)).toEqual({ V1: 'A', V2: null });
    expect(sol.uncovered[0].reason).toBe('no-practicing-lawyer-in-range');
    expectObjective(sol, road(0, 10) + 100 * 1 + UNCOVERED, 2);
  });

  test('TRAVEL: the limit is inclusive: exactly maxTravelKm is in range, a metre more is not', () => {
    const at = (km: number) =>
      scenario({
        villages: [{ id: 'V1', at: east(1) }],
        lawyers: [{ id: 'A', at: east(0) }],
        policy: { maxTravelKm: 20 },
        extra: { travelOverrides: [{ lawyerId: 'A', villageId: 'V1', km }] },
      });
    const edge = solveChecked(at(20));
    expect(planOf(edge)).toEqual({ V1: 'A' });
    expectObjective(edge, 20);
    const past = solveChecked(at(20.001));
    expect(planOf(past)).toEqual({ V1: null });
    expect(past.uncovered[0].reason).toBe('no-practicing-lawyer-in-range');
    expectObjective(past, UNCOVERED);
  });

  test('COVERAGE: caps too tight leave a village uncovered as all-candidates-at-cap, naming the full lawyers', () => {
    // V1..V3 at 1, 2, 3; A at 0 and B at 4, cap 1 each: the middle village is left.
    const s = scenario({
      villages: [
        { id: 'V1', at: east(1) },
        { id: 'V2', at: east(2) },
        { id: 'V3', at: east(3) },
      ],
      lawyers: [{ id: 'A', at: east(0) }, { id: 'B', at: east(4) }],
      policy: { maxVillagesPerLawyer: 1 },
    });
    const sol = solveChecked(s);
    expect(planOf(sol)).toEqual({ V1: 'A', V2: null, V3: 'B' });
    expect(sol.uncovered[0].reason).toBe('all-candidates-at-cap');
    expect(sol.uncovered[0].detail).toContain('律师A');
    expect(sol.uncovered[0].detail).toContain('律师B');
    expectObjective(sol, road(0, 1) + road(4, 3) + UNCOVERED, 3);
  });

  test('uncovered cost: the solver covers as many villages as it can', () => {
    // A at 0 (cap 1) is nearest to both V2 at −1 and V1 at 2; B at −15 reaches V2 (18 km) but not V1 (22 km > 20).
    const s = scenario({
      villages: [
        { id: 'V1', at: east(2) },
        { id: 'V2', at: east(-1) },
      ],
      lawyers: [{ id: 'A', at: east(0), maxVillages: 1 }, { id: 'B', at: east(-15) }],
      policy: { maxTravelKm: 20 },
    });
    const sol = solveChecked(s);
    expect(planOf(sol)).toEqual({ V1: 'A', V2: 'B' });
    expect(sol.uncovered).toEqual([]);
    expectObjective(sol, road(0, 2) + road(-15, -1), 2);
  });
});

describe('routing figures and candidates', () => {
  test('travelOverrides: a routing figure beats the straight-line estimate, for cost and for range', () => {
    // V1 at 10: A at 8 (2.6 km) and B at 14 (5.2 km) by straight line; routing says A is 25 km, B 4 km.
    // V2 at 50 is 65 km from A by straight line, past the 20 km limit; routing says 15 km.
    const s = scenario({
      villages: [
        { id: 'V1', at: east(10) },
        { id: 'V2', at: east(50) },
      ],
      lawyers: [{ id: 'A', at: east(8) }, { id: 'B', at: east(14) }],
      policy: { maxTravelKm: 20 },
      extra: {
        travelOverrides: [
          { lawyerId: 'A', villageId: 'V1', km: 25 },
          { lawyerId: 'B', villageId: 'V1', km: 4 },
          { lawyerId: 'A', villageId: 'V2', km: 15 },
        ],
      },
    });
    const sol = solveChecked(s);
    expect(planOf(sol)).toEqual({ V1: 'B', V2: 'A' });
    expect(sol.assignments.map((a) => a.travelKm)).toEqual([4, 15]);
    expectObjective(sol, 4 + 15, 2);

    // A routing figure can also make a near lawyer dearer: A at 6 road km (2.6 by straight line) loses to B's 5.2.
    const far = solveChecked(
      scenario({
        villages: [{ id: 'V1', at: east(10) }],
        lawyers: [{ id: 'A', at: east(8) }, { id: 'B', at: east(14) }],
        extra: { travelOverrides: [{ lawyerId: 'A', villageId: 'V1', km: 6 }] },
      }),
    );
    expect(planOf(far)).toEqual({ V1: 'B' });
    expectObjective(far, road(14, 10));
  });

  test('candidatesPerVillage = 1 still gives the optimum: pricing adds the pair that is needed', () => {
    // V1 at 1, V2 at 2; A at 0 is nearest to both, B at 5. Each row holds A only.
    const villages = [
      { id: 'V1', at: east(1) },
      { id: 'V2', at: east(2) },
    ];
    // A is full after one village: V2 needs B, its 2nd nearest (1 + 3 km beats 2 + 4 km).
    const full = solveChecked(
      scenario({ villages, lawyers: [{ id: 'A', at: east(0), maxVillages: 1 }, { id: 'B', at: east(5) }], policy: { candidatesPerVillage: 1 } }),
    );
    expect(planOf(full)).toEqual({ V1: 'A', V2: 'B' });
    expect(full.status).toBe('optimal');
    expectObjective(full, road(0, 1) + road(5, 2), 2);

    // A has room, but the load cost (20 for a 2nd village) makes B cheaper for V2: only pricing can see that.
    const loaded = solveChecked(
      scenario({ villages, lawyers: [{ id: 'A', at: east(0) }, { id: 'B', at: east(5) }], policy: { candidatesPerVillage: 1 }, weights: { load: 20 } }),
    );
    expect(planOf(loaded)).toEqual({ V1: 'A', V2: 'B' });
    expect(loaded.status).toBe('optimal');
    expect(loaded.metrics.bound).toBeCloseTo(loaded.metrics.objective, 6);
    expectObjective(loaded, road(0, 1) + road(5, 2), 2);
  });

  test('determinism: solving twice gives the same document', () => {
    // Ties everywhere: two lawyers at one place, villages at equal distances.
    const s = scenario({
      villages: [
        { id: 'V1', at: east(5) },
        { id: 'V2', at: east(5) },
        { id: 'V3', at: east(-5) },
        { id: 'V4', at: east(0) },
        { id: 'V5', at: east(10) },
        { id: 'V6', at: east(-10) },
      ],
      lawyers: [
        { id: 'A', at: east(0), maxVillages: 2 },
        { id: 'B', at: east(0), maxVillages: 2 },
        { id: 'C', at: east(10) },
        { id: 'D', at: east(-10), maxVillages: 1 },
      ],
      weights: { load: 3 },
    });
    const first = solveChecked(s);
    expect(withoutSolveMs(solveChecked(s))).toEqual(withoutSolveMs(first));

    const county = parseScenario(generateScenario({ preset: 'county', seed: 3 }));
    const a = solveChecked(county);
    expect(withoutSolveMs(solveChecked(county))).toEqual(withoutSolveMs(a));
  });
});

describe('metrics', () => {
  test('metrics: travel km total, mean, p95 and max, and a load histogram that counts idle lawyers', () => {
    // A at 0 takes V1 (1) and V2 (3); B at 10 takes V3 (8) and V4 (14); C at 50 is idle; I is an intern.
    const s = scenario({
      villages: [
        { id: 'V1', at: east(1) },
        { id: 'V2', at: east(3) },
        { id: 'V3', at: east(8) },
        { id: 'V4', at: east(14) },
      ],
      lawyers: [
        { id: 'A', at: east(0) },
        { id: 'B', at: east(10) },
        { id: 'C', at: east(50) },
        { id: 'I', at: east(5), intern: true },
      ],
    });
    const sol = solveChecked(s);
    expect(planOf(sol)).toEqual({ V1: 'A', V2: 'A', V3: 'B', V4: 'B' });
    const kms = [road(0, 1), road(10, 8), road(0, 3), road(10, 14)]; // ascending
    const total = kms.reduce((x, y) => x + y, 0);
    const t = sol.metrics.travelKm;
    expect(t.total).toBeCloseTo(total, 2);
    expect(t.mean).toBeCloseTo(total / 4, 2);
    expect(t.p95).toBeCloseTo(kms[3], 3); // index ceil(0.95 × 4) − 1 = 3
    expect(t.max).toBeCloseTo(kms[3], 3);
    expect(sol.metrics.load).toEqual({ histogram: { '0': 1, '2': 2 }, max: 2 });
    expect(sol.metrics.preferences.blockingPairs).toEqual({ count: 0, villages: 0 });
    expect(sol.blockingPairs).toEqual([]);
    expectObjective(sol, total, 4);
  });

  test('metrics: the village rank histogram counts ranks, unranked and uncovered villages', () => {
    // A at 0, B at 10 (firm F1); C at 30 (firm F2).
    const s = scenario({
      villages: [
        { id: 'V1', at: east(1) }, // lists A → A, rank 1
        { id: 'V2', at: east(2) }, // lists C, A → A (2.6 + 10 beats C's 36 km), rank 2
        { id: 'V3', at: east(9) }, // lists firm F2 → B (1.3 + 10 + 5 beats C's 27 km), unranked
        { id: 'V4', at: east(11) }, // no list: not counted
        { id: 'V5', at: east(300) }, // lists B, out of everyone's reach → uncovered
      ],
      firms: [
        { id: 'F1', at: east(0) },
        { id: 'F2', at: east(30) },
      ],
      lawyers: [
        { id: 'A', at: east(0), firm: 'F1' },
        { id: 'B', at: east(10), firm: 'F1' },
        { id: 'C', at: east(30), firm: 'F2' },
      ],
      extra: {
        preferences: {
          villages: [
            { villageId: 'V1', lawyers: ['A'] },
            { villageId: 'V2', lawyers: ['C', 'A'] },
            { villageId: 'V3', firms: ['F2'] },
            { villageId: 'V5', lawyers: ['B'] },
          ],
          lawyers: [{ lawyerId: 'B', villages: ['V4'] }],
        },
      },
    });
    const sol = solveChecked(s);
    expect(planOf(sol)).toEqual({ V1: 'A', V2: 'A', V3: 'B', V4: 'B', V5: null });
    expect(sol.metrics.preferences.villageRankHistogram).toEqual({ '1': 1, '2': 1, unranked: 1, uncovered: 1 });
    expect(sol.metrics.preferences.lawyerRankHistogram).toEqual({ '1': 1, unranked: 1 });
    const w = WEIGHTS;
    expectObjective(
      sol,
      road(0, 1) + (road(0, 2) + w.villagePreference) + (road(10, 9) + w.villagePreference + w.lawyerPreference) + road(10, 11) + UNCOVERED,
      5,
    );
  });

  test('metrics: a known blocking pair of the optimal plan is reported', () => {
    // V1 at 0, A at 1.1, V2 at 2, B at 3.1, cap 1 each. The optimum is V1–A, V2–B (2.2 units);
    // V2 and A are 0.9 apart, nearer to each other than to what they got: a blocking pair.
    const s = scenario({
      villages: [
        { id: 'V1', at: east(0) },
        { id: 'V2', at: east(2) },
      ],
      lawyers: [{ id: 'A', at: east(1.1) }, { id: 'B', at: east(3.1) }],
      policy: { maxVillagesPerLawyer: 1 },
    });
    const sol = solveChecked(s);
    expect(planOf(sol)).toEqual({ V1: 'A', V2: 'B' });
    expectObjective(sol, road(1.1, 0) + road(3.1, 2), 2);
    expect(sol.metrics.preferences.blockingPairs).toEqual({ count: 1, villages: 1 });
    expect(sol.blockingPairs).toEqual([['V2', 'A']]);
  });
});
