/**
 * Team mode (R3) and firm-town mode (R4) on tiny hand-checked instances, worked out from docs/MODEL.md.
 * Places are `east(km)` on the 23°N parallel; road(a, b) ≈ 1.3 × |a − b| km. Every solution must pass the
 * independent validator.
 */
import { describe, expect, test } from 'vitest';
import type { Scenario, Solution } from '../../src/domain/index.js';
import { solveAsync } from '../../src/solver/solve.js';
import { Geography } from '../../src/geo/geography.js';
import { explainVillage } from '../../src/solver/explain.js';
import { solveModes } from '../../src/solver/modes.js';
import { validateSolution } from '../../src/validate/index.js';
import { east, world } from '../fixtures/small.js';
import { road, WEIGHTS } from '../fixtures/solver.js';

type WorldOptions = Parameters<typeof world>[0];

function scenario(opts: WorldOptions, edit: (s: Scenario) => void = () => {}): Scenario {
  const s = world({ ...opts, policy: { ...opts.policy, weights: { ...WEIGHTS } } });
  edit(s);
  return s;
}

async function solveChecked(s: Scenario): Promise<Solution> {
  const solution = await solveAsync(s, { threads: 0 });
  expect(validateSolution(s, solution)).toEqual([]);
  return solution;
}

const member = (from: number, to: number) => WEIGHTS.teamMember * (road(from, to) + 10);
const MISSING = WEIGHTS.uncovered / 100;

