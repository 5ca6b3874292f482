/** A whole scenario from one workbook over HTTP: the template, XLSX into POST /v1/scenarios, problems as 422 by cell, and the export back. */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseScenario, type Scenario } from '../../src/domain/index.js';
import { registryOf } from '../../src/domain/index.js';
import { generateScenario } from '../../src/gen/index.js';
import { buildApp, type App } from '../../src/http/app.js';
import { createStore } from '../../src/store/index.js';
import type { Store } from '../../src/store/types.js';

const ADMIN = 'test-admin-key-workbook-0123456789';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const auth = { authorization: `Bearer ${ADMIN}` };

let store: Store;
let app: App;

beforeAll(async () => {
  store = createStore({ sqlitePath: ':memory:' });
  await store.migrate();
  app = await buildApp({ store, adminKey: ADMIN, workers: 1 });
});

afterAll(async () => {
  await app.close();
  await store.close();
});

const postXlsx = (payload: Buffer, headers: Record<string, string> = {}) => app.inject({ method: 'POST', url: '/v1/scenarios', headers: { ...auth, 'content-type': XLSX, ...headers }, payload });

async function template(): Promise<Buffer> {
  const res = await app.inject({ url: '/v1/templates/scenario.xlsx', headers: auth });
  expect(res.statusCode).toBe(200);
  expect(res.headers['content-type']).toBe(XLSX);
  expect(res.headers['content-disposition']).toContain('attachment');
  return res.rawPayload;
}

describe('GET /v1/templates/scenario.xlsx', () => {
  it('gives the workbook with its sheets, and needs a key', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await template()) as unknown as ExcelJS.Buffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(expect.arrayContaining(['律所', '律师', '村(社区)', '镇街', '意向与回避', '现任顾问']));
    expect((await app.inject({ url: '/v1/templates/scenario.xlsx' })).statusCode).toBe(401);
  });
});

describe('POST /v1/scenarios with a workbook', () => {
  it('creates the scenario the template describes', async () => {
    const res = await postXlsx(await template());
    expect(res.statusCode, res.body).toBe(201);
    const doc = (await app.inject({ url: `/v1/scenarios/${res.json().id}/document`, headers: auth })).json() as Scenario;
    expect(doc.lawyers.map((l) => l.id)).toEqual(['L001']);
    expect(doc.baseline).toEqual([{ villageId: '440104001001', lawyerId: 'L001' }]);
  });

  it('answers a bad workbook with 422 listing every bad cell, in Chinese first and in English on request', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await template()) as unknown as ExcelJS.Buffer);
    const lawyers = wb.getWorksheet('律师')!;
    const header = (lawyers.getRow(1).values as unknown[]).slice(1).map(String);
    lawyers.getRow(2).getCell(header.indexOf('执业状态') + 1).value = '退休';
    lawyers.getRow(2).getCell(header.indexOf('律师事务所') + 1).value = '不存在律师事务所';
    const bad = Buffer.from(await wb.xlsx.writeBuffer());
    const res = await postXlsx(bad);
    expect(res.statusCode).toBe(422);
    expect(res.headers['content-type']).toContain('application/problem+json');
    const body = res.json();
    expect(body.errors).toEqual([
      { path: '律师!2!律师事务所', code: 'invalid_cell', message: '律师 表第 2 行「律师事务所」:没有此名称的律师事务所', value: '不存在律师事务所' },
      { path: '律师!2!执业状态', code: 'invalid_cell', message: '律师 表第 2 行「执业状态」:应为“执业”或“实习”', value: '退休' },
    ]);
    expect(body.detail).toBe('工作簿有 2 处问题');
    const en = (await postXlsx(bad, { 'accept-language': 'en' })).json();
    expect(en.errors[1].message).toBe('sheet 律师, row 2, column 执业状态: expected 执业 or 实习 (or practicing / intern)');
    expect(await store.listScenarios({ limit: 100 })).toMatchObject({ items: [expect.anything()] });
  });

  it('refuses what is not a workbook: 422 for CSV bytes or a broken zip, never a 5xx', async () => {
    const csv = await postXlsx(Buffer.from('编号,姓名\nL1,张三\n'));
    expect(csv.statusCode).toBe(422);
    expect(csv.json().detail).toBe('不是 XLSX 工作簿:请在 Excel 或 WPS 中另存为 .xlsx 后再发送');
    const broken = await postXlsx(Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(100)]));
    expect(broken.statusCode).toBe(422);
    expect(broken.headers['content-type']).toContain('application/problem+json');
  });

  it('takes the towns from the stored divisions registry when the workbook has none', async () => {
    const scenario = parseScenario(generateScenario({ preset: 'county', seed: 7 }));
    expect((await app.inject({ method: 'PUT', url: '/v1/divisions', headers: auth, payload: registryOf(scenario) })).statusCode).toBe(200);
    const exported = await app.inject({ method: 'POST', url: '/v1/scenarios', headers: auth, payload: scenario });
    const xlsx = (await app.inject({ url: `/v1/scenarios/${exported.json().id}.xlsx`, headers: auth })).rawPayload;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx as unknown as ExcelJS.Buffer);
    wb.removeWorksheet(wb.getWorksheet('镇街')!.id);
    const res = await postXlsx(Buffer.from(await wb.xlsx.writeBuffer()));
    expect(res.statusCode, res.body).toBe(201);
    const doc = (await app.inject({ url: `/v1/scenarios/${res.json().id}/document`, headers: auth })).json() as Scenario;
    expect(doc.villages).toEqual(scenario.villages);
    expect(new Set(doc.villages.map((v) => v.townId)).size).toBeGreaterThan(0);
  });
});

describe('GET /v1/scenarios/:id.xlsx', () => {
  it('exports the scenario so that posting it back gives the same scenario', async () => {
    const scenario = parseScenario(generateScenario({ preset: 'county', seed: 3, baseline: true }));
    const created = await app.inject({ method: 'POST', url: '/v1/scenarios', headers: auth, payload: scenario });
    expect(created.statusCode).toBe(201);
    const res = await app.inject({ url: `/v1/scenarios/${created.json().id}.xlsx`, headers: auth });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe(XLSX);
    const again = await postXlsx(res.rawPayload);
    expect(again.statusCode, again.body).toBe(201);
    const a = (await app.inject({ url: `/v1/scenarios/${created.json().id}/document`, headers: auth })).json() as Scenario;
    const b = (await app.inject({ url: `/v1/scenarios/${again.json().id}/document`, headers: auth })).json() as Scenario;
    expect(b).toEqual({ ...a, regions: a.regions.map(({ boundary: _b, ...r }) => r) });
  });
});
