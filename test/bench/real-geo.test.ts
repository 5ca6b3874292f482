import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { caseDeclaredCrs, caseOptimal, hasGeography, inGcj02, readDivisions } from '../../benchmarks/real-geo-lib.js';
import { parseScenario } from '../../src/domain/index.js';
import { RealProvince } from '../../src/gen/real.js';

/** The divisions live outside the project (../shared/geo from the repository root); without them this file skips. */
const GEO_DIR = join(import.meta.dirname, '..', '..', '..', 'shared', 'geo');

describe.skipIf(!hasGeography(GEO_DIR))('real Guangdong divisions (benchmarks/real-geo.ts)', () => {
  it('builds a valid scenario of the smallest city, whose optimal plan validates and does not change when written in GCJ-02', () => {
    const divisions = readDivisions(GEO_DIR);
    expect(divisions).toHaveLength(21);
    const villagesOf = (c: (typeof divisions)[number]) => c.counties.reduce((n, k) => n + k.towns.reduce((m, t) => m + t.villages.length, 0), 0);
    // 村委会 and 社区 under real 镇街, as src/gen/calibration.ts counts them (the 4 "other" units, 3 of them industrial parks, left out)
    expect(divisions.reduce((n, c) => n + villagesOf(c), 0)).toBe(26_567);
    const smallest = [...divisions].sort((a, b) => villagesOf(a) - villagesOf(b))[0];

    const province = new RealProvince(divisions, { seed: 1 });
    const input = province.scenario(smallest.code);
    const s = parseScenario(input);
    // the real villages, codes and names, in the real towns
    expect(s.villages).toHaveLength(villagesOf(smallest));
    const real = new Map(smallest.counties.flatMap((c) => c.towns.flatMap((t) => t.villages.map((v) => [v.code, { ...v, town: t.code }] as const))));
    for (const v of s.villages) {
      expect(real.get(v.id)?.name).toBe(v.name);
      expect(real.get(v.id)?.town).toBe(v.townId);
    }
    expect(s.lawyers.length).toBeGreaterThan(s.villages.length / 8);
    // the same seed, the same scenario
    expect(JSON.stringify(new RealProvince(divisions, { seed: 1 }).scenario(smallest.code))).toBe(JSON.stringify(input));

    const { row: a, solution } = caseOptimal(s);
    expect(a.validation.first).toEqual([]);
    expect(a.covered).toBeGreaterThan(0);

    expect(inGcj02(input).crs).toBe('gcj02');
    const e = caseDeclaredCrs(input, solution);
    expect(e.validation.first).toEqual([]);
    expect(e.deltaKm).toBeLessThanOrEqual(0.01);
    expect(e.differing).toBe(0);
  });
});
