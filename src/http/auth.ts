import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { Store } from '../store/types.js';
import { HttpProblem } from './problem.js';

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

/** May this caller see or change something that covers these regions (city and county codes)? */
export function mayAccess(p: Principal, regions: readonly string[]): boolean {
  return p.kind === 'admin' || regions.includes(p.code);
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
  const record = await store.findApiKeyByHash(hashKey(key));
  if (!record) throw new HttpProblem(401, 'Unauthorized', 'unknown API key');
  return { ...parseScope(record.scope), keyId: record.id, label: record.label };
}

/** The scope as keys and jobs record it: `admin`, `city:<code>` or `county:<code>`. */
export const scopeText = (s: Scope): string => (s.kind === 'admin' ? 'admin' : `${s.kind}:${s.code}`);
