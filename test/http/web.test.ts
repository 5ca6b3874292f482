import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../../src/http/app.js';
import { webRoot } from '../../src/http/routes/web.js';
import type { Store } from '../../src/store/types.js';
import { testStore } from '../fixtures/store.js';
import { COUNTY, keyText, storeKeys, storeSolved, tenancyScenario } from '../fixtures/tenancy.js';

let app: App;
let store: Store;
let drop: () => Promise<void>;

beforeAll(async () => {
  ({ store, drop } = await testStore('web'));
  await storeKeys(store);
  app = await buildApp({ store, workers: 1 });
  const { solutionId } = await storeSolved(store, tenancyScenario(['a1', 'a2', 'b1']));
  const res = await app.inject({ method: 'POST', url: `/v1/solutions/${solutionId}/publish`, headers: { authorization: `Bearer ${keyText('admin')}` }, payload: {} });
  expect(res.statusCode).toBe(200);
});
afterAll(async () => {
  await app.close();
  await drop();
});

describe('the villager page /v/:villageId (R14)', () => {
  it('shows the adviser, the firm, a phone to tap, the service content, who publishes it and the complaint e-mail, with no script', async () => {
    const res = await app.inject({ url: '/v/a1' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers['content-security-policy']).toContain("default-src 'none'");
    const html = res.body;
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toContain('a1村');
    expect(html).toMatch(/律师L[AB]\d?/);
    expect(html).toMatch(/<a class="call" href="tel:138\d*">拨打电话 138L/);
    expect(html).toContain('服务内容');
    expect(html).toContain('gdsfzx@example.cn');
    expect(html).not.toContain('<script');
  });

  it('says plainly when a village has no published adviser (404, still a page)', async () => {
    const res = await app.inject({ url: '/v/440103999999' });
    expect(res.statusCode).toBe(404);
    expect(res.body).toContain('本村(社区)暂未公布法律顾问');
    expect(res.body).toContain('440103999999');
  });

  it('escapes what it shows: an id with markup comes back as text', async () => {
    const res = await app.inject({ url: `/v/${encodeURIComponent('<img src=x onerror=alert(1)>')}` });
    expect(res.statusCode).toBe(404);
    expect(res.body).not.toContain('<img');
    expect(res.body).toContain('&#60;img');
  });
});

describe('GET /v1/me', () => {
  it("tells the console the key's label and scope", async () => {
    const res = await app.inject({ url: '/v1/me', headers: { authorization: `Bearer ${keyText('countyOwn')}` } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ keyId: 'k-countyOwn', label: 'countyOwn bureau', scope: `county:${COUNTY}`, kind: 'county', code: COUNTY });
  });

  it('is a 401 problem without a key', async () => {
    const res = await app.inject({ url: '/v1/me' });
    expect(res.statusCode).toBe(401);
    expect(res.headers['content-type']).toContain('application/problem+json');
  });
});

describe.skipIf(!existsSync(join(webRoot(), 'index.html')))('the console at /', () => {
  it('is served from the build with a strict content security policy', async () => {
    const res = await app.inject({ url: '/' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    const script = /src="(\/assets\/[^"]+\.js)"/.exec(res.body)?.[1];
    expect(script).toBeDefined();
    const asset = await app.inject({ url: script! });
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['cache-control']).toContain('immutable');
  });

  it('serves nothing outside its build folder', async () => {
    for (const url of ['/assets/../../package.json', '/assets/%2e%2e/%2e%2e/package.json', '/assets/..%2f..%2fpackage.json']) {
      const res = await app.inject({ url });
      expect(res.statusCode, url).toBeGreaterThanOrEqual(400);
      expect(res.statusCode, url).toBeLessThan(500);
      expect(res.body, url).not.toContain('"name": "ovola"');
    }
  });
});

describe('GET /v1/notices/:countyId (the county notice to print)', () => {
  it("gives the cards in force for the county's villages, by town and name, and none of another county's", async () => {
    const res = await app.inject({ url: `/v1/notices/${COUNTY}`, headers: { authorization: `Bearer ${keyText('countyOwn')}` } });
    expect(res.statusCode).toBe(200);
    const notice = res.json();
    expect(notice).toMatchObject({ countyId: COUNTY, county: '东区', city: '甲市' });
    expect(notice.items.map((c: { village: { id: string } }) => c.village.id)).toEqual(['a1', 'a2']);
    expect(notice.items[0].adviser.name).toMatch(/^律师L/);
  });

  it('is a 404 in Chinese for a county with no published card', async () => {
    const res = await app.inject({ url: '/v1/notices/999999', headers: { authorization: `Bearer ${keyText('countyOwn')}` } });
    expect(res.statusCode).toBe(404);
    expect(res.json().detail).toContain('不存在');
  });
});
