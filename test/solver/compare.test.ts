/** compareSolutions: the moved villages and the deltas, on two plans of a small world. */
import { describe, expect, test } from 'vitest';
import { applyChanges } from '../../src/domain/changes.js';
import { compareSolutions } from '../../src/solver/compare.js';
import { east, world } from '../fixtures/small.js';
import { road, solveChecked, WEIGHTS } from '../fixtures/solver.js';

/** V1 at 1, V2 at 2, V3 at 200 (town T2); A at 0 (cap 2), B at 5: V3 is out of everyone’s reach. */
const before = world({
  villages: [
    { id: 'V1', at: east(1) },
    { id: 'V2', at: east(2) },
    { id: 'V3', at: east(200), town: 'T2' },
  ],
  lawyers: [{ id: 'A', at: east(0), maxVillages: 2 }, { id: 'B', at: east(5) }],
  policy: { weights: WEIGHTS },
});

describe('compareSolutions', () => {
  test('A leaves and C arrives near V3: V1 and V2 move to B, V3 is newly covered', () => {
    const a = solveChecked(before);
    const afterScenario = applyChanges(before, [
      { op: 'remove-lawyer', lawyerId: 'A' },
      { op: 'add-lawyer', lawyer: { id: 'C', name: '律师C', firmId: 'F1', status: 'practicing', specialties: [], base: east(199) } },
    ]);
    const b = solveChecked(afterScenario);
    const county = (id: string) => (id === 'V3' ? 'K9' : 'K1');
    const c = compareSolutions(a, b, county);
    expect(c.moved).toEqual([
      { villageId: 'V1', from: 'A', to: 'B' },
      { villageId: 'V2', from: 'A', to: 'B' },
      { villageId: 'V3', from: null, to: 'C' },
    ]);
    expect(c.summary).toMatchObject({ moved: 3, reassigned: 2, newlyCovered: 1, newlyUncovered: 0, movedByCounty: { K1: 2, K9: 1 }, uncoveredDelta: -1, onlyInA: 0, onlyInB: 0 });
    expect(c.summary.travelKmDelta).toBeCloseTo(road(5, 1) + road(5, 2) + road(199, 200) - road(0, 1) - road(0, 2), 2);
    expect(c.a).toMatchObject({ uncovered: 1, travelKm: a.metrics.travelKm, load: a.metrics.load });
    expect(c.b.uncovered).toBe(0);
    // Compared with itself nothing moves.
    expect(compareSolutions(b, b).moved).toEqual([]);
    expect(compareSolutions(a, b).summary.movedByCounty).toEqual({});
  });
});
