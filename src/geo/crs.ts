/**
 * Coordinate systems (a scenario's `crs`): the one conversion to WGS-84 that the solver, the calendar
 * planner and the validator each apply once to the scenario they are given, so distances are the same
 * whichever system the same physical points were written in. A domain-level transform with no solver
 * code in it: the independent validator may import it (docs/MODEL.md, "Distances").
 */
import gcoordModule from 'gcoord';
import type { Crs, LonLat, Scenario } from '../domain/index.js';

// gcoord is CommonJS typed as `export default`: Node gives a default import the object itself, bundlers its `default`.
const gcoord = ((gcoordModule as { default?: unknown }).default ?? gcoordModule) as typeof gcoordModule.default;

const FROM: Record<Exclude<Crs, 'wgs84'>, typeof gcoord.GCJ02 | typeof gcoord.BD09> = { gcj02: gcoord.GCJ02, bd09: gcoord.BD09 };

/**
 * A point of system `crs` in WGS-84. gcoord's inverse is approximate (BD-09: about 0.1 m; GCJ-02: to 1e-6°),
 * so it is refined by fixed-point steps on gcoord's forward transform until that gives the point back to
 * 1e-10° (about 0.01 mm): the same physical place gives the same km whichever system wrote it.
 */
export function pointToWgs84(point: readonly [number, number], crs: Crs | undefined): LonLat {
  if (crs === undefined || crs === 'wgs84') return [point[0], point[1]];
  let [lon, lat] = gcoord.transform([point[0], point[1]], FROM[crs], gcoord.WGS84);
  for (let i = 0; i < 8; i++) {
    const [fLon, fLat] = gcoord.transform([lon, lat], gcoord.WGS84, FROM[crs]);
    const dLon = fLon - point[0];
    const dLat = fLat - point[1];
    if (Math.abs(dLon) < 1e-10 && Math.abs(dLat) < 1e-10) break;
    lon -= dLon;
    lat -= dLat;
  }
  return [lon, lat];
}

/** A WGS-84 point in system `crs` (for writing back in the scenario's own system). */
export function pointFromWgs84(point: readonly [number, number], crs: Crs | undefined): LonLat {
  if (crs === undefined || crs === 'wgs84') return [point[0], point[1]];
  const [lon, lat] = gcoord.transform([point[0], point[1]], gcoord.WGS84, FROM[crs]);
  return [lon, lat];
}

type Boundary = NonNullable<Scenario['regions'][number]['boundary']>;

function boundaryToWgs84(b: Boundary, crs: Crs): Boundary {
  const ring = (r: [number, number][]) => r.map((p) => pointToWgs84(p, crs));
  return b.type === 'Polygon'
    ? { type: 'Polygon', coordinates: b.coordinates.map(ring) }
    : { type: 'MultiPolygon', coordinates: b.coordinates.map((poly) => poly.map(ring)) };
}

/**
 * The scenario with every point in WGS-84 (villages, firms, lawyers' bases, regions' centres and
 * boundaries) and `crs: 'wgs84'`; a scenario already in WGS-84 (or saying none) is returned as it is.
 */
export function scenarioInWgs84(s: Scenario): Scenario {
  const crs = s.crs;
  if (crs === undefined || crs === 'wgs84') return s;
  return {
    ...s,
    crs: 'wgs84',
    villages: s.villages.map((v) => ({ ...v, location: pointToWgs84(v.location, crs) })),
    firms: s.firms.map((f) => ({ ...f, location: pointToWgs84(f.location, crs) })),
    lawyers: s.lawyers.map((l) => (l.base ? { ...l, base: pointToWgs84(l.base, crs) } : l)),
    regions: s.regions.map((r) => ({
      ...r,
      ...(r.location ? { location: pointToWgs84(r.location, crs) } : {}),
      ...(r.boundary ? { boundary: boundaryToWgs84(r.boundary, crs) } : {}),
    })),
  };
}
