/**
 * Team and firm-town modes on small random scenarios: every plan passes the independent validator, the
 * bound never exceeds the objective, and the objective equals a brute force over every plan, written here
 * from docs/MODEL.md alone.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Scenario } from '../../src/domain/index.js';
import { Geography } from '../../src/geo/geography.js';
import { solveModes } from '../../src/solver/modes.js';
import { modesSolution } from '../../src/solver/modes-report.js';
import { solveAsync } from '../../src/solver/solve.js';
import { validateSolution } from '../../src/validate/index.js';
import { world } from '../fixtures/small.js';
import { greatCircleKm } from '../fixtures/solver.js';

const SPECS = ['甲', '乙', '丙'];
const point = fc.tuple(fc.double({ min: 0, max: 0.3, noNaN: true }), fc.double({ min: 0, max: 0.3, noNaN: true }));

const teamScenario = fc
  .record({
    villages: fc.array(fc.record({ at: point, needs: fc.subarray(SPECS) }), { minLength: 1, maxLength: 3 }),
    lawyers: fc.array(fc.record({ at: point, firm: fc.integer({ min: 0, max: 1 }), intern: fc.boolean(), cap: fc.integer({ min: 0, max: 2 }), specs: fc.subarray(SPECS) }), { minLength: 1, maxLength: 4 }),
    maxSize: fc.integer({ min: 1, max: 3 }),
    maxTravelKm: fc.integer({ min: 15, max: 60 }),
    load: fc.integer({ min: 0, max: 3 }),
  })
  .map((r): Scenario => {
    const s = world({
      villages: r.villages.map((v, i) => ({ id: `v${i}`, at: [113 + v.at[0], 23 + v.at[1]] })),
      firms: [{ id: 'F0', at: [113, 23] }, { id: 'F1', at: [113.3, 23.3] }],
      lawyers: r.lawyers.map((l, i) => ({ id: `l${i}`, at: [113 + l.at[0], 23 + l.at[1]], firm: `F${l.firm}`, intern: l.intern, maxVillages: l.cap })),
      policy: { mode: 'team', team: { maxSize: r.maxSize }, maxTravelKm: r.maxTravelKm, weights: { travelKm: 1, villagePreference: 10, lawyerPreference: 5, change: 30, load: r.load, uncovered: 100_000, teamMember: 0.5 } },
    });
    r.lawyers.forEach((l, i) => (s.lawyers[i].specialties = l.specs));
    r.villages.forEach((v, i) => (s.villages[i].needs = v.needs));
    return s;
  });

/** The least objective of MODEL.md over every plan that holds R1–R3 (no preferences, pins or baseline here). */
function bruteForce(s: Scenario): number {
  const p = s.policy;
  const w = p.weights;
  const km = (l: Scenario['lawyers'][number], v: Scenario['villages'][number]) => greatCircleKm(l.base as [number, number], v.location as [number, number]) * p.travel.detourFactor;
  const cap = (l: Scenario['lawyers'][number]) => Math.min(p.maxVillagesPerLawyer, l.maxVillages ?? Infinity);
  type Plan = { people: number[]; cost: number } | null;
  const choices: Plan[][] = s.villages.map((v) => {
    const out: Plan[] = [null];
    s.lawyers.forEach((a, ai) => {
      if (a.status !== 'practicing' || cap(a) === 0 || km(a, v) > p.maxTravelKm) return;
      const others = s.lawyers.map((m, mi) => mi).filter((mi) => mi !== ai && s.lawyers[mi].firmId === a.firmId && cap(s.lawyers[mi]) > 0 && km(s.lawyers[mi], v) <= p.maxTravelKm);
      const subsets: number[][] = [[]];
      for (const m of others) for (const sub of [...subsets]) if (sub.length + 1 < p.team.maxSize && (v.needs ?? []).length > 0) subsets.push([...sub, m]);
      for (const sub of subsets) {
        const covered = new Set([a, ...sub.map((m) => s.lawyers[m])].flatMap((l) => l.specialties));
        const missing = (v.needs ?? []).filter((n) => !covered.has(n)).length;
        const cost = w.travelKm * km(a, v) + sub.reduce((c, m) => c + w.teamMember * (km(s.lawyers[m], v) + 10), 0) + (w.uncovered / 100) * missing;
        out.push({ people: [ai, ...sub], cost });
      }
    });
    return out;
  });
  let best = Infinity;
  const load = new Array<number>(s.lawyers.length).fill(0);
  const walk = (i: number, cost: number) => {
    if (i === choices.length) {
      best = Math.min(best, cost + load.reduce((c, n) => c + (w.load * n * (n - 1)) / 2, 0));
      return;
    }
    for (const c of choices[i]) {
      if (c === null) {
        walk(i + 1, cost + w.uncovered);
        continue;
      }
      if (c.people.some((l) => load[l] >= cap(s.lawyers[l]))) continue;
      for (const l of c.people) load[l]++;
      walk(i + 1, cost + c.cost);
      for (const l of c.people) load[l]--;
    }
  };
  walk(0, 0);
  return best;
}

