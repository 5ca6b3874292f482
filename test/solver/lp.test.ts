import { describe, expect, it } from 'vitest';
import { Geography } from '../../src/geo/geography.js';
import { CostModel } from '../../src/solver/costs.js';
import { solveIndividual } from '../../src/solver/individual.js';
import { allPairsProblem } from '../../src/solver/lp/full.js';
import { highsEngine } from '../../src/solver/lp/highs.js';
import { jslpEngine, jslpModel } from '../../benchmarks/jslp.js';
import { transportAssignment, transportLayout, transportLp } from '../../src/solver/lp/model.js';
import { LpBuilder, lpObjective, type LpEngine } from '../../src/solver/lp/sparse.js';
import { east, world } from '../fixtures/small.js';

const engines: LpEngine[] = [highsEngine, jslpEngine];

/** min x + 2y + 0z  s.t.  x + y ≥ 1,  y − z = 0.1,  0 ≤ x ≤ 0.6,  y ≥ 0,  z ∈ [−1, 1]: x = 0.6, y = 0.4, z = 0.3, objective 1.4. */
function tinyLp() {
  const b = new LpBuilder();
  const r = b.addRows(1, 1, Infinity);
  const s = b.addRows(1, 0.1, 0.1);
  b.addCol(1, 0, 0.6, [r], [1]);
  b.addCol(2, 0, Infinity, [r, s], [1, 1]);
  b.addCol(0, -1, 1, [s], [-1]);
  return b.build();
}

/** max x + y (as min −x − y)  s.t.  2x + 2y ≤ 3,  x, y ∈ {0, 1}: objective −1 (the LP relaxation gives −1.5). */
function tinyMip() {
  const b = new LpBuilder();
  const r = b.addRows(1, -Infinity, 3);
  b.addCol(-1, 0, 1, [r], [2], true);
  b.addCol(-1, 0, 1, [r], [2], true);
  return b.build();
}

describe('LP engines on hand-made programs', () => {
  for (const engine of engines) {
    it(`${engine.name}: solves a tiny LP with bounds, an equality and a free-signed column`, async () => {
      const lp = tinyLp();
      const res = await engine.solve(lp);
      expect(res.status).toBe('optimal');
      expect(res.objective).toBeCloseTo(1.4, 9);
      expect([...res.x].map((v) => Number(v.toFixed(9)))).toEqual([0.6, 0.4, 0.3]);
      expect(lpObjective(lp, res.x)).toBeCloseTo(1.4, 9);
    });

    it(`${engine.name}: solves a tiny MIP to its integer optimum`, async () => {
      const res = await engine.solve(tinyMip(), { timeLimitS: 10 });
      expect(res.status).toBe('optimal');
      expect(res.objective).toBeCloseTo(-1, 9);
      expect(res.x[0] + res.x[1]).toBeCloseTo(1, 9);
      if (res.bound !== undefined) expect(res.bound).toBeLessThanOrEqual(res.objective + 1e-9);
    });

    it(`${engine.name}: reports an infeasible LP as such`, async () => {
      const b = new LpBuilder();
      const r = b.addRows(1, 2, 2);
      b.addCol(1, 0, 1, [r], [1]);
      expect((await engine.solve(b.build())).status).toBe('infeasible');
    });
  }

  it('the jsLP model leaves out upper-bound rows that a row already implies', () => {
    const b = new LpBuilder();
    const r = b.addRows(1, 1, 1);
    const s = b.addRows(1, 0, 0);
    b.addCol(1, 0, 1, [r, s], [1, 1]); // ≤ 1 by row r
    b.addCol(1, 0, 1, [s], [-1]); // row s has a negative entry: needs its own bound row
    const model = jslpModel(b.build());
    expect(Object.keys(model.constraints).sort()).toEqual(['r0', 'r1', 'u1']);
  });
});

describe('the transport LP', () => {
  // Two lawyers 1 km and 5 km east, caps 1 and 2, load cost 3; three villages at 0, 2 and 6 km.
  const scenario = world({
    villages: [
      { id: 'v0', at: east(0) },
      { id: 'v1', at: east(2) },
      { id: 'v2', at: east(6) },
      { id: 'v3', at: east(300) },
    ],
    lawyers: [
      { id: 'a', at: east(1), maxVillages: 1 },
      { id: 'b', at: east(5), maxVillages: 2 },
      { id: 'i', at: east(2), intern: true },
    ],
    policy: { maxTravelKm: 50, weights: { travelKm: 1, load: 3, villagePreference: 0, lawyerPreference: 0, change: 0, uncovered: 1000 } },
  });
  const geo = new Geography(scenario);
  const result = solveIndividual(geo, scenario.policy.weights);
  const p = result.flow.problem();

  it('has the documented columns and rows', () => {
    const lp = transportLp(p);
    const layout = transportLayout(p);
    const slots = [...p.cap].reduce((a, b) => a + b, 0);
    const groups = p.groupStart ? p.groupStart.length - 1 : 0;
    const passes = p.groupNode?.length ?? 0;
    expect(lp.numRows).toBe(p.nV + p.nL + groups);
    expect(lp.numCols).toBe(p.head.length + p.nV + slots + passes);
    expect(layout.slots).toBe(p.head.length + p.nV);
    expect(lp.integrality).toBeUndefined();
    // a takes v0, b takes v1 and v2 (≈ 1.3 + 3.9 + 1.3 road km, plus 3 for b's second village); v3 stays uncovered.
    expect(result.objective).toBeCloseTo(1009.5, 1);
  });

  for (const engine of engines) {
    it(`${engine.name}: its optimum is the flow's objective, on the solver's model and on every pair in range`, async () => {
      const res = await engine.solve(transportLp(p));
      expect(res.status).toBe('optimal');
      expect(res.objective / 1000).toBeCloseTo(result.objective, 9);
      // v3 is out of everyone's reach; of the rest, a takes one and b two.
      const node = transportAssignment(p, res.x);
      expect(node[3]).toBe(-1);
      const full = allPairsProblem(geo, new CostModel(geo, scenario.policy.weights));
      const all = await engine.solve(transportLp(full));
      expect(all.status).toBe('optimal');
      expect(all.objective / 1000).toBeCloseTo(result.objective, 9);
    });
  }
});
