/**
 * explainVillage on hand-made worlds: the adviser's pair cost term by term (MODEL.md) and every other
 * lawyer with the reason they lost. Places are `east(km)`, so road km ≈ 1.3 × the distance.
 */
import { describe, expect, test } from 'vitest';
import type { Scenario } from '../../src/domain/index.js';
import { explainVillage } from '../../src/solver/explain.js';
import { east, world } from '../fixtures/small.js';
import { road, solveChecked, WEIGHTS } from '../fixtures/solver.js';

/**
 * V1 at 0, V2 at 2. A at 1 (cap 1), B at 4, intern I at 0.5, O at 1.5 from firm F2 of another city,
 * X at 3.5 vetoed by V1, G at 70 (91 road km, beyond the 80 km radius).
 * V1 lists B then A, and had B last year (baseline).
 *
 * The optimum: V1 → B (5.2 km, rank 0) rather than A (1.3 km + rank 10 + change 30 = 41.3),
 * V2 → A (1.3 km). Objective 5.2 + 1.3.
 */
function twoVillages(): Scenario {
  return world({
    villages: [
      { id: 'V1', at: east(0) },
      { id: 'V2', at: east(2) },
    ],
    firms: [
      { id: 'F1', at: east(0) },
      { id: 'F2', at: east(1.5), city: 'C2' },
    ],
    lawyers: [
      { id: 'A', at: east(1), maxVillages: 1 },
      { id: 'B', at: east(4) },
      { id: 'I', at: east(0.5), intern: true },
      { id: 'O', firm: 'F2' },
      { id: 'X', at: east(3.5) },
      { id: 'G', at: east(70) },
    ],
    policy: { weights: WEIGHTS },
    extra: {
      preferences: { villages: [{ villageId: 'V1', lawyers: ['B', 'A'], vetoes: ['X'] }], lawyers: [] },
      baseline: [{ villageId: 'V1', lawyerId: 'B' }],
    },
  });
}

const r3 = (x: number) => Math.round(x * 1000) / 1000;