describe('team mode on small random scenarios', () => {
  it('passes the validator, and its objective equals the brute-force optimum with the bound below it', async () => {
    await fc.assert(
      fc.asyncProperty(teamScenario, async (s) => {
        const sol = await solveAsync(s, { threads: 0 });
        expect(validateSolution(s, sol)).toEqual([]);
        const slots = sol.assignments.reduce((n, a) => n + 1 + a.team.length, 0) + s.villages.length;
        const best = bruteForce(s);
        expect(Math.abs(sol.metrics.objective - best)).toBeLessThanOrEqual(0.0005 * slots + 1e-6);
        expect(sol.metrics.bound).toBeLessThanOrEqual(best + 0.0005 * slots + 1e-6);
      }),
      { numRuns: 60 },
    );
  });
});

const firmTownScenario = fc
  .record({
    villages: fc.array(fc.record({ at: point, town: fc.integer({ min: 1, max: 4 }) }), { minLength: 1, maxLength: 10 }),
    lawyers: fc.array(fc.record({ firm: fc.integer({ min: 0, max: 2 }), cap: fc.integer({ min: 0, max: 4 }), intern: fc.boolean() }), { minLength: 1, maxLength: 6 }),
    firms: fc.array(point, { minLength: 3, maxLength: 3 }),
    maxTowns: fc.integer({ min: 1, max: 3 }),
    adjacencyKm: fc.integer({ min: 3, max: 30 }),
    load: fc.integer({ min: 0, max: 3 }),
  })
  .map((r): Scenario =>
    world({
      villages: r.villages.map((v, i) => ({ id: `v${i}`, at: [113 + v.at[0], 23 + v.at[1]], town: `T${v.town}` })),
      firms: r.firms.map((at, i) => ({ id: `F${i}`, at: [113 + at[0], 23 + at[1]] })),
      lawyers: r.lawyers.map((l, i) => ({ id: `l${i}`, firm: `F${l.firm}`, maxVillages: l.cap, intern: l.intern })),
      policy: {
        mode: 'firm-town',
        maxTravelKm: 40,
        firmTown: { maxTownsPerFirm: r.maxTowns, adjacencyKm: r.adjacencyKm },
        weights: { travelKm: 1, villagePreference: 10, lawyerPreference: 5, change: 30, load: r.load, uncovered: 100_000, teamMember: 0.5 },
      },
    }),
  );

/**
 * The least objective of MODEL.md over every plan that holds R1, R2 and R4, for these scenarios: every
 * way of giving each town one firm or none (at most maxTownsPerFirm connected towns a firm), and in each,
 * a firm's lawyers share its base (no `base` of their own) and prefs are absent, so a village costs the
 * same km whichever of them advises it: the firm covers its nearest villages in range, as many as its
 * slots allow (an uncovered village costs more than any travel), each next one going to a lawyer with the
 * fewest villages so far (the load cost is convex and the same for all).
 */
