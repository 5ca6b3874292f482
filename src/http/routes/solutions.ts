import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { BLOCKING_PAIRS_PAGE, BlockingPair, compareBlockingPairs } from '../../domain/index.js';
import { decodePairCursor, encodePairCursor } from '../../store/cursor.js';
import type { Store } from '../../store/types.js';
import { loadScenario, loadSolution } from '../access.js';
import { documentSchema } from '../openapi.js';
import { notFound, rethrowBadCursor } from '../problem.js';
import type { PublicCard, PublicDirectory } from '../public-directory.js';
import { publishSolutionCards, unpublishSolutionCards } from '../publishing.js';

/** At most this many skipped villages are listed in a publication's answer; `skippedCount` gives them all. */
const LISTED = 200;

export const PublicationView = z.object({
  id: z.string(),
  /** villages whose public card now shows this solution's plan */
  published: z.number().int(),
  /** villages left as they were: owned by a county outside the key's region, or by another county than this scenario puts them in */
  skippedCount: z.number().int(),
  skipped: z.array(
    z.object({
      villageId: z.string(),
      reason: z.enum(['owned-elsewhere', 'out-of-scope', 'unplaced']),
      ownerCountyId: z.string().optional(),
    }),
  ),
  /** villages whose card this solution supplies now, in every region */
  publishedVillages: z.number().int(),
});

const CardFace = z.object({ adviser: z.string(), firm: z.string() });

export const PublishPreviewView = z.object({
  id: z.string(),
  /** villages whose card publishing now would set to this plan */
  published: z.number().int(),
  /** of those: no card yet, a different adviser or firm, the same adviser and firm */
  changes: z.object({ new: z.number().int(), changed: z.number().int(), unchanged: z.number().int() }),
  /** every village whose card would change (new or changed), by village id */
  villages: z.array(
    z.object({
      villageId: z.string(),
      name: z.string(),
      town: z.string().optional(),
      county: z.string().optional(),
      change: z.enum(['new', 'changed']),
      /** the card in force, and who published it */
      before: CardFace.extend({ publishedBy: z.string() }).nullable(),
      /** the card this plan gives; null when the plan leaves the village uncovered */
      after: CardFace.nullable(),
    }),
  ),
  skippedCount: z.number().int(),
  skipped: PublicationView.shape.skipped,
});

export const UnpublicationView = z.object({
  id: z.string(),
  /** villages whose card this solution supplied and no longer does */
  withdrawn: z.number().int(),
  publishedVillages: z.number().int(),
});

export const BlockingPairsPage = z.object({
  solutionId: z.string(),
  /** blocking pairs of the whole solution */
  count: z.number().int(),
  /** `[villageId, lawyerId]`, by village id then lawyer id */
  items: z.array(BlockingPair),
  /** the `after` of the next page; absent on the last one */
  next: z.string().optional(),
});

/** How many solutions' blocking pairs are kept parsed (solutions never change once stored). */
const PAIRS_CACHE = 8;