describe('R3 team mode', () => {
  test('a team covers the needs with the cheapest same-firm member, an intern included; a village without needs gets one lawyer', async () => {
    // V1 needs 土地 and 婚姻 at 5; A (土地) at 0, B (婚姻) at 1, intern I (婚姻) at 4; V2 has no needs, at 6.
    const s = scenario(
      {
        villages: [{ id: 'V1', at: east(5) }, { id: 'V2', at: east(6) }],
        lawyers: [{ id: 'A', at: east(0) }, { id: 'B', at: east(1) }, { id: 'I', at: east(4), intern: true }],
        policy: { mode: 'team', team: { maxSize: 3 } },
      },
      (s) => {
        s.lawyers[0].specialties = ['土地'];
        s.lawyers[1].specialties = ['婚姻'];
        s.lawyers[2].specialties = ['婚姻'];
        s.villages[0].needs = ['土地', '婚姻'];
      },
    );
    const sol = await solveChecked(s);
    const v1 = sol.assignments.find((a) => a.villageId === 'V1')!;
    const v2 = sol.assignments.find((a) => a.villageId === 'V2')!;
    // B advising V1 with A as member costs road(1,5) + member(0,5) > road(0,5) + member(4,5): A advises, I joins.
    expect([v1.lawyerId, v1.team]).toEqual(['A', ['I']]);
    expect(v1.missingNeeds).toBeUndefined();
    // V2: the nearest practicing lawyer, alone (B at 1 is nearer than A at 0).
    expect([v2.lawyerId, v2.team]).toEqual(['B', []]);
    expect(sol.status).toBe('optimal');
    expect(sol.metrics.objective).toBeCloseTo(road(0, 5) + member(4, 5) + road(1, 6), 2);
    expect(sol.metrics.load.histogram).toEqual({ '1': 2 });
    // explain lists the adviser, then the member with the need she brings, then who else could advise
    const e = explainVillage(s, sol, 'V1')!;
    expect(e.candidates.slice(0, 2).map((c) => [c.lawyerId, c.role, c.reasons])).toEqual([
      ['A', 'adviser', []],
      ['I', 'member', ['团队成员(R3),覆盖:婚姻']],
    ]);
    expect(e.summary).toMatch(/团队\(R3,同一律师事务所.+\):.+\(土地\)、.+\(实习人员\)\(婚姻\)/);
  });

  test('villages no lawyer in reach joins are priced as separate LPs, and each is still solved to its optimum', async () => {
    // V1 (needs 土地) at 0 with A (土地) at 1 and B at 2; V2 at 300 in another city with C at 300 and D at 302.
    const s = scenario(
      {
        villages: [{ id: 'V1', at: east(0) }, { id: 'V2', at: east(300), town: 'X1' }],
        firms: [
          { id: 'F1', at: east(0) },
          { id: 'F2', at: east(300), city: 'C2' },
        ],
        lawyers: [
          { id: 'A', at: east(1), firm: 'F1' },
          { id: 'B', at: east(2), firm: 'F1' },
          { id: 'C', at: east(300), firm: 'F2' },
          { id: 'D', at: east(302), firm: 'F2' },
        ],
        policy: { mode: 'team', team: { maxSize: 2 } },
      },
      (s) => {
        s.lawyers[0].specialties = ['土地'];
        s.villages[0].needs = ['土地'];
      },
    );
    const phases: string[] = [];
    const sol = await solveAsync(s, { threads: 0, onProgress: (p) => phases.push(p.phase) });
    expect(validateSolution(s, sol)).toEqual([]);
    expect(phases.find((p) => p.startsWith('LP relaxation (round 1'))).toMatch(/2 of 2 groups/);
    expect(sol.status).toBe('optimal');
    expect(Object.fromEntries(sol.assignments.map((a) => [a.villageId, a.lawyerId]))).toEqual({ V1: 'A', V2: 'C' });
    expect(sol.metrics.objective).toBeCloseTo(road(1, 0) + road(300, 300), 2);
  });

  test('a need no one in range has is reported in missingNeeds and costs w.uncovered / 100; maxSize limits the team', async () => {
    const base = (maxSize: number) =>
      scenario(
        { villages: [{ id: 'V1', at: east(3) }], lawyers: [{ id: 'A', at: east(0) }, { id: 'B', at: east(1) }, { id: 'C', at: east(2) }], policy: { mode: 'team', team: { maxSize } } },
        (s) => {
          s.lawyers[0].specialties = ['甲'];
          s.lawyers[1].specialties = ['乙'];
          s.lawyers[2].specialties = ['丙'];
          s.villages[0].needs = ['甲', '乙', '丁'];
        },
      );
    const three = await solveChecked(base(3));
    // B advising with A as member (2.6 + 0.5 × 13.9) beats A advising with B (3.9 + 0.5 × 12.6); 丁 stays missing.
    expect(three.assignments[0]).toMatchObject({ lawyerId: 'B', team: ['A'], missingNeeds: ['丁'] });
    expect(three.metrics.objective).toBeCloseTo(road(1, 3) + member(0, 3) + MISSING, 2);
    // maxSize 1: one lawyer; C (nearest, none of the needs) loses to A or B (one need each, equal missing); B is nearer.
    const one = await solveChecked(base(1));
    expect(one.assignments[0]).toMatchObject({ lawyerId: 'B', team: [], missingNeeds: ['甲', '丁'] });
    expect(one.metrics.objective).toBeCloseTo(road(1, 3) + 2 * MISSING, 2);
  });

  test('members come from the adviser firm only, and every role counts towards R1', async () => {
    // A (F1, 甲) at 0 has cap 1; V1 and V2 both need 甲 and 乙. B (F2, 乙) is near but of another firm.
    const s = scenario(
      {
        villages: [{ id: 'V1', at: east(2) }, { id: 'V2', at: east(3) }],
        firms: [{ id: 'F1', at: east(0) }, { id: 'F2', at: east(1) }],
        lawyers: [{ id: 'A', firm: 'F1', maxVillages: 1 }, { id: 'B', firm: 'F2' }, { id: 'D', firm: 'F1' }],
        policy: { mode: 'team' },
      },
      (s) => {
        s.lawyers[0].specialties = ['甲'];
        s.lawyers[1].specialties = ['乙'];
        s.lawyers[2].specialties = ['乙'];
        for (const v of s.villages) v.needs = ['甲', '乙'];
      },
    );
    const sol = await solveChecked(s);
    const teams = sol.assignments.map((a) => [a.lawyerId, ...a.team].sort().join('+')).sort();
    // One village gets A + D (both needs), the other cannot have A again (cap 1 in any role): B or D alone, one need missing.
    expect(teams).toContain('A+D');
    expect(sol.assignments.filter((a) => a.missingNeeds?.length === 1)).toHaveLength(1);
  });

  test('named teams list the same people serving two or more villages', async () => {
    const s = scenario(
      { villages: [{ id: 'V1', at: east(1) }, { id: 'V2', at: east(2) }], lawyers: [{ id: 'A', at: east(0) }, { id: 'B', at: east(0) }], policy: { mode: 'team' } },
      (s) => {
        s.lawyers[0].specialties = ['甲'];
        s.lawyers[1].specialties = ['乙'];
        for (const v of s.villages) v.needs = ['甲', '乙'];
      },
    );
    const sol = await solveChecked(s);
    expect(sol.teams).toEqual([{ id: 'F1-T1', firmId: 'F1', members: ['A', 'B'], villages: ['V1', 'V2'] }]);
  });
});