function bruteForceFirmTown(s: Scenario): number {
  const p = s.policy;
  const w = p.weights;
  const towns = [...new Set(s.villages.map((v) => v.townId))];
  const villagesOf = towns.map((t) => s.villages.filter((v) => v.townId === t));
  const centre = villagesOf.map((vs): [number, number] => [vs.reduce((a, v) => a + v.location![0], 0) / vs.length, vs.reduce((a, v) => a + v.location![1], 0) / vs.length]);
  const adjacent = (a: number, b: number) => greatCircleKm(centre[a], centre[b]) <= p.firmTown.adjacencyKm;
  const connected = (set: number[]) => {
    const seen = new Set([set[0]]);
    for (let grew = true; grew; ) {
      grew = false;
      for (const t of set) if (!seen.has(t) && [...seen].some((u) => adjacent(t, u))) grew = seen.add(t).size > 0;
    }
    return seen.size === set.length;
  };
  const firmCost = (firm: Scenario['firms'][number], held: number[]): number => {
    const caps = s.lawyers.filter((l) => l.firmId === firm.id && l.status === 'practicing').map((l) => Math.min(p.maxVillagesPerLawyer, l.maxVillages ?? Infinity));
    const kms = held
      .flatMap((t) => villagesOf[t])
      .map((v) => greatCircleKm(firm.location as [number, number], v.location as [number, number]) * p.travel.detourFactor)
      .sort((a, b) => a - b);
    const load = caps.map(() => 0);
    let cost = 0;
    for (const km of kms) {
      let l = -1;
      caps.forEach((c, i) => (load[i] < c && (l < 0 || load[i] < load[l]) ? (l = i) : 0));
      if (km > p.maxTravelKm || l < 0) {
        cost += w.uncovered;
        continue;
      }
      cost += w.travelKm * km + w.load * load[l];
      load[l]++;
    }
    return cost;
  };
  let best = Infinity;
  const firmOf = towns.map(() => -1);
  const walk = (t: number) => {
    if (t === towns.length) {
      let cost = 0;
      for (let u = 0; u < towns.length; u++) if (firmOf[u] < 0) cost += villagesOf[u].length * w.uncovered;
      for (let f = 0; f < s.firms.length; f++) {
        const held = towns.map((_, u) => u).filter((u) => firmOf[u] === f);
        if (held.length === 0) continue;
        if (held.length > p.firmTown.maxTownsPerFirm || !connected(held)) return;
        cost += firmCost(s.firms[f], held);
      }
      best = Math.min(best, cost);
      return;
    }
    for (let f = -1; f < s.firms.length; f++) {
      firmOf[t] = f;
      walk(t + 1);
    }
  };
  walk(0);
  return best;
}

describe('firm-town mode on small random scenarios', () => {
  it.each([
    ['in one thread', 0, 100],
    ['with two threads (the neighbourhood search beside each MIP)', 2, 25],
  ])('%s: passes the validator (R4 included), and its objective equals the brute-force optimum with the bound below it', async (_, threads, numRuns) => {
    await fc.assert(
      fc.asyncProperty(firmTownScenario, async (s) => {
        const sol = await solveAsync(s, { threads, relativeGap: 1e-9 });
        expect(validateSolution(s, sol)).toEqual([]);
        const tolerance = 0.0005 * 2 * s.villages.length + 1e-6;
        const best = bruteForceFirmTown(s);
        expect(Math.abs(sol.metrics.objective - best)).toBeLessThanOrEqual(tolerance);
        expect(sol.metrics.bound).toBeLessThanOrEqual(best + tolerance);
      }),
      { numRuns },
    );
  });
});

