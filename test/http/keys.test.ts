/**
 * Keys as a bureau manages them (list, create, revoke, last use), keys kept out of URLs and logs, and the
 * audit trail of every write. On SQLite, and on PostgreSQL with DATABASE_URL.
 */
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/domain/index.js';
import { generateScenario } from '../../src/gen/index.js';
import { buildApp, type App } from '../../src/http/app.js';
import { hashKey, KeyUse } from '../../src/http/auth.js';
import { loggerOptions } from '../../src/http/server.js';
import { solve } from '../../src/solver/solve.js';
import type { Store } from '../../src/store/types.js';
import { testStore } from '../fixtures/store.js';

const ADMIN = 'test-admin-key-keys-0123456789';
const COUNTY_KEY = 'ovk_keys_test_county_key_000000000';
const auth = (key: string) => ({ authorization: `Bearer ${key}` });

let store: Store;
let drop: () => Promise<void>;
let app: App;
/** every line the app logged */
let log = '';

beforeAll(async () => {
  ({ store, drop } = await testStore('keys'));
  await store.insertApiKey({ id: 'k-county', scope: 'county:449021', label: '潮川县司法局' }, hashKey(COUNTY_KEY));
  const stream = new Writable({
    write(chunk, _encoding, done) {
      log += String(chunk);
      done();
    },
  });
  app = await buildApp({ defaultLanguage: 'en',  store, adminKey: ADMIN, workers: 1, logger: { ...loggerOptions({ LOG_LEVEL: 'trace' }), stream } });
});

afterAll(async () => {
  await app?.close();
  await drop?.();
});

