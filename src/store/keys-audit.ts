/**
 * API keys and the audit trail (issue 13): the queries behind the `Store` methods of that name. The
 * store class delegates here with its connection and its clock, so it keeps only one-line methods.
 */
import { randomBytes } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import { decodeCursor, encodeCursor } from './cursor.js';
import { StoreError } from './errors.js';
import type { ApiKeysTable, AuditTable, Database } from './schema.js';
import type { ApiKeyRecord, AuditQuery, AuditRecord, NewAuditRecord, Page } from './types.js';

const API_KEY_COLUMNS = ['id', 'scope', 'label', 'created_at', 'last_used_at', 'revoked_at'] as const;
type ApiKeyRow = Pick<Selectable<ApiKeysTable>, (typeof API_KEY_COLUMNS)[number]>;

/** Throws `StoreError` `conflict` when the id or the hash is taken. */
export async function insertApiKey(db: Kysely<Database>, now: string, rec: Pick<ApiKeyRecord, 'id' | 'scope' | 'label'>, keyHash: string): Promise<ApiKeyRecord> {
  const row: ApiKeyRow = { id: rec.id, scope: rec.scope, label: rec.label, created_at: now, last_used_at: null, revoked_at: null };
  await db
    .insertInto('api_keys')
    .values({ ...row, key_hash: keyHash })
    .execute();
  return toApiKey(row);
}

/** The key with this hash, revoked or not (`revokedAt` says); undefined when there is none. */
export async function findApiKeyByHash(db: Kysely<Database>, keyHash: string): Promise<ApiKeyRecord | undefined> {
  const row = await db.selectFrom('api_keys').select(API_KEY_COLUMNS).where('key_hash', '=', keyHash).executeTakeFirst();
  return row && toApiKey(row);
}

export async function countApiKeys(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom('api_keys')
    .select((eb) => eb.fn.countAll<number | string | bigint>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Every key, revoked ones too, newest first by (createdAt, id). */
export async function listApiKeys(db: Kysely<Database>, opts: { limit: number; cursor?: string }): Promise<Page<ApiKeyRecord>> {
  checkLimit(opts.limit);
  const after = opts.cursor === undefined ? undefined : decodeCursor(opts.cursor);
  let query = db.selectFrom('api_keys').select(API_KEY_COLUMNS);
  if (after) {
    query = query.where((eb) => eb.or([eb('created_at', '<', after.createdAt), eb.and([eb('created_at', '=', after.createdAt), eb('id', '<', after.id)])]));
  }
  const rows = await query
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(opts.limit + 1)
    .execute();
  return page(rows.map(toApiKey), opts.limit, (k) => ({ createdAt: k.createdAt, id: k.id }));
}

/**
 * Marks the key revoked and returns it. Revoking a revoked key is fine and keeps the first time.
 * Throws `StoreError` `not_found` when there is no such key.
 */
export async function revokeApiKey(db: Kysely<Database>, now: string, id: string): Promise<ApiKeyRecord> {
  return db.transaction().execute(async (trx) => {
    await trx
      .updateTable('api_keys')
      .set((eb) => ({ revoked_at: eb.fn.coalesce('revoked_at', eb.val(now)) }))
      .where('id', '=', id)
      .execute();
    const row = await trx.selectFrom('api_keys').select(API_KEY_COLUMNS).where('id', '=', id).executeTakeFirst();
    if (!row) throw new StoreError('not_found', `API key ${id} not found`);
    return toApiKey(row);
  });
}

/** Records that the key was just used; a key that does not exist is left alone. */
export async function touchApiKey(db: Kysely<Database>, now: string, id: string): Promise<void> {
  await db.updateTable('api_keys').set({ last_used_at: now }).where('id', '=', id).execute();
}

/** The millisecond of the last audit id made here, and how many were made in it. */
let lastMs = -1;
let seq = 0;

/**
 * An audit row's id: its time (ms, hex), a sequence within that millisecond, then random bits. Rows are
 * listed by (at, id), so rows written in one millisecond by this process keep their order.
 */
function auditId(at: string): string {
  const ms = Date.parse(at);
  seq = ms === lastMs ? seq + 1 : 0;
  lastMs = ms;
  return `${ms.toString(16).padStart(12, '0')}-${seq.toString(16).padStart(6, '0')}-${randomBytes(6).toString('hex')}`;
}

export async function insertAudit(db: Kysely<Database>, now: string, rec: NewAuditRecord): Promise<AuditRecord> {
  const row: Selectable<AuditTable> = {
    id: auditId(now),
    at: now,
    key_id: rec.keyId,
    key_label: rec.keyLabel,
    scope: rec.scope,
    method: rec.method,
    route: rec.route,
    target: rec.target,
    region: rec.region,
    status: rec.status,
    detail: rec.detail,
  };
  await db.insertInto('audit').values(row).execute();
  return toAudit(row);
}

/**
 * The trail newest first by (at, id), filtered: `region` and `keyId` exactly, `from` inclusive and `to`
 * exclusive (ISO-8601 timestamps; any offset, compared as instants).
 */
export async function listAudit(db: Kysely<Database>, opts: AuditQuery): Promise<Page<AuditRecord>> {
  checkLimit(opts.limit);
  const after = opts.cursor === undefined ? undefined : decodeCursor(opts.cursor);
  const from = opts.from === undefined ? undefined : instant(opts.from, 'from');
  const to = opts.to === undefined ? undefined : instant(opts.to, 'to');
  let query = db.selectFrom('audit').selectAll();
  if (opts.region !== undefined) query = query.where('region', '=', opts.region);
  if (opts.keyId !== undefined) query = query.where('key_id', '=', opts.keyId);
  if (from !== undefined) query = query.where('at', '>=', from);
  if (to !== undefined) query = query.where('at', '<', to);
  if (after) {
    query = query.where((eb) => eb.or([eb('at', '<', after.createdAt), eb.and([eb('at', '=', after.createdAt), eb('id', '<', after.id)])]));
  }
  const rows = await query
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .limit(opts.limit + 1)
    .execute();
  return page(rows.map(toAudit), opts.limit, (a) => ({ createdAt: a.at, id: a.id }));
}

// --- helpers ----------------------------------------------------------------------------------

function checkLimit(limit: number): void {
  if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`limit must be a positive integer, got ${limit}`);
}

/** A timestamp as the store writes them (`toISOString`), so text order is time order. */
function instant(text: string, name: string): string {
  const t = Date.parse(text);
  if (Number.isNaN(t)) throw new RangeError(`${name} must be an ISO-8601 timestamp, got ${JSON.stringify(text)}`);
  return new Date(t).toISOString();
}

/** The first `limit` of `limit + 1` rows, and a cursor when there were more. */
function page<T>(items: T[], limit: number, position: (last: T) => { createdAt: string; id: string }): Page<T> {
  if (items.length <= limit) return { items };
  const shown = items.slice(0, limit);
  return { items: shown, nextCursor: encodeCursor(position(shown[shown.length - 1])) };
}

function toApiKey(row: ApiKeyRow): ApiKeyRecord {
  return { id: row.id, scope: row.scope, label: row.label, createdAt: row.created_at, lastUsedAt: row.last_used_at, revokedAt: row.revoked_at };
}

function toAudit(row: Selectable<AuditTable>): AuditRecord {
  return {
    id: row.id,
    at: row.at,
    keyId: row.key_id,
    keyLabel: row.key_label,
    scope: row.scope,
    method: row.method,
    route: row.route,
    target: row.target,
    region: row.region,
    status: Number(row.status),
    detail: row.detail,
  };
}
