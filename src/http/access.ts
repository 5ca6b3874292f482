import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { divisionIssues, InvalidDocumentError, parseScenario, parseSolution, type Placement, type Scenario, type Solution } from '../domain/index.js';
import type { CheckedScenario } from '../io/documents.js';
import { decodeParts } from '../store/parts.js';
import type { ScenarioRecord, Store } from '../store/types.js';
import type { Principal } from './auth.js';
import { assertCreate, assertDerived } from './policy.js';
import { notFound } from './problem.js';

/*
 * Views of stored records, parsed documents kept for reuse, and storing new scenarios under the
 * access rules of policy.ts (which decides who may see which record).
 */

/** The scenario record as the scenarios routes show it. */
export const ScenarioView = z.object({
  id: z.string(),
  parentId: z.string().nullable(),
  name: z.string(),
  createdAt: z.string(),
  regions: z.array(z.string()),
  summary: z.unknown(),
});

export const scenarioView = (r: ScenarioRecord): z.infer<typeof ScenarioView> => ({
  id: r.id,
  parentId: r.parentId,
  name: r.name,
  createdAt: r.createdAt,
  regions: r.regions,
  summary: r.summary,
});

/**
 * Parsed documents, a few of each kind. Stored scenarios and solutions never change, so a parse can be
 * reused by id; a province document takes about half a second to parse, which the event loop should
 * not pay on every explain or compare. Callers share these objects and must not change them.
 */
class ParsedCache<T> {
  private readonly entries = new Map<string, Promise<T>>();
  constructor(private readonly size: number) {}

  get(id: string, load: () => Promise<T>): Promise<T> {
    const hit = this.entries.get(id);
    if (hit) {
      this.entries.delete(id);
      this.entries.set(id, hit);
      return hit;
    }
    const loading = load();
    this.entries.set(id, loading);
    loading.catch(() => this.entries.delete(id));
    while (this.entries.size > this.size) this.entries.delete(this.entries.keys().next().value!);
    return loading;
  }
}

/** One cache per store, so two stores (tests) never share entries. */
const caches = new WeakMap<Store, { scenarios: ParsedCache<Scenario>; solutions: ParsedCache<Solution> }>();
function cachesOf(store: Store) {
  let c = caches.get(store);
  if (!c) caches.set(store, (c = { scenarios: new ParsedCache<Scenario>(4), solutions: new ParsedCache<Solution>(4) }));
  return c;
}

export function loadScenario(store: Store, id: string): Promise<Scenario> {
  return cachesOf(store).scenarios.get(id, async () => {
    const text = await store.getScenarioBody(id);
    if (!text) throw notFound('scenario', id);
    return parseScenario(JSON.parse(text));
  });
}

export function loadSolution(store: Store, id: string): Promise<Solution> {
  return cachesOf(store).solutions.get(id, async () => {
    const text = await store.getSolutionBody(id);
    if (!text) throw notFound('solution', id);
    return parseSolution(JSON.parse(text));
  });
}

/** A scenario refused by the divisions registry: a registered village or region placed elsewhere (422, every path named). */
async function checkRegistry(store: Store, placement: Placement): Promise<void> {
  const registered = await store.findDivisions(
    placement.regions.map((r) => r.id),
    placement.villageIds,
  );
  if (registered.regions.size === 0 && registered.villages.size === 0) return;
  const issues = divisionIssues(placement, registered);
  if (issues.length > 0) throw new InvalidDocumentError('scenario (against the divisions registry)', issues);
}

/**
 * Stores a new scenario (checked, summarised and as text from the IO worker): the caller's region must
 * hold every village of it, and the registry must agree.
 */
export async function createScenario(store: Store, principal: Principal, scenario: CheckedScenario, name?: string): Promise<ScenarioRecord> {
  const { summary, regions } = scenario;
  assertCreate(principal, { summary, regions });
  await checkRegistry(store, scenario.placement);
  // written a part at a time, each decoded only then
  return store.insertScenario({ id: randomUUID(), parentId: null, name: name ?? scenario.name, summary, regions }, decodeParts(scenario.parts));
}

/**
 * Stores a new version of `parent` (a scenario the caller may read), as the IO worker made it with what
 * it changes (`delta`): a city or county key may change only what lies in its region (`assertDerived`),
 * and the registry must agree.
 */
export async function deriveScenario(store: Store, principal: Principal, parent: ScenarioRecord, child: CheckedScenario, name?: string): Promise<ScenarioRecord> {
  const { summary, regions } = child;
  if (!child.delta) throw new Error('a new version comes with what it changes');
  assertDerived(principal, child.delta, parent, { summary });
  await checkRegistry(store, child.placement);
  return store.insertScenario({ id: randomUUID(), parentId: parent.id, name: name ?? child.name, summary, regions }, decodeParts(child.parts));
}

/** A stored scenario's document in parts, as the store reads them (text, not parsed), else 404. */
export async function scenarioParts(store: Store, id: string): Promise<AsyncIterable<string>> {
  const parts = await store.getScenarioParts(id);
  if (parts === undefined) throw notFound('scenario', id);
  return parts;
}

/** A stored solution's document in parts (text, not parsed), else 404. */
export async function solutionParts(store: Store, id: string): Promise<AsyncIterable<string>> {
  const parts = await store.getSolutionParts(id);
  if (parts === undefined) throw notFound('solution', id);
  return parts;
}
