/**
 * Chinese first: a caller who names no language gets every problem's title, detail and error messages in
 * Chinese, each error with a stable English code; `Accept-Language: en` gets English. Each kind of
 * refusal the service gives is sent once here, and none may come back with an untranslated sentence.
 */
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../../src/http/app.js';
import type { Store } from '../../src/store/types.js';
import { testStore } from '../fixtures/store.js';
import { keyText, storeKeys, storeSolved, tenancyScenario, type KeyName } from '../fixtures/tenancy.js';

let store: Store;
let drop: () => Promise<void>;
let app: App;
let city: { scenarioId: string; solutionId: string };

const auth = (key: KeyName) => ({ authorization: `Bearer ${keyText(key)}` });
const HAN = /\p{Script=Han}/u;
const CODE = /^[a-z][a-z0-9_]*$/;

beforeAll(async () => {
  ({ store, drop } = await testStore('chinese'));
  await storeKeys(store);
  app = await buildApp({ store, workers: 1, maxDocumentBytes: 64 * 1024, jobLimits: { maxJobs: 10, maxJobsPerKey: 1 } });
  city = await storeSolved(store, tenancyScenario(['a1', 'a2', 'b1', 'b2']));
});

afterAll(async () => {
  await app.close();
  await drop();
});

type Req = InjectOptions;

/** Every kind of refusal, as a request and the status it gets. */
function refusals(): [string, number, () => Req][] {
  const bad = tenancyScenario(['a1']) as unknown as Record<string, unknown> & { villages: Record<string, unknown>[]; lawyers: Record<string, unknown>[] };
  bad.lawyers[0] = { ...bad.lawyers[0], firmId: 'F-none', unavailable: ['2026-13-01'], status: 'partner' };
  bad.villages[0] = { ...bad.villages[0], location: [200, 23], extra: 1, name: '' };
  bad.policy = { service: { eveningSchool: { start: '25:00' } } };
  return [
    ['no key', 401, () => ({ url: '/v1/scenarios' })],
    ['an unknown key', 401, () => ({ url: '/v1/scenarios', headers: { authorization: 'Bearer ovk_nope' } })],
    ['a revoked key', 401, () => ({ url: '/v1/scenarios', headers: auth('revoked') })],
    ['a key in the query string', 400, () => ({ url: '/v1/scenarios?api_key=x' })],
    ['no such route', 404, () => ({ url: '/v1/nothing-here' })],
    ['an unknown scenario', 404, () => ({ url: '/v1/scenarios/nope', headers: auth('admin') })],
    ["the villager's look-up of a village without a card", 404, () => ({ url: '/v1/public/villages/nope' })],
    ['a query out of range', 400, () => ({ url: '/v1/scenarios?limit=1000', headers: auth('admin') })],
    ['a NUL in the URL', 400, () => ({ url: '/v1/scenarios/a%00b', headers: auth('admin') })],
    ['not JSON', 400, () => ({ method: 'POST', url: '/v1/scenarios', headers: { ...auth('admin'), 'content-type': 'application/json' }, payload: '{"schema":' })],
    ['a scenario with many mistakes', 422, () => ({ method: 'POST', url: '/v1/scenarios', headers: auth('admin'), payload: bad })],
    ['a body nested too deep', 422, () => ({ method: 'POST', url: '/v1/scenarios', headers: { ...auth('admin'), 'content-type': 'application/json' }, payload: '['.repeat(40) + ']'.repeat(40) })],
    ['a NUL character', 400, () => ({ method: 'POST', url: '/v1/scenarios', headers: auth('admin'), payload: { ...tenancyScenario(['a1']), name: 'a\u0000b' } })],
    ['a body over the limit', 413, () => ({ method: 'POST', url: '/v1/scenarios', headers: { ...auth('admin'), 'content-type': 'application/json' }, payload: `{"name":"${'x'.repeat(70 * 1024)}"}` })],
    ['a workbook that is not one', 422, () => ({ method: 'POST', url: '/v1/scenarios', headers: { ...auth('admin'), 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }, payload: Buffer.from('编号,姓名\nL1,张三\n') })],
    ['a sheet of another type', 415, () => ({ method: 'POST', url: `/v1/scenarios/${city.scenarioId}/import/lawyers`, headers: { ...auth('admin'), 'content-type': 'application/json' }, payload: '{}' })],
    ['a sheet without its header row', 422, () => ({ method: 'POST', url: `/v1/scenarios/${city.scenarioId}/import/lawyers`, headers: { ...auth('admin'), 'content-type': 'text/csv' }, payload: 'x,y\n1,2\n' })],
    ['a county deleting a city plan', 403, () => ({ method: 'DELETE', url: `/v1/scenarios/${city.scenarioId}`, headers: auth('countyOwn') })],
    [
      'a county changing another county',
      403,
      () => ({ method: 'POST', url: `/v1/scenarios/${city.scenarioId}/versions`, headers: auth('countyOwn'), payload: { changes: [{ op: 'remove-lawyer', lawyerId: 'LA2' }] } }),
    ],
    ['a change naming an unknown lawyer', 422, () => ({ method: 'POST', url: `/v1/scenarios/${city.scenarioId}/versions`, headers: auth('admin'), payload: { changes: [{ op: 'remove-lawyer', lawyerId: 'nobody' }] } })],
    ['a re-plan scope that is a city', 422, () => ({ method: 'POST', url: `/v1/solutions/${city.solutionId}/replan`, headers: auth('admin'), payload: { scope: '4401' } })],
    ['a holiday table that does not hold', 422, () => ({ method: 'PUT', url: '/v1/holidays/2031', headers: auth('admin'), payload: { schema: 'ovola.holidays/v1', year: 2030, holidays: ['2031-02-30'], workdays: ['2031-03-05'] } })],
    ['an admin route for a city key', 403, () => ({ method: 'PUT', url: '/v1/divisions', headers: auth('cityOwn'), payload: {} })],
    ['an unknown key id', 404, () => ({ method: 'DELETE', url: '/v1/keys/nope', headers: auth('admin') })],
    ['a bad cursor', 400, () => ({ url: '/v1/audit?cursor=nope', headers: auth('admin') })],
    ['a path too long', 414, () => ({ url: `/v1/scenarios/${'x'.repeat(3000)}`, headers: auth('admin') })],
  ];
}

