import type { Lawyer, LonLat, Solution, Village } from '../domain/index.js';
import { type ScenarioIndex, villagesPerLawyer } from './context.js';
import { PointGrid } from './geo.js';
import type { Violation } from './violation.js';

interface InRange {
  lawyer: Lawyer;
  km: number;
}

/** Practicing lawyers on a grid by base, built once, so each uncovered village looks only nearby. */
function practicingGrid(ix: ScenarioIndex): PointGrid<Lawyer> {
  const grid = new PointGrid<Lawyer>();
  for (const l of ix.lawyers.values()) {
    const base = ix.base(l);
    if (l.status === 'practicing' && base) grid.add(base, l);
  }
  return grid;
}

/** Practicing lawyers who may serve the village's city and lie within maxTravelKm road km (R2, R7, TRAVEL), nearest first. */
function lawyersInRange(ix: ScenarioIndex, grid: PointGrid<Lawyer>, v: Village): InRange[] {
  const { maxTravelKm, travel } = ix.scenario.policy;
  const found: InRange[] = [];
  for (const { item: l, km } of grid.within(v.location as LonLat, maxTravelKm / travel.detourFactor)) {
    const road = km * travel.detourFactor;
    if (!ix.hasOverride(l.id, v.id) && road <= maxTravelKm) found.push({ lawyer: l, km: road });
  }
  for (const o of ix.overridesFor(v.id)) {
    const l = ix.lawyers.get(o.lawyerId);
    if (l && l.status === 'practicing' && o.km <= maxTravelKm) found.push({ lawyer: l, km: o.km });
  }
  return found.filter((c) => ix.sameCityOrExempt(v, c.lawyer).ok).sort((a, b) => a.km - b.km);
}

const names = (list: InRange[]) =>
  list
    .slice(0, 3)
    .map((c) => `${c.lawyer.id} (${c.km.toFixed(1)} km)`)
    .join(', ') + (list.length > 3 ? ` and ${list.length - 3} more` : '');

// COVERAGE: an uncovered village's reason is true, and no lawyer in range had room to take it.
export function checkUncoveredReasons(ix: ScenarioIndex, solution: Solution): Violation[] {
  const out: Violation[] = [];
  if (solution.uncovered.length === 0) return out;
  let grid: PointGrid<Lawyer> | undefined;
  const load = villagesPerLawyer(solution);
  const firmOfTown = new Map((solution.firmTowns ?? []).map((ft) => [ft.townId, ft.firmId]));

  solution.uncovered.forEach((u, i) => {
    const v = ix.villages.get(u.villageId);
    if (!v) return; // reported under REFERENCE
    const path = `uncovered[${i}].reason`;
    const wrong = (message: string) => out.push({ rule: 'COVERAGE', message: `village ${v.id} uncovered as "${u.reason}": ${message}`, villageId: v.id, path });
    const firmTown = ix.modeOfVillage(v) === 'firm-town';
    const townFirm = firmTown ? firmOfTown.get(v.townId) : undefined;

    if (u.reason === 'town-without-firm') {
      if (!firmTown) wrong(`its county is not in firm-town mode`);
      else if (townFirm !== undefined) wrong(`its town ${v.townId} is served by firm ${townFirm}`);
      return;
    }

    grid ??= practicingGrid(ix);
    let inRange = lawyersInRange(ix, grid, v);
    // In firm-town mode only the town's firm may serve the village.
    if (townFirm !== undefined) inRange = inRange.filter((c) => c.lawyer.firmId === townFirm);
    const unvetoed = inRange.filter((c) => ix.veto(v, c.lawyer) === undefined);
    const withRoom = unvetoed.filter((c) => (load.get(c.lawyer.id)?.size ?? 0) < ix.cap(c.lawyer));

    switch (u.reason) {
      case 'no-practicing-lawyer-in-range':
        if (inRange.length > 0) wrong(`practicing lawyers within ${ix.scenario.policy.maxTravelKm} km: ${names(inRange)}`);
        break;
      case 'vetoed-all':
        if (inRange.length === 0) wrong('no practicing lawyer is in range at all');
        else if (unvetoed.length > 0) wrong(`not vetoed either way: ${names(unvetoed)}`);
        break;
      case 'all-candidates-at-cap':
        if (unvetoed.length === 0) wrong(inRange.length === 0 ? 'no practicing lawyer is in range at all' : 'every lawyer in range is vetoed');
        else if (withRoom.length > 0) {
          const c = withRoom[0];
          wrong(`left uncovered needlessly: ${c.lawyer.id} (${c.km.toFixed(1)} km) advises ${load.get(c.lawyer.id)?.size ?? 0} villages, cap ${ix.cap(c.lawyer)}`);
        }
        break;
    }
  });
  return out;
}
