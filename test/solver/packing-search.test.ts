/** R4's neighbourhood search: it keeps one group per firm and one firm per town, and never makes a plan worse. */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { PackingSearch, type PackGroup, type SubPacking } from '../../src/solver/packing-search.js';

interface G extends PackGroup {
  value: number;
}

/** The best packing of `groups` over the free towns, by trying every subset (tests keep it to a dozen groups). */
const bruteForce: SubPacking<G> = async (groups, _start, fixed) => {
  let best = { value: 0, x: new Float64Array(groups.length) };
  for (let mask = 0; mask < 1 << groups.length; mask++) {
    const firms = new Set<number>();
    const towns = new Set<number>();
    let value = 0;
    let ok = true;
    groups.forEach((g, j) => {
      if (!ok || !(mask & (1 << j))) return;
      if (firms.has(g.firm) || g.towns.some((t) => towns.has(t) || fixed[t])) ok = false;
      firms.add(g.firm);
      g.towns.forEach((t) => towns.add(t));
      value += g.value;
    });
    if (ok && value < best.value) best = { value, x: Float64Array.from(groups, (_, j) => (mask & (1 << j) ? 1 : 0)) };
  }
  return best.x;
};

const path = (n: number) => Array.from({ length: n }, (_, t) => [t - 1, t + 1].filter((u) => u >= 0 && u < n));

function search(adj: number[][], nFirms: number, groups: G[], plan: G[]) {
  const s = new PackingSearch<G>(adj, nFirms, (g) => g.value, (g) => g.value, bruteForce);
  s.reset(plan);
  s.use(groups);
  return s;
}

function isPacking(plan: G[]): boolean {
  const towns = plan.flatMap((g) => g.towns);
  return new Set(plan.map((g) => g.firm)).size === plan.length && new Set(towns).size === towns.length;
}

describe('firm-town neighbourhood search (R4)', () => {
  test('R4: moves firm A off towns 1–2 so that firm B can serve 2–3 (each firm one group, each town one firm)', async () => {
    const a12: G = { firm: 0, towns: [1, 2], value: -12 };
    const a01: G = { firm: 0, towns: [0, 1], value: -10 };
    const b23: G = { firm: 1, towns: [2, 3], value: -10 };
    const s = search(path(4), 2, [a12, a01, b23], [a12]);
    await s.run(performance.now() + 5_000, () => s.tried >= 1);
    expect(s.plan()).toEqual([a01, b23]);
    expect(s.total()).toBe(-20);
    expect(s.improved).toBe(1);
  });

  test('a plan no neighbourhood improves is kept as it is', async () => {
    const a01: G = { firm: 0, towns: [0, 1], value: -10 };
    const b23: G = { firm: 1, towns: [2, 3], value: -10 };
    const worse: G = { firm: 1, towns: [1, 2], value: -15 };
    const s = search(path(4), 2, [a01, b23, worse], [a01, b23]);
    await s.run(performance.now() + 5_000, () => s.tried >= 4);
    expect(s.plan()).toEqual([a01, b23]);
    expect(s.improved).toBe(0);
  });

  test('property: on a connected map of at most 16 towns the search ends on a packing as good as the best one', async () => {
    const instance = fc
      .integer({ min: 2, max: 10 })
      .chain((nTowns) =>
        fc.record({
          nTowns: fc.constant(nTowns),
          groups: fc.array(
            fc.record({
              firm: fc.integer({ min: 0, max: 3 }),
              first: fc.integer({ min: 0, max: nTowns - 1 }),
              length: fc.integer({ min: 1, max: 3 }),
              value: fc.integer({ min: -50, max: -1 }),
            }),
            { minLength: 1, maxLength: 10 },
          ),
        }),
      );
    await fc.assert(
      fc.asyncProperty(instance, async ({ nTowns, groups: raw }) => {
        const groups: G[] = raw.map((r) => ({ firm: r.firm, towns: Array.from({ length: Math.min(r.length, nTowns - r.first) }, (_, i) => r.first + i), value: r.value }));
        // A greedy start: each group in turn when it fits.
        const start: G[] = [];
        for (const g of groups) if (isPacking([...start, g])) start.push(g);
        const s = search(path(nTowns), 4, groups, start);
        await s.run(performance.now() + 5_000, () => s.tried >= 2);
        const best = await bruteForce(groups, new Float64Array(groups.length), new Uint8Array(nTowns), Infinity);
        const bestValue = groups.reduce((a, g, j) => a + (best![j] > 0.5 ? g.value : 0), 0);
        expect(isPacking(s.plan())).toBe(true);
        expect(s.total()).toBeLessThanOrEqual(start.reduce((a, g) => a + g.value, 0));
        expect(s.total()).toBe(bestValue);
      }),
      { numRuns: 60 },
    );
  });
});
