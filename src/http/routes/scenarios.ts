import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Weights } from '../../domain/index.js';
import type { DocumentWorker } from '../../io/index.js';
import type { Store } from '../../store/types.js';
import { createScenario, ScenarioView, scenarioView } from '../access.js';
import { documentBody, pieces } from '../bodies.js';
import { documentSchema } from '../openapi.js';
import type { JobRunner } from '../jobs.js';
import type { PublicDirectory } from '../public-directory.js';
import { notFound } from '../problem.js';
import { JobView, jobView } from './jobs.js';

export const SolveRequest = z.strictObject({
  mode: z.enum(['optimal', 'stable']).default('optimal'),
  proposing: z.enum(['villages', 'lawyers']).default('villages'),
  /** the exact individual-mode solver needs no limit; kept for the integer-programming modes */
  timeLimitS: z.number().positive().max(3600).optional(),
  weights: Weights.partial().optional(),
});

export const scenarioRoutes: FastifyPluginAsyncZod<{ store: Store; jobs: JobRunner; directory: PublicDirectory; documents: DocumentWorker }> = async (
  app,
  { store, jobs, directory, documents },
) => {
  const params = z.object({ id: z.string().min(1).max(100) });

  app.post(
    '/v1/scenarios',
    {
      // the body limit is the document routes' (app.ts); the body arrives as bytes, checked in the IO worker
      config: { access: { kind: 'scenario-create' } },
      schema: {
        summary: '上传情景(ovola.scenario/v1)',
        description: 'The body is an ovola.scenario/v1 document (data/schema/scenario.v1.json). It is checked as a whole; every problem comes back at once with its path.',
        body: documentSchema('Scenario'),
        response: { 201: ScenarioView },
      },
    },
    async (request, reply) => {
      const rec = await createScenario(store, request.principal, await documents.checkScenario(pieces(documentBody(request.body))));
      return reply.status(201).header('location', `/v1/scenarios/${rec.id}`).send(scenarioView(rec));
    },
  );

  app.get(
    '/v1/scenarios',
    {
      config: { access: { kind: 'scenario-list' } },
      schema: {
        summary: '情景列表(新的在前,分页)',
        querystring: z.object({ limit: z.coerce.number().int().min(1).max(100).default(20), cursor: z.string().max(200).optional() }),
        response: { 200: z.object({ items: z.array(ScenarioView), nextCursor: z.string().optional() }) },
      },
    },
    async (request) => {
      const p = request.principal;
      const page = await store.listScenarios({ limit: request.query.limit, cursor: request.query.cursor, regions: p.kind === 'admin' ? undefined : [p.code] });
      return { items: page.items.map(scenarioView), ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}) };
    },
  );

  const read = { access: { kind: 'scenario', action: 'read' } } as const;

  app.get('/v1/scenarios/:id', { config: read, schema: { summary: '情景概要', params, response: { 200: ScenarioView } } }, async (request) =>
    scenarioView(request.granted.scenario!),
  );

  app.get('/v1/scenarios/:id/document', { config: read, schema: { summary: '情景文档(ovola.scenario/v1)', params, response: { 200: documentSchema('Scenario') } } }, async (request, reply) => {
    const body = await store.getScenarioBody(request.params.id);
    if (!body) throw notFound('scenario', request.params.id);
    return reply.type('application/json; charset=utf-8').send(body);
  });

  app.delete(
    '/v1/scenarios/:id',
    { config: { access: { kind: 'scenario', action: 'change' } }, schema: { summary: '删除情景及其方案、日历与任务;其方案发布的公开信息随即撤下', params, response: { 204: z.null().describe('deleted') } } },
    async (request, reply) => {
      const gone = directory.solutionsOf(request.params.id);
      await store.deleteScenario(request.params.id);
      // its published cards leave the look-up now, not at the next reload
      if (gone.size > 0) {
        directory.dropSolutions(gone);
        await directory.reload(store);
      }
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/v1/scenarios/:id/solve',
    {
      config: { access: { kind: 'scenario', action: 'change' } },
      schema: { summary: '提交求解任务(异步)', params, body: SolveRequest.prefault({}), response: { 202: z.object({ jobId: z.string(), job: JobView }) } },
    },
    async (request, reply) => {
      const rec = request.granted.scenario!;
      const body = request.body;
      const options = { method: body.mode, proposing: body.proposing, weights: body.weights, timeLimitS: body.timeLimitS };
      const job = await jobs.submit(request.principal, { kind: 'solve', scenarioId: rec.id, params: body }, { kind: 'solve', options });
      return reply.status(202).header('location', `/v1/jobs/${job.id}`).send({ jobId: job.id, job: jobView(job) });
    },
  );
};
