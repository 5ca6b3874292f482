import { describe, expect, test } from 'vitest';
import { ScenarioIndex } from '../../src/validate/context.js';
import { validateSolution } from '../../src/validate/index.js';
import { recomputeMetrics } from '../../src/validate/metrics.js';
import { GOOD, rules, scenario, solution } from './fixtures.js';

/**
 * Road km fixed by overrides, so every figure can be worked out by hand:
 *   V1–L1 10 km, V2–L1 20 km, V3–L3 30 km.
 *   V1 ranks [L2, L1] → L1 is rank 1; L1 ranks [V2] → V2 rank 0, V1 rank 1 (past the list);
 *   V3's baseline adviser is L2 → one change, in county K1.
 */
const handScenario = () =>
  scenario((x) => {
    x.travelOverrides = [
      { lawyerId: 'L1', villageId: 'V1', km: 10 },
      { lawyerId: 'L1', villageId: 'V2', km: 20 },
      { lawyerId: 'L3', villageId: 'V3', km: 30 },
    ];
    x.preferences = { villages: [{ villageId: 'V1', lawyers: ['L2', 'L1'] }], lawyers: [{ lawyerId: 'L1', villages: ['V2'] }] };
    x.baseline = [{ villageId: 'V3', lawyerId: 'L2' }];
  });
const handPlan = { assign: { V1: 'L1', V2: 'L1', V3: 'L3' } };

describe('recomputed metrics', () => {
  test('the objective, travel, load and changes of MODEL.md, worked by hand', () => {
    const s = handScenario();
    const m = recomputeMetrics(new ScenarioIndex(s), solution(s, handPlan));
    // V1–L1: 10 + 10·1 + 5·1 = 25; V2–L1: 20; V3–L3: 30 + change 30 = 60; load L1: 2·(2·1/2) = 2.
    expect(m.objective).toBeCloseTo(107, 9);
    expect(m.travelKm).toEqual({ total: 60, mean: 20, p95: 30, max: 30 });
    // Practicing lawyers: L1 (2), L2 (0), L3 (1), L9 (0); the intern is not counted.
    expect(m.load).toEqual({ histogram: { '0': 2, '1': 1, '2': 1 }, max: 2 });
    expect(m.changes).toEqual({ vsBaseline: 1, byCounty: { K1: 1 }, vacated: 0 });
  });

  test('an uncovered village costs the uncovered weight, plus a change when it had a baseline adviser', () => {
    const s = handScenario();
    const m = recomputeMetrics(new ScenarioIndex(s), solution(s, { assign: { V1: 'L1', V2: 'L1' }, uncovered: { V3: 'all-candidates-at-cap' } }));
    expect(m.objective).toBeCloseTo(25 + 20 + 2 + 1_000_000 + 30, 6);
    expect(m.changes.vsBaseline).toBe(1);
  });

  test('a village that ranks firms only ranks lawyers of unlisted firms past the list', () => {
    const s = scenario((x) => {
      x.travelOverrides = [
        { lawyerId: 'L1', villageId: 'V1', km: 0 },
        { lawyerId: 'L2', villageId: 'V2', km: 0 },
        { lawyerId: 'L3', villageId: 'V3', km: 0 },
      ];
      x.preferences = { villages: [{ villageId: 'V1', lawyers: ['L3'], firms: ['F2', 'F1'] }] };
    });
    // V1 gets L1 of F1: |lawyers| + index of F1 = 1 + 1 = 2 steps, 10 each.
    expect(recomputeMetrics(new ScenarioIndex(s), solution(s, GOOD)).objective).toBeCloseTo(20, 9);
  });

  test('p95 is the value at index ceil(0.95·n) − 1', () => {
    const s = scenario((x) => {
      x.policy = { maxTravelKm: 1000 };
      x.travelOverrides = [];
      for (let i = 0; i < 20; i++) {
        x.villages.push({ id: `W${i}`, name: `W${i}`, townId: 'T1', kind: 'village', location: [113, 23] });
        x.travelOverrides.push({ lawyerId: `M${i}`, villageId: `W${i}`, km: i + 1 });
        x.lawyers.push({ id: `M${i}`, name: `M${i}`, firmId: 'F1', status: 'practicing' });
      }
    });
    const assign: Record<string, string> = { ...(GOOD.assign as Record<string, string>) };
    for (let i = 0; i < 20; i++) assign[`W${i}`] = `M${i}`;
    const m = recomputeMetrics(new ScenarioIndex(s), solution(s, { assign }));
    // 23 values (1.33, 3.03, 1.45 for V1–V3, and 1…20); index ceil(21.85) − 1 = 21 of the ascending list is 19.
    expect(m.travelKm.p95).toBe(19);
    expect(m.travelKm.max).toBe(20);
  });
});

