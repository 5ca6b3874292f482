import { randomUUID } from 'node:crypto';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { applyChanges, Change } from '../../domain/changes.js';
import { parseScenario, parseSolution, type Scenario, type Solution } from '../../domain/index.js';
import type { ScenarioRecord, SolutionRecord, Store } from '../../store/types.js';
import { mayAccess, type Principal } from '../auth.js';
import { forbidden, notFound } from '../problem.js';
import { summarize } from '../summary.js';

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

export async function loadScenario(store: Store, id: string): Promise<Scenario> {
  const text = await store.getScenarioBody(id);
  if (!text) throw notFound('scenario', id);
  return parseScenario(JSON.parse(text));
}

export async function loadSolution(store: Store, id: string): Promise<Solution> {
  const text = await store.getSolutionBody(id);
  if (!text) throw notFound('solution', id);
  return parseSolution(JSON.parse(text));
}

/** Stores a derived scenario, refusing one that leaves the caller's region. */
export async function insertVersion(store: Store, principal: Principal, parentId: string, scenario: Scenario, name?: string): Promise<ScenarioRecord> {
  const { summary, regions } = summarize(scenario);
  if (principal.kind !== 'admin' && !regions.includes(principal.code)) {
    throw forbidden(`the new version would leave the ${principal.kind} key's region ${principal.code}`);
  }
  return store.insertScenario({ id: randomUUID(), parentId, name: name ?? scenario.name, summary, regions }, JSON.stringify(scenario));
}

export const VersionRequest = z.strictObject({
  changes: z.array(Change).min(1).max(1000),
  /** the new version's name; the parent's by default */
  name: z.string().min(1).max(200).optional(),
});

/** SPEC §6: scenarios change by new versions; a stored scenario is never edited. */
export const versionRoutes: FastifyPluginAsyncZod<{ store: Store }> = async (app, { store }) => {
  app.post(
    '/v1/scenarios/:id/versions',
    {
      schema: {
        summary: '由变更生成情景新版本:替换、移除、新增律师,修改村(社区),调整政策',
        description:
          'Applies the changes in order to the scenario and stores the result as a new scenario whose parentId is this one. ' +
          'replace-lawyer hands the old lawyer’s baseline entries, pins and ranking places to the replacement. ' +
          'Every problem is reported with its path, e.g. changes[2].lawyerId.',
        params: z.object({ id: z.string().min(1).max(100) }),
        body: VersionRequest,
        response: { 201: ScenarioView },
      },
    },
    async (request, reply) => {
      const parent = await visibleScenario(store, request.params.id, request.principal);
      const next = applyChanges(await loadScenario(store, parent.id), request.body.changes);
      const rec = await insertVersion(store, request.principal, parent.id, next, request.body.name);
      return reply.status(201).header('location', `/v1/scenarios/${rec.id}`).send(scenarioView(rec));
    },
  );
};
