import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { notFound } from '../problem.js';
import type { PublicDirectory } from '../public-directory.js';

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
      },
    },
    async (request, reply) => {
      const entry = directory.lookup(request.params.villageId);
      if (!entry) throw notFound('village with a published adviser', request.params.villageId);
      reply.headers(PUBLIC_HEADERS).header('etag', entry.etag);
      if (request.headers['if-none-match'] === entry.etag) return reply.status(304).send();
      return reply.send(entry.body);
    },
  );
};