describe('R4 firm-town mode', () => {
  const towns = (maxTownsPerFirm: number, adjacencyKm: number) =>
    scenario({
      // Towns T1, T2, T3 are 10 km apart on a line (centres = their villages' mean); one firm, two lawyers.
      villages: [
        { id: 'V1', at: east(0), town: 'T1' },
        { id: 'V2', at: east(10), town: 'T2' },
        { id: 'V3', at: east(20), town: 'T3' },
      ],
      firms: [{ id: 'F1', at: east(10) }],
      lawyers: [{ id: 'A' }, { id: 'B' }],
      policy: { mode: 'firm-town', firmTown: { maxTownsPerFirm, adjacencyKm } },
    });

  test('one firm serves up to maxTownsPerFirm adjacent towns; the rest are town-without-firm with the shortfall named', async () => {
    const sol = await solveChecked(towns(2, 12));
    expect(sol.firmTowns).toHaveLength(2);
    expect(sol.uncovered).toHaveLength(1);
    expect(sol.uncovered[0].reason).toBe('town-without-firm');
    expect(sol.uncovered[0].detail).toMatch(/尚缺约 1 名执业律师/);
    // The two towns it keeps are adjacent: T2 and one neighbour.
    expect(sol.firmTowns!.map((f) => f.townId)).toContain('T2');
    expect(sol.metrics.objective).toBeCloseTo(road(10, 10) + road(10, 0) + WEIGHTS.uncovered, 2);
  });

  test('explain: a lawyer of another firm lost to the town’s firm (R4); in a town without a firm, to the firm’s town limit', async () => {
    // T1 (V1 at 0) and T2 (V2 at 10); F1 (A at 0) and F2 (C at 9) may hold one town each.
    const s = scenario({
      villages: [
        { id: 'V1', at: east(0), town: 'T1' },
        { id: 'V2', at: east(10), town: 'T2' },
      ],
      firms: [
        { id: 'F1', at: east(0) },
        { id: 'F2', at: east(9) },
      ],
      lawyers: [
        { id: 'A', at: east(0), firm: 'F1' },
        { id: 'C', at: east(9), firm: 'F2' },
      ],
      policy: { mode: 'firm-town', firmTown: { maxTownsPerFirm: 1, adjacencyKm: 12 } },
    });
    const sol = await solveChecked(s);
    expect(sol.firmTowns).toEqual([
      { townId: 'T1', firmId: 'F1' },
      { townId: 'T2', firmId: 'F2' },
    ]);
    const v1 = explainVillage(s, sol, 'V1')!;
    expect(v1.adviserId).toBe('A');
    expect(v1.summary).toMatch(/服务半径内本所另有 0 名可担任的执业律师。本镇实行一镇一所\(R4\)/);
    const c = v1.candidates.find((e) => e.lawyerId === 'C')!;
    expect(c.reasons).toHaveLength(1);
    expect(c.reasons[0]).toMatch(/^本镇由.+承接\(R4,一镇一所\),顾问须出自该所$/);

    // One firm, two towns at most: the third town's village is explained by the firm's limit.
    const three = towns(2, 12);
    const sol3 = await solveChecked(three);
    const left = sol3.uncovered[0].villageId;
    const e = explainVillage(three, sol3, left)!;
    expect(e.adviserId).toBeNull();
    expect(e.candidates.filter((x) => x.role === 'candidate').map((x) => x.reasons[0])).toEqual(['所在律师事务所已承接 2 个镇街,达到上限 2(R4)', '所在律师事务所已承接 2 个镇街,达到上限 2(R4)']);
  });

  test('firms and towns far apart form separate integer programs, each solved to its optimum', async () => {
    // F1 (A, B) at 0 serves T1 (V1 at 0) and T2 (V2 at 10); F2 (C) in the other city serves X1 (V3 at 300).
    const s = scenario({
      villages: [
        { id: 'V1', at: east(0), town: 'T1' },
        { id: 'V2', at: east(10), town: 'T2' },
        { id: 'V3', at: east(300), town: 'X1' },
      ],
      firms: [
        { id: 'F1', at: east(0) },
        { id: 'F2', at: east(300), city: 'C2' },
      ],
      lawyers: [{ id: 'A', firm: 'F1' }, { id: 'B', firm: 'F1' }, { id: 'C', firm: 'F2' }],
      policy: { mode: 'firm-town', firmTown: { maxTownsPerFirm: 2, adjacencyKm: 12 } },
    });
    const sol = await solveChecked(s);
    expect(sol.status).toBe('optimal');
    expect(sol.firmTowns).toEqual([
      { townId: 'T1', firmId: 'F1' },
      { townId: 'T2', firmId: 'F1' },
      { townId: 'X1', firmId: 'F2' },
    ]);
    expect(sol.uncovered).toEqual([]);
    expect(sol.metrics.objective).toBeCloseTo(road(0, 10), 2);
  });

  test('towns that are not adjacent cannot share a firm', async () => {
    // adjacencyKm 8: no two towns are adjacent, so the firm serves one town (T2, the nearest).
    const sol = await solveChecked(towns(3, 8));
    expect(sol.firmTowns).toEqual([{ townId: 'T2', firmId: 'F1' }]);
    expect(sol.uncovered.map((u) => u.reason)).toEqual(['town-without-firm', 'town-without-firm']);
  });

  test('boundaries decide adjacency when given: touching squares are adjacent, apart ones are not', async () => {
    const square = (x0: number) => ({ type: 'Polygon' as const, coordinates: [[[x0, 22.9], [x0 + 0.05, 22.9], [x0 + 0.05, 23.1], [x0, 23.1], [x0, 22.9]] as [number, number][]] });
    const s = towns(3, 1);
    // T1 [113, 113.05] touches T2 [113.05, 113.1]; T3 [113.15, 113.2] touches neither.
    s.regions.find((r) => r.id === 'T1')!.boundary = square(113);
    s.regions.find((r) => r.id === 'T2')!.boundary = square(113.05);
    s.regions.find((r) => r.id === 'T3')!.boundary = square(113.15);
    const sol = await solveChecked(s);
    expect(sol.firmTowns!.map((f) => f.townId).sort()).toEqual(['T1', 'T2']);
  });
});