/** Towns T1, T2 in one city and X1, X2 in the next, side by side; firms in both; paired lawyers cross over. */
const twoCityScenario = fc
  .record({
    villages: fc.array(fc.record({ at: point, town: fc.constantFrom('T1', 'T2', 'X1', 'X2') }), { minLength: 2, maxLength: 10 }),
    lawyers: fc.array(fc.record({ firm: fc.integer({ min: 0, max: 2 }), cap: fc.integer({ min: 1, max: 4 }), paired: fc.boolean() }), { minLength: 1, maxLength: 6 }),
    firms: fc.array(point, { minLength: 3, maxLength: 3 }),
    maxTowns: fc.integer({ min: 1, max: 3 }),
  })
  .map((r): Scenario =>
    world({
      villages: r.villages.map((v, i) => ({ id: `v${i}`, at: [113 + v.at[0], 23 + v.at[1]], town: v.town })),
      firms: r.firms.map((at, i) => ({ id: `F${i}`, at: [113 + at[0], 23 + at[1]], city: i === 2 ? 'C2' : 'C1' })),
      lawyers: r.lawyers.map((l, i) => ({ id: `l${i}`, firm: `F${l.firm}`, maxVillages: l.cap, paired: l.paired })),
      policy: { mode: 'firm-town', maxTravelKm: 40, firmTown: { maxTownsPerFirm: r.maxTowns, adjacencyKm: 30 } },
    }),
  );

describe('firm-town mode cut by city and county', () => {
  it('a plan cut into parts of one town still passes the validator, costs no less than the whole optimum, and its bound stays below that optimum', async () => {
    await fc.assert(
      fc.asyncProperty(twoCityScenario, async (s) => {
        const geo = new Geography(s);
        const whole = await solveModes(geo, s.policy.weights, { threads: 0, relativeGap: 1e-9 });
        const started = performance.now();
        const cut = await solveModes(geo, s.policy.weights, { threads: 0, relativeGap: 1e-9, maxPartTowns: 1 });
        expect(validateSolution(s, modesSolution(geo, s.policy.weights, cut, started))).toEqual([]);
        // Both in thousandths: the whole solve is exact, so it is the optimum, and the cut one's bound is a bound of it.
        expect(whole.boundUnits).toBeCloseTo(whole.objectiveUnits, 3);
        expect(cut.objectiveUnits).toBeGreaterThanOrEqual(whole.objectiveUnits - 1e-6);
        expect(cut.boundUnits).toBeLessThanOrEqual(whole.objectiveUnits + 1e-6);
      }),
      { numRuns: 60 },
    );
  });

  it('cut by city, each firm keeps to its home city: the plan of the whole MIP', async () => {
    // F0's paired lawyer reaches the next city's towns X1, X2 (20 km off); cut by city, F0 keeps T1 + T2
    // (its own, nearer) and F1 takes X1 + X2, as the whole MIP does.
    const s = world({
      villages: [
        { id: 'a', at: [113, 23], town: 'T1' },
        { id: 'b', at: [113.01, 23], town: 'T2' },
        { id: 'c', at: [113.2, 23], town: 'X1' },
        { id: 'd', at: [113.21, 23], town: 'X2' },
      ],
      firms: [{ id: 'F0', at: [113, 23] }, { id: 'F1', at: [113.2, 23], city: 'C2' }],
      lawyers: [{ id: 'l0', firm: 'F0', paired: true }, { id: 'l1', firm: 'F1' }],
      policy: { mode: 'firm-town', firmTown: { maxTownsPerFirm: 2, adjacencyKm: 5 } },
    });
    const geo = new Geography(s);
    const whole = await solveModes(geo, s.policy.weights, { threads: 0 });
    const cut = await solveModes(geo, s.policy.weights, { threads: 0, maxPartTowns: 2 });
    expect(cut.firmTown!.parts).toBe(2);
    expect([...cut.lawyerOf]).toEqual([0, 0, 1, 1]);
    expect(cut.objectiveUnits).toBe(whole.objectiveUnits);
  });
});