/** A store whose given methods fail, everything else as `store`'s. */
function failing(methods: string[]): Store {
  return new Proxy(store, {
    get(target, key) {
      if (typeof key === 'string' && methods.includes(key)) return async () => Promise.reject(new Error(`${key} failed: disk full`));
      const value = Reflect.get(target, key, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

async function newKey(scope: string, label: string): Promise<{ key: string; id: string }> {
  const res = await app.inject({ method: 'POST', url: '/v1/keys', headers: auth(ADMIN), payload: { scope, label } });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

/** `read()` once `done` holds of it (the last-use write is not awaited by the request), else its last value. */
async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  let value = await read();
  for (let i = 0; i < 100 && !done(value); i++) {
    await new Promise((r) => setTimeout(r, 20));
    value = await read();
  }
  return value;
}

const listKeys = async (query = '') => (await app.inject({ url: `/v1/keys${query}`, headers: auth(ADMIN) })).json();
const findKey = async (id: string) => {
  for (let cursor: string | undefined, first = true; first || cursor; first = false) {
    const page = await listKeys(`?limit=100${cursor ? `&cursor=${cursor}` : ''}`);
    const hit = page.items.find((k: { id: string }) => k.id === id);
    if (hit) return hit;
    cursor = page.nextCursor;
  }
  return undefined;
};

describe('keys', () => {
  it('an admin makes a key (shown once), which then works and is listed without its secret', async () => {
    const res = await app.inject({ method: 'POST', url: '/v1/keys', headers: auth(ADMIN), payload: { scope: 'county:449021', label: '潮川县司法局 法律服务科' } });
    expect(res.statusCode).toBe(201);
    expect(res.headers['cache-control']).toBe('no-store');
    const made = res.json();
    expect(made).toEqual({ key: expect.stringMatching(/^ovk_/), id: expect.any(String), scope: 'county:449021', label: '潮川县司法局 法律服务科', createdAt: expect.any(String) });
    expect((await app.inject({ url: '/v1/scenarios', headers: auth(made.key) })).statusCode).toBe(200);
    const listed = await eventually(listKeys, (l) => l.items[0].lastUsedAt !== null);
    expect(listed.items[0]).toEqual({ id: made.id, label: made.label, scope: made.scope, createdAt: made.createdAt, lastUsedAt: expect.any(String), revokedAt: null });
    expect(JSON.stringify(listed)).not.toContain(made.key);
    expect(JSON.stringify(listed)).not.toContain(hashKey(made.key));
  });

  it('a revoked key gets 401 on its very next request; revoking again is fine; an unknown id is 404', async () => {
    const { key, id } = await newKey('city:4490', '华江市司法局');
    expect((await app.inject({ url: '/v1/scenarios', headers: auth(key) })).statusCode).toBe(200);
    const revoked = await app.inject({ method: 'DELETE', url: `/v1/keys/${id}`, headers: auth(ADMIN) });
    expect(revoked.statusCode).toBe(204);
    expect(revoked.body).toBe('');
    const refused = await app.inject({ url: '/v1/scenarios', headers: auth(key) });
    expect(refused.statusCode).toBe(401);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(refused.json()).toMatchObject({ status: 401, title: 'Unauthorized', detail: expect.stringContaining('revoked') });
    expect((await findKey(id)).revokedAt).toEqual(expect.any(String));
    expect((await app.inject({ method: 'DELETE', url: `/v1/keys/${id}`, headers: auth(ADMIN) })).statusCode).toBe(204);
    const unknown = await app.inject({ method: 'DELETE', url: '/v1/keys/no-such-key', headers: auth(ADMIN) });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.headers['content-type']).toContain('application/problem+json');
    expect(unknown.json().detail).toContain('"no-such-key"');
  });

  it('last used: set by a request, written at most once a minute per key', async () => {
    const { key, id } = await newKey('county:449021', 'last use');
    expect((await findKey(id)).lastUsedAt).toBeNull();
    await app.inject({ url: '/v1/scenarios', headers: auth(key) });
    const first = (await eventually(() => findKey(id), (k) => k.lastUsedAt !== null)).lastUsedAt;
    expect(first).toEqual(expect.any(String));
    await new Promise((r) => setTimeout(r, 5));
    await app.inject({ url: '/v1/scenarios', headers: auth(key) });
    await new Promise((r) => setTimeout(r, 50));
    expect((await findKey(id)).lastUsedAt).toBe(first); // within the minute: not written again
  });

  it('the throttle writes again after a minute, and a failed write is a warning, not a failed request', async () => {
    let t = 0;
    const touched: string[] = [];
    const warnings: unknown[] = [];
    const fake = { touchApiKey: async (id: string) => void touched.push(id) } as unknown as Store;
    const log = { warn: (o: unknown) => warnings.push(o) } as unknown as ConstructorParameters<typeof KeyUse>[1];
    const use = new KeyUse(fake, log, 60_000, () => t);
    const p = { kind: 'county' as const, code: '449021', keyId: 'K1', label: 'x' };
    use.record(p);
    t = 59_999;
    use.record(p);
    use.record({ ...p, keyId: 'K2' });
    use.record({ kind: 'admin', keyId: 'env', label: 'OVOLA_ADMIN_KEY' }); // not a stored key
    t = 60_000;
    use.record(p);
    await use.settled();
    expect(touched).toEqual(['K1', 'K2', 'K1']);

    const broken = new KeyUse({ touchApiKey: () => Promise.reject(new Error('disk full')) } as unknown as Store, log);
    broken.record(p);
    await broken.settled();
    expect(warnings).toHaveLength(1);
    const flaky = await buildApp({ defaultLanguage: 'en',  store: failing(['touchApiKey']), adminKey: ADMIN });
    try {
      expect((await flaky.inject({ url: '/v1/scenarios', headers: auth(COUNTY_KEY) })).statusCode).toBe(200);
    } finally {
      await flaky.close();
    }
  });

  it('lists newest first, paged by limit and cursor; a bad cursor is 400 naming it', async () => {
    const made = [await newKey('admin', 'page one'), await newKey('admin', 'page two'), await newKey('admin', 'page three')];
    const first = await listKeys('?limit=2');
    expect(first.items.map((k: { id: string }) => k.id)).toEqual([made[2].id, made[1].id]);
    const second = await listKeys(`?limit=2&cursor=${first.nextCursor}`);
    expect(second.items[0].id).toBe(made[0].id);
    const bad = await app.inject({ url: '/v1/keys?cursor=garbage', headers: auth(ADMIN) });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors).toEqual([{ path: 'querystring.cursor', message: 'invalid cursor', code: 'bad_cursor' }]);
    expect((await app.inject({ url: '/v1/keys?limit=0', headers: auth(ADMIN) })).json().errors[0].path).toBe('querystring.limit');
  });

  it('bad input is 400 naming the field', async () => {
    const cases: [payload: unknown, path: string][] = [
      [{ scope: 'town:44', label: 'x' }, 'body.scope'],
      [{ scope: 'county:', label: 'x' }, 'body.scope'],
      [{ scope: 'admin', label: '' }, 'body.label'],
      [{ scope: 'admin', label: '   ' }, 'body.label'],
      [{ scope: 'admin', label: 'x'.repeat(201) }, 'body.label'],
      [{ scope: 'admin', label: 'bad\u202Elabel' }, 'body.label'],
      [{ scope: 'admin' }, 'body.label'],
      [{ scope: 'admin', label: 'x', key: 'mine' }, 'body.key'],
    ];
    for (const [payload, path] of cases) {
      const res = await app.inject({ method: 'POST', url: '/v1/keys', headers: auth(ADMIN), payload: payload as object });
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().errors.map((e: { path: string }) => e.path), JSON.stringify(payload)).toContain(path);
    }
    expect((await newKey('admin', 'x'.repeat(200))).id).toBeDefined();
  });

  it('a city or county key gets 403 on the keys and the audit trail, whatever it sends', async () => {
    const requests = [
      { method: 'GET' as const, url: '/v1/keys' },
      { method: 'POST' as const, url: '/v1/keys', payload: { scope: 'admin', label: 'promote me' } },
      { method: 'POST' as const, url: '/v1/keys', payload: { nonsense: true } },
      { method: 'DELETE' as const, url: '/v1/keys/k-county' },
      { method: 'GET' as const, url: '/v1/audit' },
      { method: 'GET' as const, url: '/v1/audit?from=yesterday' },
    ];
    for (const r of requests) {
      const res = await app.inject({ ...r, headers: auth(COUNTY_KEY) });
      expect(res.statusCode, `${r.method} ${r.url}`).toBe(403);
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
    expect((await store.findApiKeyByHash(hashKey(COUNTY_KEY)))?.revokedAt).toBeNull();
    expect((await app.inject({ url: '/v1/keys' })).statusCode).toBe(401);
  });

  it('the routes are in the OpenAPI document with their operation ids and tags', async () => {
    const spec = (await app.inject('/openapi.json')).json();
    expect(spec.paths['/v1/keys'].get).toMatchObject({ operationId: 'listKeys', tags: ['keys'] });
    expect(spec.paths['/v1/keys'].post).toMatchObject({ operationId: 'createKey', tags: ['keys'] });
    expect(spec.paths['/v1/keys/{id}'].delete).toMatchObject({ operationId: 'revokeKey', tags: ['keys'] });
    expect(spec.paths['/v1/audit'].get).toMatchObject({ operationId: 'listAudit', tags: ['audit'] });
  });
});

describe('the audit trail', () => {
  const scenario = parseScenario(generateScenario({ preset: 'county', seed: 5 }));
  const county = scenario.regions.find((r) => r.level === 'county' && scenario.villages.some((v) => v.townId.startsWith(r.id)))!.id;
  type Row = { at: string; keyId: string | null; keyLabel: string | null; scope: string | null; method: string; route: string; target: string | null; region: string | null; status: number; detail: string | null };
  const trail = async (query = '') => {
    const res = await app.inject({ url: `/v1/audit${query}`, headers: auth(ADMIN) });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { items: Row[]; nextCursor?: string };
  };

  it('a create, a publish and a delete appear newest first with the key, its label, the target and the status', async () => {
    const bureau = await newKey(`county:${county}`, '县司法局 · 审计测试');
    const created = await app.inject({ method: 'POST', url: '/v1/scenarios', headers: auth(bureau.key), payload: scenario });
    expect(created.statusCode).toBe(201);
    const scenarioId = created.json().id;
    await store.insertSolution({ id: 'sol-audit', scenarioId }, JSON.stringify(solve(scenario)));
    const published = await app.inject({ method: 'POST', url: '/v1/solutions/sol-audit/publish', headers: auth(bureau.key), payload: {} });
    expect(published.statusCode, published.body).toBe(200);
    await app.inject({ url: `/v1/scenarios/${scenarioId}`, headers: auth(bureau.key) }); // a read: not in the trail
    expect((await app.inject({ method: 'DELETE', url: `/v1/scenarios/${scenarioId}`, headers: auth(ADMIN) })).statusCode).toBe(204);

    const rows = (await trail('?limit=4')).items;
    const who = { keyId: bureau.id, keyLabel: '县司法局 · 审计测试', scope: `county:${county}` };
    expect(rows[0]).toMatchObject({ keyId: 'env', keyLabel: 'OVOLA_ADMIN_KEY', scope: 'admin', method: 'DELETE', route: '/v1/scenarios/:id', target: scenarioId, status: 204 });
    expect(rows[1]).toMatchObject({ ...who, method: 'POST', route: '/v1/solutions/:id/publish', target: 'sol-audit', status: 200 });
    expect(rows[2]).toMatchObject({ ...who, method: 'POST', route: '/v1/scenarios', target: scenarioId, status: 201 });
    expect(rows[3]).toMatchObject({ keyId: 'env', method: 'POST', route: '/v1/keys', target: bureau.id, region: county, status: 201 });
    expect(rows[3].detail).toContain('县司法局 · 审计测试');
    expect(rows.every((r) => !Number.isNaN(Date.parse(r.at)))).toBe(true);
  });

  it('refused writes are kept too: a 403, a 400 naming its field, an unknown key and a key in the URL', async () => {
    await app.inject({ method: 'POST', url: '/v1/keys', headers: auth(COUNTY_KEY), payload: { scope: 'admin', label: 'promote me' } });
    await app.inject({ method: 'POST', url: '/v1/keys', headers: auth(ADMIN), payload: { scope: 'admin', label: '' } });
    await app.inject({ method: 'DELETE', url: '/v1/keys/k-county', headers: auth('ovk_not_a_key_at_all_000000000') });
    await app.inject({ method: 'POST', url: '/v1/scenarios?token=ovk_leaked_0000000000', headers: auth(COUNTY_KEY), payload: {} });
    const [url, unknown, invalid, forbidden] = (await trail('?limit=4')).items;
    expect(forbidden).toMatchObject({ keyId: 'k-county', keyLabel: '潮川县司法局', method: 'POST', route: '/v1/keys', status: 403, detail: expect.stringContaining('Forbidden') });
    expect(invalid).toMatchObject({ keyId: 'env', status: 400, detail: expect.stringContaining('body.label') });
    expect(unknown).toMatchObject({ keyId: null, keyLabel: null, scope: null, method: 'DELETE', route: '/v1/keys/:id', target: 'k-county', status: 401 });
    expect(url).toMatchObject({ keyId: null, method: 'POST', route: '/v1/scenarios', status: 400, detail: expect.stringContaining('querystring.token') });
    expect(JSON.stringify(await trail())).not.toContain('ovk_leaked');
  });

  it('filters by region, key and time, and pages with a cursor', async () => {
    const a = await newKey('county:440106', 'filter A');
    const b = await newKey('county:440111', 'filter B');
    await app.inject({ method: 'DELETE', url: `/v1/keys/${a.id}`, headers: auth(ADMIN) });
    const byRegion = (await trail('?region=440106')).items;
    expect(byRegion.map((r) => [r.method, r.target])).toEqual([
      ['DELETE', a.id],
      ['POST', a.id],
    ]);
    expect((await trail(`?keyId=k-county&limit=500`)).items.every((r) => r.keyId === 'k-county')).toBe(true);
    const all = (await trail('?limit=500')).items;
    const newest = all[0].at;
    expect((await trail(`?from=${encodeURIComponent(newest)}`)).items.map((r) => r.target)).toContain(a.id);
    expect((await trail(`?to=${encodeURIComponent(newest)}`)).items.some((r) => r.at >= newest)).toBe(false);
    expect((await trail(`?region=440111&from=2000-01-01T08:00:00%2B08:00&to=2100-01-01T00:00:00Z`)).items.map((r) => r.target)).toEqual([b.id]);

    const seen: Row[] = [];
    let cursor: string | undefined;
    do {
      const page = await trail(`?limit=3${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.items.length).toBeLessThanOrEqual(3);
      seen.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all);
  });

  it('bad filters are 400 naming the field', async () => {
    const cases: [query: string, path: string][] = [
      ['?from=yesterday', 'querystring.from'],
      ['?to=2026-13-01T00:00:00Z', 'querystring.to'],
      ['?from=2026-03-01T00:00:00Z&to=2026-02-01T00:00:00Z', 'querystring.to'],
      ['?limit=501', 'querystring.limit'],
      ['?cursor=nonsense', 'querystring.cursor'],
      ['?regoin=440106', 'querystring.regoin'],
    ];
    for (const [query, path] of cases) {
      const res = await app.inject({ url: `/v1/audit${query}`, headers: auth(ADMIN) });
      expect(res.statusCode, query).toBe(400);
      expect(res.json().errors.map((e: { path: string }) => e.path), query).toContain(path);
    }
  });

  it('a trail that cannot be written fails no request: the write is answered and a warning logged', async () => {
    let lines = '';
    const stream = new Writable({
      write(chunk, _encoding, done) {
        lines += String(chunk);
        done();
      },
    });
    const broken = await buildApp({ defaultLanguage: 'en',  store: failing(['insertAudit']), adminKey: ADMIN, logger: { level: 'warn', stream } });
    try {
      const res = await broken.inject({ method: 'POST', url: '/v1/keys', headers: auth(ADMIN), payload: { scope: 'admin', label: 'made while the trail is down' } });
      expect(res.statusCode).toBe(201);
      expect((await broken.inject({ url: '/v1/audit', headers: auth(ADMIN) })).statusCode).toBe(200);
    } finally {
      await broken.close();
    }
    expect(lines).toContain('could not write the audit trail');
    expect(lines).toContain('"level":40');
  });
});

describe('a key in the query string', () => {
  const SECRET = 'ovk_SECRET_in_the_url_0123456789';

  it('is refused with 400 naming the parameter, on every route, public ones too, and never logged', async () => {
    const cases: [method: 'GET' | 'POST' | 'DELETE', url: string, param: string][] = [
      ['GET', `/v1/scenarios?key=${SECRET}`, 'key'],
      ['GET', `/v1/scenarios?limit=1&API_KEY=${SECRET}`, 'API_KEY'],
      ['GET', `/v1/public/villages/V1?apikey=${SECRET}`, 'apikey'],
      ['GET', `/healthz?access_token=${SECRET}`, 'access_token'],
      ['POST', `/v1/scenarios?Token=${SECRET}`, 'Token'],
      ['DELETE', `/v1/keys/k-county?authorization=Bearer%20${SECRET}`, 'authorization'],
      ['GET', `/v1/no-such-route?%6Bey=${SECRET}`, 'key'],
      ['GET', `/v1/keys?api_key[]=${SECRET}`, 'api_key[]'],
    ];
    for (const [method, url, param] of cases) {
      // even with a good key in the header: the URL has leaked the other one
      const res = await app.inject({ method, url, headers: auth(ADMIN) });
      expect(res.statusCode, url).toBe(400);
      expect(res.headers['content-type'], url).toContain('application/problem+json');
      expect(res.json(), url).toMatchObject({ status: 400, detail: expect.stringContaining('Authorization header'), errors: [{ path: `querystring.${param}` }] });
      expect(res.body, url).not.toContain(SECRET);
    }
    expect(log).toContain('incoming request');
    expect(log).toContain('[REDACTED]');
    expect(log).not.toContain(SECRET);
    expect((await store.findApiKeyByHash(hashKey(COUNTY_KEY)))?.revokedAt).toBeNull(); // the DELETE never ran
  });

  it('other query parameters pass, and a parameter merely containing "key" is not one', async () => {
    const res = await app.inject({ url: '/v1/scenarios?limit=1&monkey=1', headers: auth(ADMIN) });
    expect(res.statusCode, res.body).not.toBe(400);
    expect((await app.inject({ url: '/v1/scenarios?limit=1', headers: auth(ADMIN) })).statusCode).toBe(200);
  });

  it('keys sent the right way (Authorization header, cookies) never reach the log either', async () => {
    await app.inject({ url: '/v1/scenarios', headers: { ...auth(COUNTY_KEY), cookie: `session=${SECRET}` } });
    await app.inject({ url: '/v1/scenarios', headers: auth('ovk_a_wrong_key_which_is_secret_too') });
    // a line that logs headers as they came gets them censored
    app.log.info({ headers: { ...auth(COUNTY_KEY), cookie: SECRET, accept: 'text/plain' } }, 'headers as they came');
    expect(log).toMatch(/"authorization":"\[REDACTED\]".*"accept":"text\/plain"/);
    expect(log).not.toContain(COUNTY_KEY);
    expect(log).not.toContain(ADMIN);
    expect(log).not.toContain('ovk_a_wrong_key_which_is_secret_too');
    expect(log).not.toContain(SECRET);
  });
});
