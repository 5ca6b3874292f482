import { type Place, ScenarioPlaces } from './places.js';
import type { Scenario } from './scenario.js';

/** One village, lawyer, firm or region that a new version adds, removes or changes, and where it lies before and after. */
export interface Touched {
  id: string;
  /** where it lay in the parent; absent when the version adds it */
  before?: Place;
  /** where it lies in the new version; absent when the version removes it */
  after?: Place;
}

/**
 * What a new version of a scenario changes, by what it belongs to: villages and regions lie where the
 * region tree puts them, lawyers and firms where their firm's region lies. Preferences, pins, the
 * baseline and road figures are left out: they follow the villages and lawyers they name (a version
 * changes them only through those, or through a re-plan's pins that hold the rest in place).
 */
export interface ScenarioDelta {
  villages: Touched[];
  lawyers: Touched[];
  firms: Touched[];
  regions: Touched[];
  /** the policy, the year or the notice texts changed: these concern every village of the scenario */
  shared: string[];
}

function touched<T extends { id: string }>(before: readonly T[], after: readonly T[], placeBefore: (x: T) => Place, placeAfter: (x: T) => Place): Touched[] {
  const old = new Map(before.map((x) => [x.id, x]));
  const out: Touched[] = [];
  for (const x of after) {
    const was = old.get(x.id);
    old.delete(x.id);
    if (was && JSON.stringify(was) === JSON.stringify(x) && samePlace(placeBefore(was), placeAfter(x))) continue;
    out.push({ id: x.id, ...(was ? { before: placeBefore(was) } : {}), after: placeAfter(x) });
  }
  for (const was of old.values()) out.push({ id: was.id, before: placeBefore(was) });
  return out;
}

const samePlace = (a: Place, b: Place) => a.countyId === b.countyId && a.cityId === b.cityId;

/** What `child` changes of `parent` (see `ScenarioDelta`). */
export function scenarioDelta(parent: Scenario, child: Scenario): ScenarioDelta {
  const p = new ScenarioPlaces(parent);
  const c = new ScenarioPlaces(child);
  const shared: string[] = [];
  if (JSON.stringify(parent.policy) !== JSON.stringify(child.policy)) shared.push('policy');
  if (parent.year !== child.year) shared.push('year');
  if (JSON.stringify(parent.notice ?? null) !== JSON.stringify(child.notice ?? null)) shared.push('notice');
  return {
    villages: touched(parent.villages, child.villages, (v) => p.village(v), (v) => c.village(v)),
    lawyers: touched(parent.lawyers, child.lawyers, (l) => p.firm(l.firmId), (l) => c.firm(l.firmId)),
    firms: touched(parent.firms, child.firms, (f) => p.firm(f.id), (f) => c.firm(f.id)),
    regions: touched(parent.regions, child.regions, (r) => p.tree.place(r.id), (r) => c.tree.place(r.id)),
    shared,
  };
}
