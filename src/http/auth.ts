import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyBaseLogger, FastifyReply, FastifyRequest } from 'fastify';
import type { Store } from '../store/types.js';
import { HttpProblem } from './problem.js';
import { keyParamIn } from './redact.js';

/** What a key grants: everything, or one city or county (by region code). */
export type Scope = { kind: 'admin' } | { kind: 'city' | 'county'; code: string };

/** Who is calling: a key's scope, and which key (for the audit trail and per-key limits). */
export type Principal = Scope & {
  /** the stored key's id; `env` for the environment's admin key */
  keyId: string;
  /** the key's label as its bureau named it */
  label: string;
};

const SCOPE = /^(admin|(city|county):[A-Za-z0-9_-]{1,64})$/;

export function parseScope(scope: string): Scope {
  if (!SCOPE.test(scope)) throw new HttpProblem(400, 'Bad Request', `scope must be admin, city:<code> or county:<code>, got ${JSON.stringify(scope)}`);
  if (scope === 'admin') return { kind: 'admin' };
  const [kind, code] = scope.split(':') as ['city' | 'county', string];
  return { kind, code };
}

export const hashKey = (key: string) => createHash('sha256').update(key).digest('hex');
const digest = (key: string) => createHash('sha256').update(key, 'utf8').digest();

/** A new key: shown once, stored only as its hash. */
export function newKey(): string {
  return `ovk_${randomBytes(24).toString('base64url')}`;
}

/** Resolves the caller from `Authorization: Bearer …`: the environment's admin key, or a stored key. */
export async function authenticate(request: FastifyRequest, store: Store, adminKey: string | undefined): Promise<Principal> {
  const header = request.headers.authorization;
  const match = header ? /^Bearer\s+(\S+)$/i.exec(header) : null;
  if (!match) throw new HttpProblem(401, 'Unauthorized', 'send an API key as "Authorization: Bearer <key>"');
  const key = match[1];
  // The SHA-256 digests are compared, never the keys: equal lengths whatever was sent (a non-ASCII key
  // of the admin key's length made timingSafeEqual throw), and nothing about the key's length shows.
  if (adminKey !== undefined && timingSafeEqual(digest(adminKey), digest(key))) {
    return { kind: 'admin', keyId: 'env', label: 'OVOLA_ADMIN_KEY' };
  }
  // Looked up on every request, never cached: a revoked key is refused on its very next request.
  const record = await store.findApiKeyByHash(hashKey(key));
  if (!record) throw new HttpProblem(401, 'Unauthorized', 'unknown API key');
  if (record.revokedAt !== null) throw new HttpProblem(401, 'Unauthorized', 'this API key has been revoked');
  return { ...parseScope(record.scope), keyId: record.id, label: record.label };
}

/** The scope as keys and jobs record it: `admin`, `city:<code>` or `county:<code>`. */
export const scopeText = (s: Scope): string => (s.kind === 'admin' ? 'admin' : `${s.kind}:${s.code}`);

/**
 * onRequest, before anything else on every route (public ones too): a key in the query string is refused.
 * URLs end up in proxy logs, browser history and Referer headers; the log lines ovola writes itself show
 * such values as [REDACTED] (redact.ts).
 */
export function refuseKeyInQuery(request: FastifyRequest, _reply: FastifyReply, done: (err?: Error) => void): void {
  // The public look-up's hot path: a plain callback, and most URLs have no query at all.
  const name = request.url.includes('?') ? keyParamIn(request.url) : undefined;
  if (name === undefined) return done();
  done(
    new HttpProblem(400, 'Bad Request', 'send the key in the Authorization header ("Authorization: Bearer <key>"), never in the URL', [
      { path: `querystring.${name}`, message: 'API keys are not accepted in the query string' },
    ]),
  );
}

/**
 * A stored key's last use (`lastUsedAt`), written at most once per interval (a minute) per key, from memory:
 * a busy key costs one write a minute, not one per request. The write is never awaited by the request,
 * and a failed one is a warning in the log, never a failed request.
 */
export class KeyUse {
  readonly #last = new Map<string, number>();
  readonly #pending = new Set<Promise<void>>();

  constructor(
    private readonly store: Store,
    private readonly log: FastifyBaseLogger,
    private readonly intervalMs = 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** Notes a request authenticated by this principal's key (the environment's admin key is not stored). */
  record(p: Principal): void {
    if (p.keyId === 'env') return;
    const t = this.now();
    const last = this.#last.get(p.keyId);
    if (last !== undefined && t - last < this.intervalMs) return;
    this.#last.set(p.keyId, t);
    const write: Promise<void> = this.store
      .touchApiKey(p.keyId)
      .catch((err: unknown) => this.log.warn({ err, keyId: p.keyId }, "could not record the API key's last use"))
      .finally(() => this.#pending.delete(write));
    this.#pending.add(write);
  }

  /** Resolves once the writes begun so far are done (before the store closes). */
  async settled(): Promise<void> {
    await Promise.all(this.#pending);
  }
}
