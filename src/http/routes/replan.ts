import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Change } from '../../domain/changes.js';
import { Id, Weights } from '../../domain/index.js';
import type { DocumentWorker } from '../../io/index.js';
import type { Store } from '../../store/types.js';
import type { JobRunner } from '../jobs.js';
import { replanScope } from '../policy.js';
import { JobView, jobView } from './jobs.js';
import { deriveScenario, scenarioParts, solutionParts } from '../access.js';

export const ReplanRequest = z.strictObject({
  changes: z.array(Change).max(1000).default([]),
  /** the county that may change; a county key's own county by default */
  scope: Id.optional(),
  /** the new version's name; the scenario's by default */
  name: z.string().min(1).max(200).optional(),
  /** weights for this solve, over the solution's own (and any the changes set) */
  weights: Weights.partial().optional(),
});

/** SPEC §6, R6: re-plan from a solution after a change, touching only the scope. */
export const replanRoutes: FastifyPluginAsyncZod<{ store: Store; jobs: JobRunner; documents: DocumentWorker }> = async (app, { store, jobs, documents }) => {
  app.post(
    '/v1/solutions/:id/replan',
    {
      config: { access: { kind: 'solution', action: 'derive' } },
      schema: {
        summary: '替换律师后重排(R6):按变更生成新版本,只在指定县内调整,提交求解任务',
        description:
          'Makes a new scenario version from the solution’s scenario: the changes applied, the solution as baseline ' +
          '(lawyers carried through replace-lawyer; a removed lawyer’s villages stay in the baseline as vacated), every village outside `scope` pinned ' +
          'to its current adviser. Then solves it (202 + job). Pins that cannot hold come back as 422 with their paths.',
        params: z.object({ id: z.string().min(1).max(100) }),
        body: ReplanRequest.prefault({}),
        response: { 202: z.object({ jobId: z.string(), scenarioId: z.string(), scope: z.string().nullable(), job: JobView }) },
      },
    },
    async (request, reply) => {
      const { principal } = request;
      const { solution: rec, scenario: scenarioRec } = request.granted as Required<typeof request.granted>;
      // A place in the job queue first (429 when full), so that a refused re-plan stores no new version.
      const slot = jobs.reserveFor(request);
      // The documents are parsed, changed and checked in the IO worker (a province takes seconds).
      const scope = replanScope(principal, request.body.scope, await documents.outline(await scenarioParts(store, scenarioRec.id)));
      const [scenarioDoc, solutionDoc] = await Promise.all([scenarioParts(store, scenarioRec.id), solutionParts(store, rec.id)]);
      const { scenario: next, weights: solutionWeights } = await documents.replan(scenarioDoc, solutionDoc, request.body.changes, scope);
      const version = await deriveScenario(store, principal, scenarioRec, next, request.body.name);

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
