/** Firm-town group costs: a batch shared with a worker thread costs every group as this thread would. */
import { describe, expect, test } from 'vitest';
import { GroupCoster, groupFlow, groupUnits, type GroupFlowData, type GroupKey, type TownArcs } from '../../src/solver/group-flow.js';

/** Two firms (3 and 2 lawyers, 2 slots each) and four towns of three villages; firm 1 reaches towns 0–1 only. */
function data(): GroupFlowData {
  const villages = 3;
  const noArcs: TownArcs[] = Array.from({ length: 4 }, () => ({ start: new Int32Array(villages + 1), head: new Int32Array(0), cost: new Float64Array(0), uncoveredCost: Float64Array.from([1000, 1000, 1000]), blocked: false }));
  const arcs = (town: number, lawyers: number, base: number): TownArcs => {
    const head: number[] = [];
    const cost: number[] = [];
    const start = [0];
    for (let v = 0; v < villages; v++) {
      for (let l = 0; l < lawyers; l++) {
        head.push(l);
        cost.push(base + 10 * ((v + l + town) % 3));
      }
      start.push(head.length);
    }
    return { start: Int32Array.from(start), head: Int32Array.from(head), cost: Float64Array.from(cost), uncoveredCost: noArcs[town].uncoveredCost, blocked: false };
  };
  const arcsByTown = [0, 1, 2, 3].map((t) => {
    const m = new Map<number, TownArcs>([[0, arcs(t, 3, 100)]]);
    if (t < 2) m.set(1, arcs(t, 2, 50));
    return m;
  });
  return { arcsByTown, noArcs, firmCap: [Int32Array.from([2, 2, 2]), Int32Array.from([2, 2])], firmShare: [Int32Array.from([1, 1, 1]), Int32Array.from([1, 1])], loadStep: Float64Array.from([0, 5]) };
}

describe('firm-town group costs', () => {
  test('a firm with 6 slots serves both towns’ 6 villages, and leaves 3 of 9 uncovered over three towns (R1 caps)', () => {
    const d = data();
    const two = groupFlow(d, 0, [0, 1])!;
    expect([...two.lawyerIndex].filter((l) => l >= 0)).toHaveLength(6);
    const three = groupFlow(d, 0, [0, 1, 2])!;
    expect([...three.lawyerIndex].filter((l) => l < 0)).toHaveLength(3);
    // three uncovered at 1000 each, six served at 100 or more each
    expect(three.units).toBeGreaterThanOrEqual(3000 + 600);
    expect(two.units).toBeLessThan(1000);
    // firm 1 reaches no village of town 2: all three stay uncovered there
    expect(groupFlow(d, 1, [2])!.units).toBe(3000);
  });

  test('a batch large enough for the worker thread gets the same costs, in order, as this thread computes', async () => {
    const d = data();
    const keys: GroupKey[] = [];
    const sets = [[0], [1], [2], [3], [0, 1], [1, 2], [2, 3], [0, 1, 2], [1, 2, 3]];
    for (let i = 0; i < 2600; i++) keys.push({ firm: i % 2, towns: sets[i % sets.length] });
    const coster = new GroupCoster(2);
    coster.load(d);
    try {
      const shared = await coster.units(keys);
      expect([...shared]).toEqual([...groupUnits(d, keys)]);
      // a second batch reuses the worker, which kept the data
      expect([...(await coster.units(keys.slice(3, 2503)))]).toEqual([...groupUnits(d, keys.slice(3, 2503))]);
    } finally {
      await coster.close();
    }
  });

  test('a long batch reports its progress, at most ten times, rising', () => {
    const d = data();
    const keys: GroupKey[] = Array.from({ length: 25_000 }, (_, i) => ({ firm: 0, towns: [i % 4] }));
    const seen: number[] = [];
    groupUnits(d, keys, (f) => seen.push(f));
    expect(seen.length).toBeGreaterThanOrEqual(9);
    expect(seen.length).toBeLessThanOrEqual(10);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    expect(seen.every((f) => f > 0 && f <= 1)).toBe(true);
  });

  test('a blocked town (a pinned village the firm cannot serve) makes the group impossible', () => {
    const d = data();
    d.arcsByTown[3].set(0, { ...d.arcsByTown[3].get(0)!, blocked: true });
    expect(groupFlow(d, 0, [2, 3])).toBeUndefined();
    expect(groupUnits(d, [{ firm: 0, towns: [2, 3] }])[0]).toBe(Infinity);
  });
});
