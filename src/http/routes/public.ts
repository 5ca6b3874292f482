import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { notFound } from '../problem.js';
import type { PublicCard, PublicDirectory } from '../public-directory.js';

/** A village's public card (io/public-cards.ts `PublicCard`), as the document describes it. */
export const PublicCardView = z.object({
  village: z.object({ id: z.string(), name: z.string(), town: z.string().optional(), county: z.string().optional(), city: z.string().optional() }),
  adviser: z.object({ name: z.string(), firm: z.string(), phone: z.string().optional(), email: z.string().optional(), wechat: z.string().optional() }).nullable(),
  serviceContent: z.string(),
  serviceTimes: z.string(),
  nextVisits: z.array(
    z.object({
      date: z.string(),
      weekday: z.string(),
      start: z.string(),
      end: z.string(),
      kind: z.enum(['onsite', 'evening-school', 'weekend', 'remote']),
      kindName: z.string(),
    }),
  ),
  supervisingBureau: z.object({ bureau: z.string(), phone: z.string(), email: z.string() }).nullable(),
  complaintEmail: z.string().nullable(),
  publishedBy: z.string(),
  publishedAt: z.string(),
});
// the view and the card it describes stay one shape: a field added to either fails the type check
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const sameShape: Same<z.infer<typeof PublicCardView>, PublicCard> = true;
void sameShape;

/**
 * Headers of every public answer, fixed once (helmet per request costs this hot path about a third
 * of its throughput). The card is public JSON, not a page: `nosniff` is the security header that
 * matters for it; frame, referrer and HSTS policies belong to pages and to the TLS proxy in front.
 */
const PUBLIC_HEADERS = {
  'cache-control': 'public, max-age=300',
  'content-type': 'application/json; charset=utf-8',
  'x-content-type-options': 'nosniff',
};

/** R14: villagers look up their village's legal adviser; no key, served from memory. */
export const publicRoutes: FastifyPluginAsyncZod<{ directory: PublicDirectory; rateLimit: number }> = async (app, { directory, rateLimit }) => {
  app.get(
    '/v1/public/villages/:villageId',
    {
      helmet: false,
      config: { access: { kind: 'public' }, rateLimit: { max: rateLimit, timeWindow: '1 minute' } },
      schema: {
        summary: '公开查询:本村(社区)的法律顾问与联系方式',
        security: [],
        params: z.object({ villageId: z.string().min(1).max(100) }),
        response: { 200: PublicCardView, 304: z.null().describe('not modified: the card has the ETag sent in If-None-Match') },
      },
    },
    async (request, reply) => {
      const entry = directory.lookup(request.params.villageId);
      if (!entry) throw notFound('village with a published adviser', request.params.villageId);
      reply.headers(PUBLIC_HEADERS).header('etag', entry.etag);
      if (request.headers['if-none-match'] === entry.etag) return reply.status(304).send(undefined as never);
      // the card's UTF-8 bytes as encoded once, never serialized again
      return reply.send(entry.body as never);
    },
  );
};
