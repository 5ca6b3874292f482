import { DIVISIONS_SCHEMA, type Divisions } from './divisions.js';
import type { ScenarioInput } from './scenario.js';

/**
 * The divisions registry a scenario implies: its cities, counties and towns (codes, names, parents,
 * locations and boundaries) and its villages. `ovola generate --divisions` writes it for a preset, so
 * that a service can own the generated villages by the registry rather than by who publishes first.
 */
export function registryOf(s: Pick<ScenarioInput, 'name' | 'regions' | 'villages' | 'crs'>): Divisions {
  return {
    schema: DIVISIONS_SCHEMA,
    name: s.name,
    ...(s.crs ? { crs: s.crs } : {}),
    regions: s.regions.map((r) => ({
      id: r.id,
      name: r.name,
      level: r.level,
      ...(r.parentId !== undefined && r.level !== 'city' ? { parentId: r.parentId } : {}),
      ...(r.location ? { location: r.location } : {}),
      ...(r.boundary ? { boundary: r.boundary } : {}),
    })),
    villages: s.villages.map((v) => ({ id: v.id, name: v.name, townId: v.townId, kind: v.kind, location: v.location })),
  };
}
