import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { parseScenario, parseSolution, type Scenario, type Solution } from '../domain/index.js';
import type { CheckedScenario } from '../io/documents.js';
import { decodeParts } from '../store/parts.js';
import type { CalendarRecord, JobRecord, ScenarioRecord, SolutionRecord, Store } from '../store/types.js';
import { mayAccess, type Principal } from './auth.js';
import { forbidden, notFound } from './problem.js';

/*
 * What a caller may see: a record whose scenario lies outside the caller's region answers 404,
 * as if it did not exist. Every route looks records up through these.
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

/** A scenario the caller may see, else 404 (as if it did not exist). */
export async function visibleScenario(store: Store, id: string, principal: Principal): Promise<ScenarioRecord> {
  const rec = await store.getScenario(id);
  if (!rec || !mayAccess(principal, rec.regions)) throw notFound('scenario', id);
  return rec;
}

/** A solution the caller may see (its scenario lies in their region), with its scenario's record; else 404. */
export async function visibleSolution(store: Store, id: string, principal: Principal): Promise<{ solution: SolutionRecord; scenario: ScenarioRecord }> {
  const solution = await store.getSolution(id);
  const scenario = solution ? await store.getScenario(solution.scenarioId) : undefined;
  if (!solution || !scenario || !mayAccess(principal, scenario.regions)) throw notFound('solution', id);
  return { solution, scenario };
}

/** A calendar the caller may see (its scenario lies in their region); else 404. */
export async function visibleCalendar(store: Store, id: string, principal: Principal): Promise<{ calendar: CalendarRecord; scenario: ScenarioRecord }> {
  const calendar = await store.getCalendar(id);
  const scenario = calendar ? await store.getScenario(calendar.scenarioId) : undefined;
  if (!calendar || !scenario || !mayAccess(principal, scenario.regions)) throw notFound('calendar', id);
  return { calendar, scenario };
}

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

/**
 * Stores a scenario (new, or derived from `parentId`), refusing one outside the caller's region. The
 * scenario comes checked, summarised and as text from the IO worker (DocumentWorker).
 */
export async function insertVersion(store: Store, principal: Principal, parentId: string | null, scenario: CheckedScenario, name?: string): Promise<ScenarioRecord> {
  const { summary, regions } = scenario;
  if (principal.kind !== 'admin' && !regions.includes(principal.code)) {
    throw forbidden(`a ${principal.kind} key may only store scenarios of its own region ${principal.code}`);
  }
  // written a part at a time, each decoded only then
  return store.insertScenario({ id: randomUUID(), parentId, name: name ?? scenario.name, summary, regions }, decodeParts(scenario.parts));
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

/** A job the caller may see (its scenario lies in their region); else 404. */
export async function visibleJob(store: Store, jobId: string, principal: Principal): Promise<JobRecord> {
  const job = await store.getJob(jobId);
  const scenario = job ? await store.getScenario(job.scenarioId) : undefined;
  if (!job || !scenario || !mayAccess(principal, scenario.regions)) throw notFound('job', jobId);
  return job;
}
