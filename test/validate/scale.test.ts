import { expect, test } from 'vitest';
import { parseScenario, parseSolution, type ScenarioInput, type Solution } from '../../src/domain/index.js';
import { validateSolution } from '../../src/validate/index.js';
import { emptyMetrics, fillMetrics } from './fixtures.js';

/**
 * Province scale: 26,000 villages on a grid over Guangdong, 7,000 lawyers with a cap of 4.
 * Lawyer j advises villages 4j … 4j+3 (neighbours in one grid row) from the first one's spot;
 * the last 100 villages are uncovered because every lawyer in range is full, and 525 idle
 * lawyers sit far away, out of range.
 */
function provinceScale() {
  const villagesN = 26_000;
  const busy = 6_475;
  const lawyersN = 7_000;
  const at = (i: number): [number, number] => [110 + (i % 200) * 0.035, 20.5 + Math.floor(i / 200) * 0.035];
  const towns = Array.from({ length: 100 }, (_, t) => ({ id: `T${t}`, name: `T${t}`, level: 'town' as const, parentId: 'K' }));
  const input: ScenarioInput = {
    schema: 'ovola.scenario/v1',
    name: 'province',
    year: 2025,
    policy: { maxVillagesPerLawyer: 4 },
    regions: [{ id: 'C', name: 'C', level: 'city' }, { id: 'K', name: 'K', level: 'county', parentId: 'C' }, ...towns],
    firms: Array.from({ length: 700 }, (_, f) => ({ id: `F${f}`, name: `F${f}`, location: at(f * 37), regionId: 'K' })),
    lawyers: Array.from({ length: lawyersN }, (_, j) => ({
      id: `L${j}`,
      name: `L${j}`,
      firmId: `F${j % 700}`,
      status: 'practicing' as const,
      base: j < busy ? at(4 * j) : ([100, 35] as [number, number]),
    })),
    villages: Array.from({ length: villagesN }, (_, i) => ({
      id: `V${i}`,
      name: `V${i}`,
      townId: `T${Math.floor(i / 260)}`,
      kind: 'village' as const,
      location: at(i),
    })),
  };
  const scenario = parseScenario(input);
  const rad = Math.PI / 180;
  const roadKm = (a: [number, number], b: [number, number]) => {
    const h = Math.sin(((b[1] - a[1]) * rad) / 2) ** 2 + Math.cos(a[1] * rad) * Math.cos(b[1] * rad) * Math.sin(((b[0] - a[0]) * rad) / 2) ** 2;
    return 2 * 6371.0088 * Math.asin(Math.sqrt(h)) * 1.3;
  };
  const doc: Solution = {
    schema: 'ovola.solution/v1',
    method: 'optimal',
    mode: 'individual',
    status: 'optimal',
    weights: scenario.policy.weights,
    assignments: Array.from({ length: busy * 4 }, (_, i) => {
      const j = Math.floor(i / 4);
      return { villageId: `V${i}`, lawyerId: `L${j}`, team: [], firmId: `F${j % 700}`, travelKm: Math.round(roadKm(at(4 * j), at(i)) * 1000) / 1000 };
    }),
    uncovered: Array.from({ length: villagesN - busy * 4 }, (_, k) => ({ villageId: `V${busy * 4 + k}`, reason: 'all-candidates-at-cap' as const, detail: '' })),
    metrics: emptyMetrics(),
    blockingPairs: [],
  };
  fillMetrics(scenario, doc);
  return { scenario, solution: parseSolution(doc) };
}

test('a province of 26,000 villages and 7,000 lawyers validates, and a needless gap is caught', () => {
  const { scenario, solution } = provinceScale();
  expect(validateSolution(scenario, solution)).toEqual([]);

  // Freeing one lawyer near the uncovered villages makes their gap needless.
  solution.assignments.splice(solution.assignments.length - 1, 1);
  solution.uncovered.push({ villageId: `V${solution.assignments.length}`, reason: 'all-candidates-at-cap', detail: '' });
  const needless = validateSolution(scenario, solution).filter((v) => v.rule === 'COVERAGE');
  expect(needless.length).toBeGreaterThan(0);
  expect(needless[0].message).toContain('left uncovered needlessly');
});
