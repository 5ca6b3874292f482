import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AuditRecord, Store } from '../../store/types.js';
import type { AuditTrail } from '../audit.js';
import { rethrowBadCursor } from '../problem.js';
import { adminOnly } from './keys.js';

export const AuditView = z.object({
  id: z.string(),
  at: z.string(),
  /** the key's id: `env` for OVOLA_ADMIN_KEY, `cli` for the command line; null when no key was accepted */
  keyId: z.string().nullable(),
  keyLabel: z.string().nullable(),
  scope: z.string().nullable(),
  /** the HTTP method, or `CLI` */
  method: z.string(),
  /** the route's pattern, e.g. `/v1/solutions/:id/publish`, or the CLI command, e.g. `keys revoke` */
  route: z.string(),
  target: z.string().nullable(),
  region: z.string().nullable(),
  /** the HTTP status, or the CLI's exit code */
  status: z.number(),
  detail: z.string().nullable(),
});

const auditView = (a: AuditRecord): z.infer<typeof AuditView> => ({
  id: a.id,
  at: a.at,
  keyId: a.keyId,
  keyLabel: a.keyLabel,
  scope: a.scope,
  method: a.method,
  route: a.route,
  target: a.target,
  region: a.region,
  status: a.status,
  detail: a.detail,
});

const Instant = z.iso.datetime({ offset: true, message: 'expected an ISO-8601 timestamp, e.g. 2026-03-01T00:00:00+08:00' });

export const AuditQuery = z
  .strictObject({
    limit: z.coerce.number().int().min(1).max(500).default(100),
    cursor: z.string().min(1).max(500).optional(),
    /** a city or county code */
    region: z.string().min(1).max(64).optional(),
    /** inclusive */
    from: Instant.optional(),
    /** exclusive */
    to: Instant.optional(),
    keyId: z.string().min(1).max(100).optional(),
  })
  .superRefine((q, ctx) => {
    if (q.from !== undefined && q.to !== undefined && Date.parse(q.to) <= Date.parse(q.from)) {
      ctx.addIssue({ code: 'custom', path: ['to'], message: `must be later than from (${q.from})` });
    }
  });

/** Who wrote what: the audit trail, newest first (admin only). */
export const auditRoutes: FastifyPluginAsyncZod<{ store: Store; audit: AuditTrail }> = async (app, { store, audit }) => {
  app.get(
    '/v1/audit',
    {
      ...adminOnly,
      schema: {
        summary: '审计记录:每次写操作的时间、密钥、路由、对象、地区与结果(新的在前,分页;仅管理员)',
        description:
          'One row per write through the API (every method but GET and HEAD under /v1/, the public look-up aside; refused ones too) and per key made or revoked with the CLI. ' +
          'Filters: `region` (city or county code), `keyId`, `from` (inclusive) and `to` (exclusive) as ISO-8601 timestamps.',
        querystring: AuditQuery,
        response: { 200: z.object({ items: z.array(AuditView), nextCursor: z.string().optional() }) },
      },
    },
    async (request) => {
      // the caller's own writes just before this request are in the list
      await audit.settled();
      const { limit, cursor, region, from, to, keyId } = request.query;
      const page = await store.listAudit({ limit, cursor, region, from, to, keyId }).catch(rethrowBadCursor);
      return { items: page.items.map(auditView), ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}) };
    },
  );
};