describe('mixed modes and decomposition', () => {
  test('a county map runs team and individual counties in one solve, sharing lawyer caps', async () => {
    const s = scenario(
      {
        villages: [{ id: 'V1', at: east(1), town: 'T1' }, { id: 'V2', at: east(2), town: 'X1' }],
        lawyers: [{ id: 'A', at: east(0), maxVillages: 1, paired: true }, { id: 'B', at: east(5), paired: true }],
        policy: { mode: { K1: 'team', K2: 'individual' } },
      },
      (s) => (s.villages[0].needs = ['甲']),
    );
    const sol = await solveChecked(s);
    // A has room for one village: V1 (km 1.3 vs B's 5.2) saves more than V2 would (2.6 vs 3.9).
    const plan = Object.fromEntries(sol.assignments.map((a) => [a.villageId, a.lawyerId]));
    expect(plan).toEqual({ V1: 'A', V2: 'B' });
    expect(sol.assignments.find((a) => a.villageId === 'V1')!.missingNeeds).toEqual(['甲']);
  });

  test('splitting a component by county keeps the bound: it does not depend on the split', async () => {
    const s = scenario(
      {
        villages: Array.from({ length: 8 }, (_, i) => ({ id: `V${i}`, at: east(i), town: i < 4 ? 'T1' : 'X1' })),
        lawyers: [{ id: 'A', at: east(1), paired: true, maxVillages: 3 }, { id: 'B', at: east(5), paired: true, maxVillages: 3 }, { id: 'C', at: east(3), paired: true }],
        policy: { mode: 'team' },
      },
      (s) => s.villages.forEach((v, i) => (v.needs = i % 2 ? ['甲'] : [])),
    );
    s.lawyers[0].specialties = ['甲'];
    const geo = new Geography(s);
    const whole = await solveModes(geo, s.policy.weights, { threads: 0 });
    const split = await solveModes(geo, s.policy.weights, { threads: 0, maxPartVillages: 4 });
    expect(split.parts).toBe(2);
    expect(split.boundUnits).toBe(whole.boundUnits);
    expect(split.objectiveUnits).toBeGreaterThanOrEqual(whole.objectiveUnits);
    expect(whole.boundUnits).toBeLessThanOrEqual(whole.objectiveUnits);
  });
});
