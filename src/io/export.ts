/**
 * A solution as bureaus and map tools take it: a GeoJSON FeatureCollection (villages, lawyers' bases,
 * adviser→village lines, always WGS-84) and one row per village for CSV and XLSX, with Chinese headers
 * (coordinates in the scenario's own system, named in the header).
 * Pure: a scenario and its solution in, documents out.
 */
import { type Crs, lawyerCap, type Region, type Scenario, type Solution, type UncoveredReason } from '../domain/index.js';
import { scenarioInWgs84 } from '../geo/crs.js';
import { type CellValue, writeCsv, writeXlsx } from './table.js';

/** How the table headers name a coordinate system. */
const CRS_LABEL: Record<Crs, string> = { wgs84: 'WGS-84', gcj02: 'GCJ-02', bd09: 'BD-09' };

/**
 * The table's columns, in order: the first eight as bureaus name them, the reason, the village's id, then
 * the village's longitude and latitude in the scenario's own coordinate system, which the header names.
 */
export function exportHeader(crs: Crs | undefined): string[] {
  const system = CRS_LABEL[crs ?? 'wgs84'];
  return ['县(市、区)', '镇(街道)', '村(社区)', '法律顾问', '律师事务所', '联系电话', '团队成员', '距离(公里)', '未覆盖原因', '村(社区)编号', `经度(${system})`, `纬度(${system})`];
}
/** The header of a scenario in WGS-84, the default. */
export const EXPORT_HEADER = exportHeader('wgs84');
const WIDTHS = [14, 14, 16, 10, 28, 16, 24, 10, 60, 16, 14, 14];

export const UNCOVERED_LABEL: Record<UncoveredReason, string> = {
  'no-practicing-lawyer-in-range': '服务半径内没有可担任顾问的执业律师',
  'vetoed-all': '服务半径内的执业律师都被双向选择否决',
  'all-candidates-at-cap': '服务半径内的执业律师都已满额',
  'town-without-firm': '所在镇(街道)未能分配律师事务所',
};

type LonLat = [number, number];

export interface GeoFeature {
  type: 'Feature';
  geometry: { type: 'Point'; coordinates: LonLat } | { type: 'LineString'; coordinates: LonLat[] };
  properties: Record<string, string | number | boolean | string[] | null>;
}
export interface FeatureCollection {
  type: 'FeatureCollection';
  features: GeoFeature[];
}

const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;

/** Everything the exports look up: regions upwards, firms, lawyers, assignments and uncovered villages by id. */
function lookups(scenario: Scenario, solution: Solution) {
  const regions = new Map(scenario.regions.map((r) => [r.id, r]));
  const firms = new Map(scenario.firms.map((f) => [f.id, f]));
  const lawyers = new Map(scenario.lawyers.map((l) => [l.id, l]));
  const assignment = new Map(solution.assignments.map((a) => [a.villageId, a]));
  const uncovered = new Map(solution.uncovered.map((u) => [u.villageId, u]));
  const up = (id: string, level: Region['level']): Region | undefined => {
    for (let r = regions.get(id), hops = 0; r && hops < 64; hops++) {
      if (r.level === level) return r;
      r = r.parentId === undefined ? undefined : regions.get(r.parentId);
    }
    return undefined;
  };
  const base = (lawyerId: string): LonLat | undefined => {
    const l = lawyers.get(lawyerId);
    return (l?.base ?? (l ? firms.get(l.firmId)?.location : undefined)) as LonLat | undefined;
  };
  const lawyerName = (id: string) => lawyers.get(id)?.name ?? id;
  const firmName = (id: string) => firms.get(id)?.name ?? id;
  return { regions, firms, lawyers, assignment, uncovered, up, base, lawyerName, firmName };
}

/**
 * Villages (Point: adviser, firm, km or why uncovered), lawyers' bases (Point: firm, load and cap) and
 * one line from each responsible adviser's base to their village (LineString: km). Each feature's
 * `properties.layer` says which of the three it is. Coordinates are WGS-84 whatever the scenario's `crs`,
 * as RFC 7946 requires.
 */
