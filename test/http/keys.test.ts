/**
 * Keys as a bureau manages them (list, create, revoke, last use), keys kept out of URLs and logs, and the
 * audit trail of every write. On SQLite, and on PostgreSQL with DATABASE_URL.
 */
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../../src/http/app.js';
import { hashKey } from '../../src/http/auth.js';
import { loggerOptions } from '../../src/http/server.js';
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
  app = await buildApp({ store, adminKey: ADMIN, workers: 1, logger: { ...loggerOptions({ LOG_LEVEL: 'trace' }), stream } });
});

afterAll(async () => {
  await app?.close();
  await drop?.();
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