describe('METRICS', () => {
  test('a plan with matching metrics passes', () => {
    const s = handScenario();
    expect(validateSolution(s, solution(s, handPlan))).toEqual([]);
  });

  test('an objective off by more than the rounding tolerance is reported; within it passes', () => {
    const s = handScenario();
    // tolerance 0.0005 × (3 villages + 3 slots) + 1e-6 × 107 ≈ 0.0031
    expect(validateSolution(s, solution(s, handPlan, (sol) => (sol.metrics.bound = sol.metrics.objective += 0.003)))).toEqual([]);
    const v = validateSolution(s, solution(s, handPlan, (sol) => (sol.metrics.objective = sol.metrics.bound = 108)));
    expect(rules(v)).toEqual(['METRICS']);
    expect(v[0]).toMatchObject({ path: 'metrics.objective', message: 'objective reported as 108, recomputed 107.000 (tolerance 0.003)' });
  });

  test('the objective is checked in team mode too (MODEL.md: members and missing needs are part of it)', () => {
    const s = scenario((x) => (x.policy = { mode: 'team' }));
    expect(validateSolution(s, solution(s, GOOD))).toEqual([]);
    const v = validateSolution(s, solution(s, GOOD, (sol) => (sol.metrics.objective = sol.metrics.bound = 1)));
    expect(v.map((x) => x.path)).toEqual(['metrics.objective']);
  });

  test('a wrong travel p95 is reported', () => {
    const s = handScenario();
    const v = validateSolution(s, solution(s, handPlan, (sol) => (sol.metrics.travelKm.p95 = 20)));
    expect(rules(v)).toEqual(['METRICS']);
    expect(v[0].message).toBe('travel km p95 reported as 20, recomputed 30.000');
  });

  test('a wrong load histogram or maximum is reported', () => {
    const s = handScenario();
    const v = validateSolution(s, solution(s, handPlan, (sol) => (sol.metrics.load = { histogram: { '1': 2, '2': 1 }, max: 1 })));
    expect(rules(v)).toEqual(['METRICS', 'METRICS']);
    expect(v.map((x) => x.message)).toEqual([
      'load histogram reported as {1: 2, 2: 1}, recomputed {0: 2, 1: 1, 2: 1}',
      'maximum load reported as 1, recomputed 2',
    ]);
  });

  test('wrong change counts are reported', () => {
    const s = handScenario();
    const v = validateSolution(s, solution(s, handPlan, (sol) => (sol.metrics.changes = { vsBaseline: 0, byCounty: { K2: 1 }, vacated: 0 })));
    expect(rules(v)).toEqual(['METRICS', 'METRICS']);
    expect(v[1].message).toBe('changes by county reported as {K2: 1}, recomputed {K1: 1}');
  });

  test('a baseline adviser no longer on the roster vacates the village: counted apart, listed, and checked', () => {
    // V3's baseline adviser L7 has left: no change penalty, no move, but one vacated village.
    const s = scenario((x) => {
      x.travelOverrides = [{ lawyerId: 'L3', villageId: 'V3', km: 30 }];
      x.baseline = [
        { villageId: 'V1', lawyerId: 'L1', team: ['L8'] },
        { villageId: 'V3', lawyerId: 'L7' },
      ];
    });
    const m = recomputeMetrics(new ScenarioIndex(s), solution(s, handPlan));
    expect(m.changes).toEqual({ vsBaseline: 0, byCounty: {}, vacated: 1 });
    expect(m.vacated).toEqual([{ villageId: 'V3', lawyerId: 'L7' }]);
    expect(validateSolution(s, solution(s, handPlan))).toEqual([]);

    const uncounted = validateSolution(s, solution(s, handPlan, (sol) => (sol.metrics.changes.vacated = 0)));
    expect(uncounted.map((x) => [x.path, x.message])).toEqual([
      ['metrics.changes.vacated', 'villages vacated by a departed baseline adviser reported as 0, recomputed 1'],
    ]);
    const unlisted = validateSolution(s, solution(s, handPlan, (sol) => (sol.changes = { vacated: [{ villageId: 'V1', lawyerId: 'L1' }] })));
    expect(unlisted.map((x) => [x.path, x.message])).toEqual([
      ['changes.vacated', 'vacated villages (baseline adviser no longer on the roster): missing V3 (L7); not vacated: V1 (L1)'],
    ]);
  });

  test('a bound above the objective is reported', () => {
    const s = handScenario();
    const v = validateSolution(s, solution(s, handPlan, (sol) => (sol.metrics.bound = 110)));
    // the gap (107 − 110)/107 would be negative, so it cannot agree either
    expect(rules(v)).toEqual(['METRICS', 'METRICS']);
    expect(v[0].message).toBe('bound 110 exceeds objective 107');
  });

  test('a gap that does not follow from objective and bound is reported', () => {
    const s = handScenario();
    const v = validateSolution(s, solution(s, handPlan, (sol) => {
      sol.status = 'feasible';
      sol.metrics.bound = 100;
      sol.metrics.gap = 0.5;
    }));
    expect(rules(v)).toEqual(['METRICS']);
    expect(v[0].path).toBe('metrics.gap');
    const consistent = solution(s, handPlan, (sol) => {
      sol.status = 'feasible';
      sol.metrics.bound = 100;
      sol.metrics.gap = (sol.metrics.objective - 100) / sol.metrics.objective;
    });
    expect(validateSolution(s, consistent)).toEqual([]);
  });

  test('status optimal with a gap is reported', () => {
    const s = handScenario();
    const v = validateSolution(s, solution(s, handPlan, (sol) => {
      sol.metrics.bound = 100;
      sol.metrics.gap = (sol.metrics.objective - 100) / sol.metrics.objective;
    }));
    expect(rules(v)).toEqual(['METRICS']);
    expect(v[0].message).toMatch(/^status is optimal but the gap is 0\.065/);
  });
});
