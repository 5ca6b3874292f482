import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Store } from '../../store/types.js';
import { HttpProblem } from '../problem.js';

export const healthRoutes: FastifyPluginAsyncZod<{ store: Store }> = async (app, { store }) => {
  app.get('/healthz', { config: { access: { kind: 'public' } }, schema: { summary: '进程存活', security: [], response: { 200: z.object({ status: z.literal('ok') }) } } }, async () => ({ status: 'ok' as const }));
  app.get('/readyz', { config: { access: { kind: 'public' } }, schema: { summary: '存储可用', security: [], response: { 200: z.object({ status: z.literal('ready') }) } } }, async () => {
    if (!(await store.ping().catch(() => false))) throw new HttpProblem(503, 'Service Unavailable', 'the store does not answer');
    return { status: 'ready' as const };
  });
};
