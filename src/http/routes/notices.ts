import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Store } from '../../store/types.js';
import { notFound } from '../problem.js';
import type { PublicCard, PublicDirectory } from '../public-directory.js';
import { PublicCardView } from './public.js';

/** At most this many cards in one notice: a county has a few hundred villages, the largest some 1,100. */
const MAX_CARDS = 5_000;

/**
 * The notice (公示) a county posts on every village's board: the cards in force for its villages, as the
 * public look-up serves them. Their content is public already; a key is asked so that the look-up's
 * phone numbers are not listed county by county to anyone.
 */
export const noticeRoutes: FastifyPluginAsyncZod<{ store: Store; directory: PublicDirectory }> = async (app, { store, directory }) => {
  app.get(
    '/v1/notices/:countyId',
    {
      config: { access: { kind: 'key' } },
      schema: {
        summary: '县(市、区)公示:本县各村(社区)现行的公开信息,供打印张贴',
        params: z.object({ countyId: z.string().min(1).max(100) }),
        response: {
          200: z.object({
            countyId: z.string(),
            county: z.string().optional(),
            city: z.string().optional(),
            /** cards in force, by town then village */
            items: z.array(PublicCardView),
          }),
        },
      },
    },
    async (request) => {
      const { countyId } = request.params;
      const villages = (await store.listPublications()).filter((p) => p.countyId === countyId).map((p) => p.villageId);
      const items: PublicCard[] = [];
      for (const id of villages.slice(0, MAX_CARDS)) {
        const entry = directory.lookup(id);
        if (entry) items.push(JSON.parse(entry.body.toString('utf8')) as PublicCard);
      }
      if (items.length === 0) throw notFound('county with published cards', countyId);
      const collator = new Intl.Collator('zh-CN');
      items.sort((a, b) => collator.compare(a.village.town ?? '', b.village.town ?? '') || collator.compare(a.village.name, b.village.name) || (a.village.id < b.village.id ? -1 : 1));
      return { countyId, county: items[0].village.county, city: items[0].village.city, items };
    },
  );
};
