/**
 * A scenario's `crs` (src/geo/crs.ts): the same physical points written in GCJ-02 (Amap, Tencent) or
 * BD-09 (Baidu) with the system declared give the same plan and the same km as in WGS-84; GeoJSON
 * exports are WGS-84 (RFC 7946), tables keep the scenario's own system and say which.
 */
import { describe, expect, it } from 'vitest';
import { type Crs, parseScenario, type Scenario } from '../../src/domain/index.js';
import { generateScenario } from '../../src/gen/index.js';
import { pointFromWgs84, pointToWgs84, scenarioInWgs84 } from '../../src/geo/crs.js';
import { exportHeader, solutionGeoJson, solutionRows } from '../../src/io/index.js';
import { solve } from '../../src/solver/solve.js';
import { validateSolution } from '../../src/validate/index.js';

/** The scenario with every point rewritten in `crs`, and `crs` declared. */
function writtenIn(s: Scenario, crs: Crs): Scenario {
  const p = (x: [number, number]) => pointFromWgs84(x, crs);
  return parseScenario({
    ...s,
    crs,
    villages: s.villages.map((v) => ({ ...v, location: p(v.location) })),
    firms: s.firms.map((f) => ({ ...f, location: p(f.location) })),
    lawyers: s.lawyers.map((l) => (l.base ? { ...l, base: p(l.base) } : l)),
    regions: s.regions.map((r) => (r.location ? { ...r, location: p(r.location) } : r)),
  });
}

const wgs = parseScenario(generateScenario({ preset: 'county', seed: 4, baseline: true }));
const reference = solve(wgs);

describe('coordinates declared (crs)', () => {
  it('GCJ-02 is hundreds of metres off WGS-84 in Guangdong, and converts back to within a few centimetres', () => {
    const v = wgs.villages[0].location;
    const g = pointFromWgs84(v, 'gcj02');
    const offsetKm = Math.hypot((g[0] - v[0]) * 102.4, (g[1] - v[1]) * 111.2);
    expect(offsetKm).toBeGreaterThan(0.2);
    expect(offsetKm).toBeLessThan(1);
    const back = pointToWgs84(g, 'gcj02');
    expect(Math.abs(back[0] - v[0]) + Math.abs(back[1] - v[1])).toBeLessThan(1e-6);
    expect(pointToWgs84(v, undefined)).toEqual(v);
    expect(scenarioInWgs84(wgs)).toBe(wgs);
  });

  it.each(['gcj02', 'bd09'] as const)('a scenario written in %s with crs declared gives the same plan and the same km to 0.01', (crs) => {
    const s = writtenIn(wgs, crs);
    const sol = solve(s);
    expect(validateSolution(s, sol)).toEqual([]);
    expect(sol.assignments.map((a) => [a.villageId, a.lawyerId])).toEqual(reference.assignments.map((a) => [a.villageId, a.lawyerId]));
    sol.assignments.forEach((a, i) => expect(Math.abs(a.travelKm - reference.assignments[i].travelKm)).toBeLessThanOrEqual(0.01));
    expect(Math.abs(sol.metrics.travelKm.total - reference.metrics.travelKm.total)).toBeLessThanOrEqual(0.01);
    expect(Math.abs(sol.metrics.objective - reference.metrics.objective)).toBeLessThanOrEqual(0.01);
  });

  it('the same points with crs left out are read as WGS-84: hundreds of metres off, so the km differ', () => {
    const undeclared = parseScenario({ ...writtenIn(wgs, 'gcj02'), crs: undefined });
    const sol = solve(undeclared);
    const diff = sol.assignments.reduce((d, a, i) => d + Math.abs(a.travelKm - (reference.assignments[i]?.travelKm ?? 0)), 0);
    expect(diff).toBeGreaterThan(1);
  });

  it('GeoJSON is WGS-84; the CSV/XLSX rows keep the scenario’s system and the header names it', () => {
    const s = writtenIn(wgs, 'gcj02');
    const sol = solve(s);
    const geo = solutionGeoJson(s, sol);
    const village = geo.features.find((f) => f.properties.layer === 'village' && f.properties.id === wgs.villages[0].id)!;
    const [lon, lat] = village.geometry.coordinates as [number, number];
    expect(Math.abs(lon - wgs.villages[0].location[0]) + Math.abs(lat - wgs.villages[0].location[1])).toBeLessThan(1e-6);
    expect(exportHeader(s.crs).slice(10)).toEqual(['经度(GCJ-02)', '纬度(GCJ-02)']);
    expect(exportHeader(undefined).slice(10)).toEqual(['经度(WGS-84)', '纬度(WGS-84)']);
    const row = solutionRows(s, sol).find((r) => r[9] === wgs.villages[0].id)!;
    expect(row.slice(10)).toEqual(s.villages[0].location);
  });
});
