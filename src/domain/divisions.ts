import { z } from 'zod';
import { Crs, Id, InvalidDocumentError, type Issue, LonLat, zodIssues } from './common.js';
import { RegionTree } from './places.js';
import { GeoMultiPolygon, GeoPolygon, RegionLevel, type Scenario } from './scenario.js';

export const DIVISIONS_SCHEMA = 'ovola.divisions/v1' as const;

/**
 * The divisions registry: the official cities, counties, towns and villages (行政区划), loaded by an
 * admin. With it loaded, a village's public card belongs to the county the registry puts it in, and no
 * scenario may place a registered village or region anywhere else.
 */
export const DivisionRegion = z.strictObject({
  id: Id,
  name: z.string().min(1).max(200),
  level: RegionLevel,
  /** a county's city, a town's county; a city has none */
  parentId: Id.optional(),
  location: LonLat.optional(),
  boundary: z.union([GeoPolygon, GeoMultiPolygon]).optional(),
});
export type DivisionRegion = z.infer<typeof DivisionRegion>;

export const DivisionVillage = z.strictObject({
  id: Id,
  name: z.string().min(1).max(200),
  townId: Id,
  kind: z.enum(['village', 'community']).optional(),
  location: LonLat,
});
export type DivisionVillage = z.infer<typeof DivisionVillage>;

/** Guangdong has ~1,600 towns and ~26,500 villages; the bounds leave room for any province. */
export const MAX_DIVISION_REGIONS = 20_000;
export const MAX_DIVISION_VILLAGES = 100_000;

export const Divisions = z.strictObject({
  schema: z.literal(DIVISIONS_SCHEMA),
  name: z.string().min(1).max(200).optional(),
  /** the system of every location and boundary: WGS-84 (GPS, the default), GCJ-02 (Amap, Tencent) or BD-09 (Baidu) */
  crs: Crs.optional(),
  regions: z.array(DivisionRegion).max(MAX_DIVISION_REGIONS),
  villages: z.array(DivisionVillage).max(MAX_DIVISION_VILLAGES),
});
export type Divisions = z.infer<typeof Divisions>;

/** What each level's parent must be. */
const PARENT_LEVEL = { city: undefined, county: 'city', town: 'county' } as const;

/** Parses a registry and checks that it holds together: unique ids, cities ⊃ counties ⊃ towns ⊃ villages. */
export function parseDivisions(input: unknown): Divisions {
  const parsed = Divisions.safeParse(input);
  if (!parsed.success) throw new InvalidDocumentError('divisions registry', zodIssues(parsed.error, input));
  const d = parsed.data;
  const issues: Issue[] = [];
  const levels = new Map<string, string>();
  d.regions.forEach((r, i) => {
    if (levels.has(r.id)) issues.push({ path: `regions[${i}].id`, message: 'duplicate id', value: r.id });
    else levels.set(r.id, r.level);
  });
  d.regions.forEach((r, i) => {
    const want = PARENT_LEVEL[r.level];
    if (want === undefined) {
      if (r.parentId !== undefined) issues.push({ path: `regions[${i}].parentId`, message: 'a city has no parent in the registry', value: r.parentId });
      return;
    }
    if (r.parentId === undefined) issues.push({ path: `regions[${i}].parentId`, message: `a ${r.level} needs its ${want}` });
    else if (!levels.has(r.parentId)) issues.push({ path: `regions[${i}].parentId`, message: `unknown ${want}`, value: r.parentId });
    else if (levels.get(r.parentId) !== want) issues.push({ path: `regions[${i}].parentId`, message: `region is a ${levels.get(r.parentId)}, not a ${want}`, value: r.parentId });
  });
  const villages = new Set<string>();
  d.villages.forEach((v, i) => {
    if (villages.has(v.id)) issues.push({ path: `villages[${i}].id`, message: 'duplicate id', value: v.id });
    villages.add(v.id);
    const level = levels.get(v.townId);
    if (level === undefined) issues.push({ path: `villages[${i}].townId`, message: 'unknown town', value: v.townId });
    else if (level !== 'town') issues.push({ path: `villages[${i}].townId`, message: `region is a ${level}, not a town`, value: v.townId });
  });
  if (issues.length > 0) throw new InvalidDocumentError('divisions registry', issues);
  return d;
}

/** A registered region as the store indexes it: its level, parent and the county and city above it. */
export interface RegisteredRegion {
  id: string;
  name: string;
  level: string;
  parentId: string | null;
  countyId: string | null;
  cityId: string | null;
}

/** A registered village, with the town, county and city the registry puts it in. */
export interface RegisteredVillage {
  id: string;
  name: string;
  townId: string;
  countyId: string;
  cityId: string | null;
}

/** The registry's regions and villages with the county and city of each, as the store indexes them. */
export function indexDivisions(d: Divisions): { regions: RegisteredRegion[]; villages: RegisteredVillage[] } {
  const tree = new RegionTree(d.regions);
  const regions = d.regions.map((r) => {
    const place = tree.place(r.id);
    return { id: r.id, name: r.name, level: r.level, parentId: r.parentId ?? null, countyId: place.countyId ?? null, cityId: place.cityId ?? null };
  });
  const villages = d.villages.map((v) => {
    const place = tree.place(v.townId);
    // parseDivisions has made sure every town lies in a county
    return { id: v.id, name: v.name, townId: v.townId, countyId: place.countyId!, cityId: place.cityId ?? null };
  });
  return { regions, villages };
}

/**
 * Where a scenario places its regions and villages, as compact as a province allows (two string arrays
 * for 26,500 villages cross from a worker thread far faster than as many objects).
 */
export interface Placement {
  regions: { id: string; level: string; parentId?: string }[];
  villageIds: string[];
  townIds: string[];
}

export function placementOf(s: Pick<Scenario, 'regions' | 'villages'>): Placement {
  return {
    regions: s.regions.map((r) => ({ id: r.id, level: r.level, ...(r.parentId === undefined ? {} : { parentId: r.parentId }) })),
    villageIds: s.villages.map((v) => v.id),
    townIds: s.villages.map((v) => v.townId),
  };
}

/**
 * A scenario checked against the registry: a registered region keeps its level and parent, and a
 * registered village its town. Every problem names the scenario's path.
 */
export function divisionIssues(
  s: Placement,
  registered: { regions: ReadonlyMap<string, RegisteredRegion>; villages: ReadonlyMap<string, RegisteredVillage> },
): Issue[] {
  const issues: Issue[] = [];
  s.regions.forEach((r, i) => {
    const reg = registered.regions.get(r.id);
    if (!reg) return;
    if (reg.level !== r.level) issues.push({ path: `regions[${i}].level`, message: `the divisions registry has ${r.id} (${reg.name}) as a ${reg.level}`, value: r.level });
    else if ((reg.parentId ?? undefined) !== r.parentId)
      issues.push({ path: `regions[${i}].parentId`, message: `the divisions registry puts ${r.id} (${reg.name}) under ${reg.parentId ?? 'no region'}`, value: r.parentId ?? null });
  });
  s.villageIds.forEach((id, i) => {
    const reg = registered.villages.get(id);
    if (reg && reg.townId !== s.townIds[i])
      issues.push({ path: `villages[${i}].townId`, message: `the divisions registry puts village ${id} (${reg.name}) in town ${reg.townId}`, value: s.townIds[i] });
  });
  return issues;
}
