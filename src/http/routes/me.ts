import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { scopeText } from '../auth.js';

export const MeView = z.object({
  keyId: z.string(),
  label: z.string(),
  /** `admin`, `city:<code>` or `county:<code>` */
  scope: z.string(),
  kind: z.enum(['admin', 'city', 'county']),
  /** the region's code; absent for admin */
  code: z.string().optional(),
});

/** Who the key is: what the console shows in its header and uses to decide which screens to offer. */
export const meRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/v1/me',
    { config: { access: { kind: 'key' } }, schema: { summary: '当前密钥:标签与权限范围', response: { 200: MeView } } },
    async (request) => {
      const p = request.principal!;
      return { keyId: p.keyId, label: p.label, scope: scopeText(p), kind: p.kind, ...(p.kind === 'admin' ? {} : { code: p.code }) };
    },
  );
};