/** The first index of `pairs` (sorted by `compareBlockingPairs`) that comes strictly after `after`. */
export function indexAfter(pairs: readonly (readonly [string, string])[], after: readonly [string, string]): number {
  let lo = 0;
  let hi = pairs.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compareBlockingPairs(pairs[mid], after) <= 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export const solutionRoutes: FastifyPluginAsyncZod<{ store: Store; directory: PublicDirectory }> = async (app, { store, directory }) => {
  const params = z.object({ id: z.string().min(1).max(100) });
  const publishedCount = async (id: string) => (await store.countPublications([id])).get(id) ?? 0;

  app.get(
    '/v1/solutions/:id',
    {
      config: { access: { kind: 'solution', action: 'read' } },
      schema: {
        summary: '方案(ovola.solution/v1,附 id、scenarioId、createdAt、publishedVillages)',
        params,
        response: {
          200: documentSchema('SolutionRecord'),
        },
      },
    },
    async (request, reply) => {
      const solution = request.granted.solution!;
      const [body, published] = await Promise.all([store.getSolutionBody(solution.id), publishedCount(solution.id)]);
      if (!body) throw notFound('solution', solution.id);
      // The stored document is sent as it is, with the record's fields put in front: no re-parsing of megabytes.
      const head = JSON.stringify({ id: solution.id, scenarioId: solution.scenarioId, createdAt: solution.createdAt, publishedVillages: published });
      // sent as the stored text, never serialized: the response schema only describes it
      return reply.type('application/json; charset=utf-8').send(`${head.slice(0, -1)},${body.slice(1)}` as never);
    },
  );

  /** Blocking pairs by solution id, the most recently used last. */
  const pairsCache = new Map<string, [string, string][]>();
  async function blockingPairsOf(id: string): Promise<[string, string][]> {
    let pairs = pairsCache.get(id);
    if (pairs) {
      pairsCache.delete(id);
    } else {
      const body = await store.getSolutionBody(id);
      if (!body) throw notFound('solution', id);
      const listed = (JSON.parse(body) as { blockingPairs?: [string, string][] }).blockingPairs ?? [];
      // stored solutions list them in this order already; sorting a sorted list is cheap and makes paging safe either way
      pairs = listed.slice().sort(compareBlockingPairs);
    }
    pairsCache.set(id, pairs);
    while (pairsCache.size > PAIRS_CACHE) pairsCache.delete(pairsCache.keys().next().value!);
    return pairs;
  }

  app.get(
    '/v1/solutions/:id/blocking-pairs',
    {
      config: { access: { kind: 'solution', action: 'read' } },
      schema: {
        summary: '方案的阻塞对(分页):按村(社区)编号、律师编号排序',
        description:
          'The solution’s `blockingPairs` a page at a time, `[villageId, lawyerId]` sorted by village id then lawyer id (UTF-16 code units). ' +
          `\`limit\` pairs per page (${BLOCKING_PAIRS_PAGE.default} by default, at most ${BLOCKING_PAIRS_PAGE.max}); ` +
          'pass the answer’s `next` as `after` for the next page, until an answer has no `next`.',
        params,
        querystring: z.object({
          after: z.string().min(1).max(1000).optional(),
          limit: z.coerce.number().int().min(1).max(BLOCKING_PAIRS_PAGE.max).default(BLOCKING_PAIRS_PAGE.default),
        }),
        response: { 200: BlockingPairsPage },
      },
    },
    async (request) => {
      const solution = request.granted.solution!;
      const { after, limit } = request.query;
      let position: [string, string] | undefined;
      try {
        position = after === undefined ? undefined : decodePairCursor(after);
      } catch (err) {
        rethrowBadCursor(err, 'after');
      }
      const pairs = await blockingPairsOf(solution.id);
      const start = position ? indexAfter(pairs, position) : 0;
      const items = pairs.slice(start, start + limit);
      const more = start + items.length < pairs.length;
      return { solutionId: solution.id, count: pairs.length, items, ...(more ? { next: encodePairCursor(items[items.length - 1]) } : {}) };
    },
  );

  app.post(
    '/v1/solutions/:id/publish',
    {
      config: { access: { kind: 'solution', action: 'publish' } },
      schema: {
        summary: '发布方案:本辖区所属村(社区)的公开信息改为此方案,其他村(社区)不变',
        description:
          'Each village of the solution’s scenario whose public card the key may publish now shows this plan: the village’s owner county ' +
          '(the divisions registry’s, else the county that first published it) must lie in the key’s region and be the county this scenario ' +
          'puts the village in; a village no county owns yet is claimed for that county. Every other card stays as it was, and is listed in `skipped`.',
        params,
        body: z.strictObject({}).prefault({}),
        response: { 200: PublicationView },
      },
    },
    async (request) => {
      const solution = request.granted.solution!;
      const scenario = await loadScenario(store, solution.scenarioId);
      const outcome = await publishSolutionCards(store, request.principal, solution.id, scenario);
      await directory.reload(store);
      return {
        id: solution.id,
        published: outcome.published.length,
        skippedCount: outcome.skipped.length,
        skipped: outcome.skipped.slice(0, LISTED),
        publishedVillages: await publishedCount(solution.id),
      };
    },
  );

  app.get(
    '/v1/solutions/:id/publish-preview',
    {
      config: { access: { kind: 'solution', action: 'publish' } },
      schema: {
        summary: '发布预览:发布此方案将改变哪些村(社区)的公开信息(不作任何改动)',
        description:
          'What `POST /v1/solutions/:id/publish` would do now for this key, decided under the same rules and lock, with nothing written: ' +
          'each village whose public card would change, its card in force and the card this plan gives, and the villages that would be skipped.',
        params,
        response: { 200: PublishPreviewView },
      },
    },
    async (request) => {
      const solution = request.granted.solution!;
      const [scenario, plan] = await Promise.all([loadScenario(store, solution.scenarioId), loadSolution(store, solution.id)]);
      const outcome = await publishSolutionCards(store, request.principal, solution.id, scenario, { dryRun: true });
      const lawyers = new Map(scenario.lawyers.map((l) => [l.id, l]));
      const firms = new Map(scenario.firms.map((f) => [f.id, f.name]));
      const regions = new Map(scenario.regions.map((r) => [r.id, r]));
      const villages = new Map(scenario.villages.map((v) => [v.id, v]));
      const adviserOf = new Map(plan.assignments.map((a) => [a.villageId, a.lawyerId]));
      const counts = { new: 0, changed: 0, unchanged: 0 };
      const changed: z.infer<typeof PublishPreviewView>['villages'] = [];
      for (const villageId of outcome.published) {
        const lawyer = lawyers.get(adviserOf.get(villageId) ?? '');
        const after = lawyer ? { adviser: lawyer.name, firm: firms.get(lawyer.firmId) ?? '' } : null;
        const entry = directory.lookup(villageId);
        const card = entry ? (JSON.parse(entry.body.toString('utf8')) as PublicCard) : undefined;
        const before = card ? { adviser: card.adviser?.name ?? '', firm: card.adviser?.firm ?? '', publishedBy: card.publishedBy } : null;
        const change = !before ? 'new' : before.adviser === (after?.adviser ?? '') && before.firm === (after?.firm ?? '') ? 'unchanged' : 'changed';
        counts[change]++;
        if (change === 'unchanged') continue;
        const v = villages.get(villageId)!;
        const town = regions.get(v.townId);
        const county = town?.parentId ? regions.get(town.parentId) : undefined;
        changed.push({ villageId, name: v.name, ...(town ? { town: town.name } : {}), ...(county ? { county: county.name } : {}), change, before, after });
      }
      changed.sort((a, b) => (a.villageId < b.villageId ? -1 : a.villageId > b.villageId ? 1 : 0));
      return {
        id: solution.id,
        published: outcome.published.length,
        changes: counts,
        villages: changed,
        skippedCount: outcome.skipped.length,
        skipped: outcome.skipped.slice(0, LISTED),
      };
    },
  );

  app.delete(
    '/v1/solutions/:id/publish',
    {
      config: { access: { kind: 'solution', action: 'publish' } },
      schema: {
        summary: '撤销发布:撤下此方案在本辖区提供的公开信息(立即生效)',
        description: 'The cards this solution supplies for villages whose owner county lies in the key’s region leave the public look-up at once.',
        params,
        response: { 200: UnpublicationView },
      },
    },
    async (request) => {
      const solution = request.granted.solution!;
      const withdrawn = await unpublishSolutionCards(store, request.principal, solution.id);
      directory.drop(withdrawn);
      if (withdrawn.length > 0) await directory.reload(store);
      return { id: solution.id, withdrawn: withdrawn.length, publishedVillages: await publishedCount(solution.id) };
    },
  );
};