describe('problems are Chinese first', () => {
  it('every kind of refusal reads in Chinese, each error with a stable code', async () => {
    const untranslated: string[] = [];
    for (const [what, status, req] of refusals()) {
      const res = await app.inject(req());
      expect(res.statusCode, `${what}: ${res.body.slice(0, 300)}`).toBe(status);
      expect(res.headers['content-type'], what).toContain('application/problem+json');
      expect(res.headers['content-language'], what).toBe('zh-CN');
      const p = res.json();
      if (process.env.SHOW_PROBLEMS) console.log(what, JSON.stringify(p).slice(0, 400));
      if (!HAN.test(p.title)) untranslated.push(`${what}: title ${p.title}`);
      if (p.detail !== undefined && !HAN.test(p.detail)) untranslated.push(`${what}: detail ${p.detail}`);
      for (const e of p.errors ?? []) {
        if (!HAN.test(e.message)) untranslated.push(`${what}: ${e.path}: ${e.message}`);
        if (!CODE.test(e.code)) untranslated.push(`${what}: ${e.path}: code ${e.code}`);
      }
    }
    expect(untranslated).toEqual([]);
  });

  it('a scenario with many mistakes names each in Chinese, with its code and path', async () => {
    const [, , req] = refusals().find(([what]) => what === 'a scenario with many mistakes')!;
    const p = (await app.inject(req())).json();
    expect(p.title).toBe('内容有误,无法处理');
    expect(p.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: 'villages[0].location[0]', code: 'too_big', message: '经度应在 -180 到 180 之间' }),
        expect.objectContaining({ path: 'villages[0].extra', code: 'unknown_field', message: '未知字段' }),
        expect.objectContaining({ path: 'villages[0].name', code: 'too_small', message: '不能为空' }),
        expect.objectContaining({ path: 'lawyers[0].status', code: 'invalid_value' }),
        expect.objectContaining({ path: 'lawyers[0].unavailable[0]', code: 'invalid_format' }),
        expect.objectContaining({ path: 'policy.service.eveningSchool.start', message: '时间格式应为 HH:MM,如 09:30' }),
      ]),
    );
  });

  it("the villager's 404 says plainly that the village has no published adviser", async () => {
    const p = (await app.inject({ url: '/v1/public/villages/440103001001' })).json();
    expect(p).toMatchObject({ status: 404, title: '未找到', detail: '本村(社区)尚未公布法律顾问(编号 440103001001)' });
  });

  it('Accept-Language: en gets the same problems in English, with the same codes', async () => {
    for (const [what, status, req] of refusals()) {
      const r = req();
      const zh = (await app.inject(r)).json();
      const res = await app.inject({ ...r, headers: { ...(r.headers as Record<string, string>), 'accept-language': 'en-US,en;q=0.9,zh;q=0.5' } });
      expect(res.statusCode, what).toBe(status);
      expect(res.headers['content-language'], what).toBe('en');
      const en = res.json();
      expect(HAN.test(en.title), `${what}: ${en.title}`).toBe(false);
      expect((en.errors ?? []).map((e: { code: string }) => e.code), what).toEqual((zh.errors ?? []).map((e: { code: string }) => e.code));
    }
  });

  it('a 429 of the job queue reads in Chinese too', async () => {
    const first = await app.inject({ method: 'POST', url: `/v1/scenarios/${city.scenarioId}/solve`, headers: auth('cityOwn'), payload: {} });
    const second = await app.inject({ method: 'POST', url: `/v1/scenarios/${city.scenarioId}/solve`, headers: auth('cityOwn'), payload: {} });
    expect([first.statusCode, second.statusCode]).toContain(429);
    const p = (first.statusCode === 429 ? first : second).json();
    expect(p.title).toBe('请求过多');
    expect(p.detail).toMatch(/该密钥已有 1 个任务排队或运行/);
  });
});