describe('explainVillage', () => {
  const scenario = twoVillages();
  const solution = solveChecked(scenario);

  test('the plan the explanations rest on', () => {
    expect(solution.assignments.map((a) => [a.villageId, a.lawyerId])).toEqual([
      ['V1', 'B'],
      ['V2', 'A'],
    ]);
  });

  test('V1: the adviser first with its cost, then who may serve it, then the nearest who may not', () => {
    const e = explainVillage(scenario, solution, 'V1')!;
    expect(e.village).toEqual({ id: 'V1', name: 'V1村', townId: 'T1', countyId: 'K1' });
    expect(e.adviserId).toBe('B');
    expect(e.uncovered).toBeNull();
    expect(e.candidates.map((c) => [c.lawyerId, c.role])).toEqual([
      ['B', 'adviser'],
      ['A', 'candidate'],
      ['I', 'ineligible'],
      ['O', 'ineligible'],
      ['X', 'ineligible'],
      ['G', 'ineligible'],
    ]);
    const [b, a, i, o, x, g] = e.candidates;
    expect(b).toMatchObject({ name: '律师B', firmId: 'F1', firmName: 'F1律师事务所', load: 1, cap: 8, pinned: false, reasons: [] });
    expect(b.km).toBeCloseTo(road(4, 0), 3);
    expect(b.cost).toEqual({ travel: r3(road(4, 0)), villageRank: 0, lawyerRank: 0, change: 0, total: r3(road(4, 0)), villageListPosition: 1, lawyerListPosition: null });
    // The solution's own figures agree.
    expect(b.km).toBe(solution.assignments[0].travelKm);

    expect(a.cost).toEqual({ travel: r3(road(1, 0)), villageRank: 10, lawyerRank: 0, change: 30, total: r3(road(1, 0) + 40), villageListPosition: 2, lawyerListPosition: null });
    expect(a).toMatchObject({ load: 1, cap: 1 });
    expect(a.reasons).toEqual(['已满额(1/1)', '排名靠后(本村名单第 2 位,现任顾问第 1 位)', '非原顾问,更换计变更代价 30(R6)']);

    expect(i).toMatchObject({ status: 'intern', cost: null, cap: 0, reasons: ['实习人员不能独自担任(R2)'] });
    expect(o).toMatchObject({ firmId: 'F2', cost: null, reasons: ['非本市律师且不属对口支援(R7)'] });
    expect(x).toMatchObject({ cost: null, load: 0, cap: 8, reasons: ['被本村否决(R5)'] });
    expect(g.km).toBeCloseTo(road(70, 0), 3);
    expect(g.reasons).toEqual([`超出 80 公里服务半径(${road(70, 0).toFixed(1)} 公里)`]);
    expect(e.summary).toBe(
      `V1村由律师B(F1律师事务所)担任法律顾问,路程 ${road(4, 0).toFixed(1)} 公里,配对代价 ${r3(road(4, 0))}(路程 ${r3(road(4, 0))} + 本村排名 0 + 律师排名 0 + 变更 0);服务半径内另有 1 名可担任的执业律师。`,
    );
  });

  test('V2: eligible lawyers by cost, each losing on distance', () => {
    const e = explainVillage(scenario, solution, 'V2')!;
    expect(e.candidates.map((c) => [c.lawyerId, c.role])).toEqual([
      ['A', 'adviser'],
      ['X', 'candidate'],
      ['B', 'candidate'],
      ['O', 'ineligible'],
      ['I', 'ineligible'],
      ['G', 'ineligible'],
    ]);
    const [a, x, b] = e.candidates;
    expect(a.cost).toEqual({ travel: r3(road(1, 2)), villageRank: 0, lawyerRank: 0, change: 0, total: r3(road(1, 2)), villageListPosition: null, lawyerListPosition: null });
    expect(x.reasons).toEqual([`距离更远(${road(3.5, 2).toFixed(1)} 公里,现任顾问 ${road(1, 2).toFixed(1)} 公里)`]);
    expect(b.reasons).toEqual([`距离更远(${road(4, 2).toFixed(1)} 公里,现任顾问 ${road(1, 2).toFixed(1)} 公里)`]);
    expect(x.cost!.total).toBe(r3(road(3.5, 2)));
  });

  test('options limit the lawyers who may not serve; an unknown village gives undefined', () => {
    const e = explainVillage(scenario, solution, 'V1', { ineligibleInRange: 1, beyondRange: 0 })!;
    expect(e.candidates.map((c) => c.lawyerId)).toEqual(['B', 'A', 'I']);
    expect(explainVillage(scenario, solution, 'V9')).toBeUndefined();
  });

  test('an uncovered village: the solution’s reason and detail, and the full lawyers who could have served it', () => {
    // A (cap 1) is the only practicing lawyer: V2, nearer, gets A; V1 stays uncovered.
    const s = world({
      villages: [
        { id: 'V1', at: east(3) },
        { id: 'V2', at: east(1) },
      ],
      lawyers: [{ id: 'A', at: east(0), maxVillages: 1 }, { id: 'I', at: east(2), intern: true }],
      policy: { weights: WEIGHTS },
    });
    const sol = solveChecked(s);
    const e = explainVillage(s, sol, 'V1')!;
    expect(e.adviserId).toBeNull();
    expect(e.uncovered).toEqual({ reason: 'all-candidates-at-cap', detail: sol.uncovered[0].detail });
    expect(e.summary).toBe(`V1村没有法律顾问:${sol.uncovered[0].detail}`);
    expect(e.candidates.map((c) => [c.lawyerId, c.role, c.reasons])).toEqual([
      ['A', 'candidate', ['已满额(1/1)']],
      ['I', 'ineligible', ['实习人员不能独自担任(R2)']],
    ]);
    expect(e.candidates[0].cost).toEqual({ travel: r3(road(0, 3)), villageRank: 0, lawyerRank: 0, change: 0, total: r3(road(0, 3)), villageListPosition: null, lawyerListPosition: null });
  });

  test('a pinned adviser beyond the radius says so', () => {
    const s = world({
      villages: [{ id: 'V1', at: east(0) }],
      lawyers: [{ id: 'A', at: east(1) }, { id: 'P', at: east(70) }],
      policy: { weights: WEIGHTS },
      extra: { pins: [{ villageId: 'V1', lawyerId: 'P' }] },
    });
    const e = explainVillage(s, solveChecked(s), 'V1')!;
    expect(e.candidates[0]).toMatchObject({ lawyerId: 'P', role: 'adviser', pinned: true, reasons: ['固定分配(R6)', '超出 80 公里服务半径,因固定分配仍由其担任'] });
    expect(e.candidates[1]).toMatchObject({ lawyerId: 'A', role: 'candidate', reasons: ['本村已固定由律师P担任(R6)'] });
  });
});
