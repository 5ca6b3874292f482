import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Change } from '../../domain/changes.js';
import { Id, Weights } from '../../domain/index.js';
import type { DocumentWorker, RegionOutline } from '../../io/index.js';
import type { Store } from '../../store/types.js';
import type { Principal } from '../auth.js';
import type { JobRunner } from '../jobs.js';
import { forbidden, HttpProblem } from '../problem.js';
import { JobView, jobView } from './jobs.js';
import { insertVersion, scenarioParts, solutionParts, visibleSolution } from '../access.js';

export const ReplanRequest = z.strictObject({
  changes: z.array(Change).max(1000).default([]),
  /** the county that may change; a county key's own county by default */
  scope: Id.optional(),
  /** the new version's name; the scenario's by default */
  name: z.string().min(1).max(200).optional(),
  /** weights for this solve, over the solution's own (and any the changes set) */
  weights: Weights.partial().optional(),
});

/** The scenario's regions (ids, levels, parents) as the IO worker reads them. */
type Outline = { regions: RegionOutline[] };

/** The city a region lies in (itself when it is one). */
function cityOf(s: Outline, regionId: string): string | undefined {
  const regions = new Map(s.regions.map((r) => [r.id, r]));
  for (let r = regions.get(regionId), hops = 0; r && hops < 64; hops++) {
    if (r.level === 'city') return r.id;
    r = r.parentId === undefined ? undefined : regions.get(r.parentId);
  }
  return undefined;
}

/**
 * R6 scope by caller: a county key re-plans its own county only; a city key one county of its city
 * (its whole city when no scope is named); an admin any county, or everything when none is named.
 */
function resolveScope(p: Principal, asked: string | undefined, s: Outline): string | undefined {
  if (p.kind === 'county') {
    if (asked !== undefined && asked !== p.code) throw forbidden(`a county key may only re-plan its own county ${p.code}, not ${asked}`);
    return p.code;
  }
  if (asked === undefined) return p.kind === 'city' ? p.code : undefined;
  const region = s.regions.find((r) => r.id === asked);
  if (!region || region.level !== 'county') {
    throw new HttpProblem(422, 'Unprocessable Content', 'scope must be a county of the scenario', [
      { path: 'scope', message: region ? `region is a ${region.level}, not a county` : 'unknown county', value: asked },
    ]);
  }
  if (p.kind === 'city' && cityOf(s, asked) !== p.code) throw forbidden(`county ${asked} is not in the city key's city ${p.code}`);
  return asked;
}

/** SPEC §6, R6: re-plan from a solution after a change, touching only the scope. */
export const replanRoutes: FastifyPluginAsyncZod<{ store: Store; jobs: JobRunner; documents: DocumentWorker }> = async (app, { store, jobs, documents }) => {
  app.post(
    '/v1/solutions/:id/replan',
    {
      schema: {
        summary: '替换律师后重排(R6):按变更生成新版本,只在指定县内调整,提交求解任务',
        description:
          'Makes a new scenario version from the solution’s scenario: the changes applied, the solution as baseline ' +
          '(lawyers carried through replace-lawyer, removed lawyers’ entries dropped), every village outside `scope` pinned ' +
          'to its current adviser. Then solves it (202 + job). Pins that cannot hold come back as 422 with their paths.',
        params: z.object({ id: z.string().min(1).max(100) }),
        body: ReplanRequest.prefault({}),
        response: { 202: z.object({ jobId: z.string(), scenarioId: z.string(), scope: z.string().nullable(), job: JobView }) },
      },
    },
    async (request, reply) => {
      const { principal } = request;
      const { solution: rec, scenario: scenarioRec } = await visibleSolution(store, request.params.id, principal);
      // A place in the job queue first (429 when full), so that a refused re-plan stores no new version.
      const slot = jobs.reserveFor(request);
      // The documents are parsed, changed and checked in the IO worker (a province takes seconds).
      const scope = resolveScope(principal, request.body.scope, await documents.outline(await scenarioParts(store, scenarioRec.id)));
      const [scenarioDoc, solutionDoc] = await Promise.all([scenarioParts(store, scenarioRec.id), solutionParts(store, rec.id)]);
      const { scenario: next, weights: solutionWeights } = await documents.replan(scenarioDoc, solutionDoc, request.body.changes, scope);
      const version = await insertVersion(store, principal, scenarioRec.id, next, request.body.name);

      // The solution's weights stay, except where the changes or the request set others.
      const changed = request.body.changes.flatMap((c) => (c.op === 'set-policy' && c.set.weights ? [c.set.weights] : []));
      const weights = Object.assign({}, solutionWeights, ...changed, request.body.weights);
      const params = { solutionId: rec.id, scope: scope ?? null, changes: request.body.changes, weights };
      const job = await slot.submit({ kind: 'replan', scenarioId: version.id, params }, { kind: 'solve', options: { method: 'optimal', weights } });
      return reply
        .status(202)
        .header('location', `/v1/jobs/${job.id}`)
        .send({ jobId: job.id, scenarioId: version.id, scope: scope ?? null, job: jobView(job) });
    },
  );
};