export function solutionGeoJson(input: Scenario, solution: Solution): FeatureCollection {
  const scenario = scenarioInWgs84(input);
  const L = lookups(scenario, solution);
  const features: GeoFeature[] = [];
  const load = new Map<string, number>();
  for (const a of solution.assignments) for (const id of [a.lawyerId, ...a.team]) load.set(id, (load.get(id) ?? 0) + 1);

  for (const v of scenario.villages) {
    const a = L.assignment.get(v.id);
    const u = L.uncovered.get(v.id);
    features.push({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: v.location as LonLat },
      properties: {
        layer: 'village',
        id: v.id,
        name: v.name,
        kind: v.kind,
        town: L.regions.get(v.townId)?.name ?? v.townId,
        county: L.up(v.townId, 'county')?.name ?? null,
        adviserId: a?.lawyerId ?? null,
        adviser: a ? L.lawyerName(a.lawyerId) : null,
        firmId: a?.firmId ?? null,
        firm: a ? L.firmName(a.firmId) : null,
        team: a ? a.team.map(L.lawyerName) : [],
        km: a ? round(a.travelKm, 2) : null,
        uncoveredReason: u?.reason ?? null,
        uncoveredDetail: u?.detail ?? null,
      },
    });
  }
  for (const l of scenario.lawyers) {
    const at = L.base(l.id);
    if (!at) continue;
    features.push({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: at },
      properties: {
        layer: 'lawyer-base',
        id: l.id,
        name: l.name,
        status: l.status,
        firmId: l.firmId,
        firm: L.firmName(l.firmId),
        load: load.get(l.id) ?? 0,
        cap: lawyerCap(scenario.policy, l),
        pairedAssistance: l.pairedAssistance ?? false,
      },
    });
  }
  const villages = new Map(scenario.villages.map((v) => [v.id, v]));
  for (const a of solution.assignments) {
    const from = L.base(a.lawyerId);
    const to = villages.get(a.villageId)?.location as LonLat | undefined;
    if (!from || !to) continue;
    features.push({
      type: 'Feature',
      geometry: { type: 'LineString', coordinates: [from, to] },
      properties: {
        layer: 'assignment',
        villageId: a.villageId,
        village: villages.get(a.villageId)?.name ?? a.villageId,
        lawyerId: a.lawyerId,
        lawyer: L.lawyerName(a.lawyerId),
        km: round(a.travelKm, 2),
      },
    });
  }
  return { type: 'FeatureCollection', features };
}

/**
 * One row per village, in the scenario's order; an uncovered village has no adviser and says why. The
 * village's coordinates stay in the scenario's own system (`exportHeader` names it).
 */
export function solutionRows(scenario: Scenario, solution: Solution): CellValue[][] {
  const L = lookups(scenario, solution);
  return scenario.villages.map((v) => {
    const a = L.assignment.get(v.id);
    const u = L.uncovered.get(v.id);
    const county = L.up(v.townId, 'county')?.name ?? '';
    const town = L.regions.get(v.townId)?.name ?? v.townId;
    const [lon, lat] = v.location;
    if (!a) {
      const reason = u ? `${UNCOVERED_LABEL[u.reason] ?? u.reason}:${u.detail}` : '方案中没有该村(社区)';
      return [county, town, v.name, '', '', '', '', null, reason, v.id, lon, lat];
    }
    const lawyer = L.lawyers.get(a.lawyerId);
    return [county, town, v.name, lawyer?.name ?? a.lawyerId, L.firmName(a.firmId), lawyer?.contact?.phone ?? '', a.team.map(L.lawyerName).join('、'), round(a.travelKm, 1), '', v.id, lon, lat];
  });
}

export function solutionCsv(scenario: Scenario, solution: Solution): Buffer {
  return writeCsv(exportHeader(scenario.crs), solutionRows(scenario, solution));
}

export function solutionXlsx(scenario: Scenario, solution: Solution): Promise<Buffer> {
  return writeXlsx([{ name: '村(社区)法律顾问', header: exportHeader(scenario.crs), rows: solutionRows(scenario, solution), widths: WIDTHS }]);
}
