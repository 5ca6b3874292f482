import { randomUUID } from 'node:crypto';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { StoreError } from '../../store/errors.js';
import type { ApiKeyRecord, Store } from '../../store/types.js';
import { hashKey, newKey, parseScope, type Scope } from '../auth.js';
import { notFound, rethrowBadCursor } from '../problem.js';

/** The route options every admin-only route shares (policy.ts refuses other keys with 403 before their input is read). */
export const adminOnly = { config: { access: { kind: 'admin' } } } as const;

/** A key as listed: never the key or its hash. */
export const KeyView = z.object({
  id: z.string(),
  label: z.string(),
  /** `admin`, `city:<code>` or `county:<code>` */
  scope: z.string(),
  createdAt: z.string(),
  /** the last request it authenticated, to the minute; null: never used */
  lastUsedAt: z.string().nullable(),
  /** when it was revoked; null: in force */
  revokedAt: z.string().nullable(),
});

const keyView = (k: ApiKeyRecord): z.infer<typeof KeyView> => ({
  id: k.id,
  label: k.label,
  scope: k.scope,
  createdAt: k.createdAt,
  lastUsedAt: k.lastUsedAt,
  revokedAt: k.revokedAt,
});

/** A scope as `parseScope` reads it: `admin`, `city:<code>` or `county:<code>`. */
export const ScopeText = z.string().superRefine((text, ctx) => {
  try {
    parseScope(text);
  } catch {
    ctx.addIssue({ code: 'custom', message: `expected admin, city:<code> or county:<code> (code: letters, digits, _ or -), got ${JSON.stringify(text.slice(0, 80))}` });
  }
});

/** A key's label as its bureau names it: 1–200 characters, no control or format characters. */
export const KeyLabel = z
  .string()
  .trim()
  .min(1, 'give the key a label, e.g. the bureau that holds it')
  .max(200)
  .regex(/^[^\p{Cc}\p{Cf}\p{Zl}\p{Zp}]*$/u, 'no control or format characters');

export const CreateKeyRequest = z.strictObject({ scope: ScopeText, label: KeyLabel });

/** The region a key's scope names, for the audit trail; none for admin keys. */
const regionOf = (s: Scope) => (s.kind === 'admin' ? undefined : s.code);

/** Keys as a bureau manages them: listed, made (shown once) and revoked by an admin key. */
export const keyRoutes: FastifyPluginAsyncZod<{ store: Store }> = async (app, { store }) => {
  app.get(
    '/v1/keys',
    {
      ...adminOnly,
      schema: {
        summary: 'API 密钥列表(新的在前,分页;含已吊销的;仅管理员)',
        description: 'Every key, revoked ones too, newest first; never the key itself. `lastUsedAt` is written at most once a minute.',
        querystring: z.strictObject({ limit: z.coerce.number().int().min(1).max(100).default(50), cursor: z.string().min(1).max(500).optional() }),
        response: { 200: z.object({ items: z.array(KeyView), nextCursor: z.string().optional() }) },
      },
    },
    async (request) => {
      const page = await store.listApiKeys({ limit: request.query.limit, cursor: request.query.cursor }).catch(rethrowBadCursor);
      return { items: page.items.map(keyView), ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}) };
    },
  );

  app.post(
    '/v1/keys',
    {
      ...adminOnly,
      schema: {
        summary: '新建 API 密钥(仅此一次显示密钥;仅管理员)',
        description:
          'Makes a key for a bureau: `scope` is `admin`, `city:<code>` or `county:<code>` (the key sees and changes only that region), `label` names its holder. ' +
          'The answer carries the key itself, shown this once: only its hash is stored.',
        body: CreateKeyRequest,
        response: {
          201: z.object({ key: z.string(), id: z.string(), scope: z.string(), label: z.string(), createdAt: z.string() }),
        },
      },
    },
    async (request, reply) => {
      const { scope, label } = request.body;
      const key = newKey();
      const rec = await store.insertApiKey({ id: randomUUID(), scope, label }, hashKey(key));
      Object.assign(request.audit, { target: rec.id, region: regionOf(parseScope(scope)), detail: `created a ${scope} key "${label}"` });
      return reply
        .status(201)
        .header('cache-control', 'no-store')
        .send({ key, id: rec.id, scope: rec.scope, label: rec.label, createdAt: rec.createdAt });
    },
  );

  app.delete(
    '/v1/keys/:id',
    {
      ...adminOnly,
      schema: {
        summary: '吊销 API 密钥(下一个请求起即失效;仅管理员)',
        description: 'The key authenticates no request from now on (401); it stays listed with `revokedAt`. Revoking it again is fine.',
        params: z.object({ id: z.string().min(1).max(100) }),
        response: { 204: z.null().describe('revoked') },
      },
    },
    async (request, reply) => {
      const rec = await store.revokeApiKey(request.params.id).catch((err: unknown) => {
        throw err instanceof StoreError && err.code === 'not_found' ? notFound('API key', request.params.id) : err;
      });
      Object.assign(request.audit, { region: regionOf(parseScope(rec.scope)), detail: `revoked the ${rec.scope} key "${rec.label}"` });
      return reply.status(204).send(null);
    },
  );
};
