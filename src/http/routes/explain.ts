import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { explainVillage } from '../../solver/explain.js';
import type { Store } from '../../store/types.js';
import { notFound } from '../problem.js';
import { loadScenario, loadSolution } from '../access.js';

const CostBreakdown = z.object({
  travel: z.number(),
  villageRank: z.number(),
  lawyerRank: z.number(),
  change: z.number(),
  total: z.number(),
  villageListPosition: z.number().nullable(),
  lawyerListPosition: z.number().nullable(),
});

const ExplainedLawyer = z.object({
  lawyerId: z.string(),
  name: z.string(),
  firmId: z.string(),
  firmName: z.string(),
  status: z.enum(['practicing', 'intern']),
  km: z.number(),
  role: z.enum(['adviser', 'member', 'candidate', 'ineligible']),
  cost: CostBreakdown.nullable(),
  load: z.number(),
  cap: z.number(),
  pinned: z.boolean(),
  reasons: z.array(z.string()),
});

export const VillageExplanationView = z.object({
  solutionId: z.string(),
  village: z.object({ id: z.string(), name: z.string(), townId: z.string(), countyId: z.string().nullable() }),
  adviserId: z.string().nullable(),
  uncovered: z.object({ reason: z.string(), detail: z.string() }).nullable(),
  summary: z.string(),
  maxTravelKm: z.number(),
  candidates: z.array(ExplainedLawyer),
});

/** Why a village has its adviser: the pair cost term by term and every lawyer it could have had. */
export const explainRoutes: FastifyPluginAsyncZod<{ store: Store }> = async (app, { store }) => {
  app.get(
    '/v1/solutions/:id/villages/:villageId/explain',
    {
      config: { access: { kind: 'solution', action: 'read' } },
      schema: {
        summary: '解释一个村(社区)的顾问:配对代价分项,其他候选律师及落选原因',
        description:
          'The adviser first, with the pair cost of docs/MODEL.md split into travel, village rank, lawyer rank and change; ' +
          'then every practicing lawyer within maxTravelKm who may serve the village, cheapest first, each with why they lost; ' +
          'then the nearest who may not (interns, other city, vetoed, beyond range).',
        params: z.object({ id: z.string().min(1).max(100), villageId: z.string().min(1).max(200) }),
        querystring: z.object({
          ineligible: z.coerce.number().int().min(0).max(100).default(5),
          beyond: z.coerce.number().int().min(0).max(100).default(3),
        }),
        response: { 200: VillageExplanationView },
      },
    },
    async (request) => {
      const { solution: rec, scenario: scenarioRec } = request.granted as Required<typeof request.granted>;
      const [scenario, solution] = await Promise.all([loadScenario(store, scenarioRec.id), loadSolution(store, rec.id)]);
      const out = explainVillage(scenario, solution, request.params.villageId, {
        ineligibleInRange: request.query.ineligible,
        beyondRange: request.query.beyond,
      });
      if (!out) throw notFound('village', request.params.villageId);
      return { solutionId: rec.id, ...out };
    },
  );
};
