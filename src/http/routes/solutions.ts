import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Store } from '../../store/types.js';
import { visibleSolution } from '../access.js';
import type { Principal } from '../auth.js';
import { forbidden, notFound } from '../problem.js';
import type { PublicDirectory } from '../public-directory.js';

export const solutionRoutes: FastifyPluginAsyncZod<{ store: Store; directory: PublicDirectory }> = async (app, { store, directory }) => {
  const params = z.object({ id: z.string().min(1).max(100) });

  const visible = (id: string, principal: Principal) => visibleSolution(store, id, principal);

  app.get(
    '/v1/solutions/:id',
    { schema: { summary: '方案(ovola.solution/v1,附 id、scenarioId、createdAt)', params } },
    async (request, reply) => {
      const { solution } = await visible(request.params.id, request.principal);
      const body = await store.getSolutionBody(solution.id);
      if (!body) throw notFound('solution', solution.id);
      // The stored document is sent as it is, with the record's fields put in front: no re-parsing of megabytes.
      const head = JSON.stringify({ id: solution.id, scenarioId: solution.scenarioId, createdAt: solution.createdAt, publishedFor: solution.publishedFor });
      return reply.type('application/json; charset=utf-8').send(`${head.slice(0, -1)},${body.slice(1)}`);
    },
  );

  app.post(
    '/v1/solutions/:id/publish',
    {
      schema: {
        summary: '发布方案:设为其地区现行方案,供公开查询',
        params,
        body: z.strictObject({ region: z.string().min(1).max(64).optional() }).prefault({}),
        response: { 200: z.object({ id: z.string(), publishedFor: z.string(), villages: z.number() }) },
      },
    },
    async (request) => {
      const { solution, scenario } = await visible(request.params.id, request.principal);
      const { regions } = scenario;
      const p = request.principal;
      // The region in force: the one asked for, else the caller's own, else the scenario's first city.
      const region = request.body.region ?? (p.kind === 'admin' ? (regions[0] ?? '*') : p.code);
      if (!regions.includes(region) && region !== '*') throw forbidden(`the solution's scenario does not cover region ${region}`);
      if (p.kind !== 'admin' && region !== p.code) throw forbidden(`a ${p.kind} key may only publish for ${p.code}`);
      await store.publishSolution(solution.id, region);
      await directory.reload(store);
      return { id: solution.id, publishedFor: region, villages: directory.size };
    },
  );
};
