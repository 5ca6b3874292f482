import { booleanIntersects } from '@turf/turf';
import type { LonLat, Region, Solution } from '../domain/index.js';
import type { ScenarioIndex } from './context.js';
import { haversineKm } from './geo.js';
import type { ResolvedAssignment } from './assignments.js';
import type { Violation } from './violation.js';

/** A town's centre: its `location`, else the mean of its villages' locations. */
export function townCentre(ix: ScenarioIndex, town: Region): LonLat | undefined {
  if (town.location) return town.location as LonLat;
  const villages = ix.villagesOfTown.get(town.id) ?? [];
  if (villages.length === 0) return undefined;
  const lon = villages.reduce((s, v) => s + v.location[0], 0) / villages.length;
  const lat = villages.reduce((s, v) => s + v.location[1], 0) / villages.length;
  return [lon, lat];
}

/** Two towns are adjacent when their boundaries touch (both given), else when their centres lie within adjacencyKm. */
export function townsAdjacent(ix: ScenarioIndex, a: Region, b: Region): boolean {
  if (a.boundary && b.boundary) return booleanIntersects(a.boundary, b.boundary);
  const ca = townCentre(ix, a);
  const cb = townCentre(ix, b);
  if (!ca || !cb) return false;
  return haversineKm(ca, cb) <= ix.scenario.policy.firmTown.adjacencyKm;
}

/** The groups of mutually reachable towns, by adjacency. */
function connectedGroups(ix: ScenarioIndex, towns: Region[]): Region[][] {
  const groups: Region[][] = [];
  const left = new Set(towns);
  while (left.size > 0) {
    const [first] = left;
    left.delete(first);
    const group = [first];
    for (let k = 0; k < group.length; k++) {
      for (const t of [...left]) {
        if (townsAdjacent(ix, group[k], t)) {
          left.delete(t);
          group.push(t);
        }
      }
    }
    groups.push(group);
  }
  return groups;
}

// R4: in firm-town counties each town has one firm that advises all its villages; a firm holds at most maxTownsPerFirm towns, all connected by adjacency.
export function checkFirmTowns(ix: ScenarioIndex, solution: Solution, resolved: ResolvedAssignment[]): Violation[] {
  const out: Violation[] = [];
  const firmTownTowns = new Set([...ix.villagesOfTown.keys()].filter((t) => ix.regions.get(t)?.level === 'town' && ix.modeOfTown(t) === 'firm-town'));
  const entries = solution.firmTowns ?? [];
  if (firmTownTowns.size === 0 && entries.length === 0) return out;

  const firmOfTown = new Map<string, string>();
  entries.forEach((ft, i) => {
    const path = `firmTowns[${i}]`;
    const town = ix.regions.get(ft.townId);
    if (!town || town.level !== 'town' || !ix.firms.has(ft.firmId)) return; // reported under REFERENCE
    const earlier = firmOfTown.get(ft.townId);
    if (earlier !== undefined) {
      out.push({ rule: 'R4', message: `town ${ft.townId} is listed twice (firms ${earlier} and ${ft.firmId})`, path });
      return;
    }
    if (ix.modeOfTown(ft.townId) !== 'firm-town') {
      out.push({ rule: 'R4', message: `town ${ft.townId} is not in a firm-town county, yet is given to firm ${ft.firmId}`, path });
      return;
    }
    firmOfTown.set(ft.townId, ft.firmId);
  });

  // A town may lack a firm only when every one of its villages is reported uncovered for that reason.
  const townless = new Set(solution.uncovered.filter((u) => u.reason === 'town-without-firm').map((u) => u.villageId));
  for (const townId of firmTownTowns) {
    if (firmOfTown.has(townId)) continue;
    const villages = ix.villagesOfTown.get(townId) ?? [];
    if (villages.every((v) => townless.has(v.id))) continue;
    out.push({ rule: 'R4', message: `town ${townId} (firm-town mode) has no firm in firmTowns`, path: 'firmTowns' });
  }

  for (const { adviser, village, path } of resolved) {
    const firm = firmOfTown.get(village.townId);
    if (firm === undefined || adviser.firmId === firm) continue;
    out.push({
      rule: 'R4',
      message: `village ${village.id} in town ${village.townId} (firm ${firm}) is advised by ${adviser.id} of firm ${adviser.firmId}`,
      villageId: village.id,
      lawyerId: adviser.id,
      path: `${path}.lawyerId`,
    });
  }

  const townsOfFirm = new Map<string, Region[]>();
  for (const [townId, firmId] of firmOfTown) {
    const town = ix.regions.get(townId) as Region;
    const list = townsOfFirm.get(firmId);
    if (list) list.push(town);
    else townsOfFirm.set(firmId, [town]);
  }
  const maxTowns = ix.scenario.policy.firmTown.maxTownsPerFirm;
  for (const [firmId, towns] of townsOfFirm) {
    if (towns.length > maxTowns)
      out.push({ rule: 'R4', message: `firm ${firmId} serves ${towns.length} towns, max ${maxTowns}`, path: 'firmTowns' });
    if (towns.length < 2) continue;
    const groups = connectedGroups(ix, towns);
    if (groups.length > 1)
      out.push({
        rule: 'R4',
        message: `firm ${firmId} serves towns that are not adjacent: ${groups.map((g) => `[${g.map((t) => t.id).join(', ')}]`).join(' / ')}`,
        path: 'firmTowns',
      });
  }
  return out;
}
