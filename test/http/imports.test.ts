/** POST /v1/scenarios/:id/import/lawyers | villages: CSV or XLSX in, a new scenario version out, or every problem at once. */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseScenario, type Scenario } from '../../src/domain/index.js';
import { generateScenario } from '../../src/gen/index.js';
import { buildApp, type App } from '../../src/http/app.js';
import { hashKey } from '../../src/http/auth.js';
import { createStore } from '../../src/store/index.js';
import type { Store } from '../../src/store/types.js';

const ADMIN = 'test-admin-key-imports-0123456789';
const OTHER_KEY = 'ovk_import_other_county_key_0000';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const auth = (key: string) => ({ authorization: `Bearer ${key}` });

const scenario = parseScenario({ ...generateScenario({ preset: 'county', seed: 4 }), preferences: {}, pins: [], baseline: [] });

let store: Store;
let app: App;
let scenarioId: string;

const csvLine = (cells: (string | number | undefined)[]) => cells.map((c) => (c === undefined ? '' : /[",\n]/.test(String(c)) ? `"${String(c).replace(/"/g, '""')}"` : String(c))).join(',');

/** The scenario's lawyers as a bureau's sheet, Chinese headers. */
function lawyersCsv(s: Scenario, extra: string[] = []): string {
  const head = csvLine(['编号', '姓名', '律师事务所编号', '执业状态', '专长', '电话', '邮箱', '微信', '服务上限', '对口支援', '经度', '纬度', '每月服务小时', '不可服务日期']);
  const rows = s.lawyers.map((l) =>
    csvLine([l.id, l.name, l.firmId, l.status === 'intern' ? '实习' : '执业', l.specialties.join('、'), l.contact?.phone, l.contact?.email, l.contact?.wechat, l.maxVillages, l.pairedAssistance === undefined ? undefined : l.pairedAssistance ? '是' : '否', l.base?.[0], l.base?.[1], l.monthlyHours, l.unavailable?.join('、')]),
  );
  return `\ufeff${[head, ...rows, ...extra].join('\r\n')}\r\n`;
}

async function document(id: string): Promise<Scenario> {
  const res = await app.inject({ url: `/v1/scenarios/${id}/document`, headers: auth(ADMIN) });
  expect(res.statusCode).toBe(200);
  return res.json();
}

const post = (kind: 'lawyers' | 'villages', payload: string | Buffer, opts: { type?: string; mode?: string; key?: string; id?: string } = {}) =>
  app.inject({
    method: 'POST',
    url: `/v1/scenarios/${opts.id ?? scenarioId}/import/${kind}${opts.mode ? `?mode=${opts.mode}` : ''}`,
    headers: { ...auth(opts.key ?? ADMIN), 'content-type': opts.type ?? 'text/csv; charset=utf-8' },
    payload,
  });

beforeAll(async () => {
  store = createStore({ sqlitePath: ':memory:' });
  await store.migrate();
  await store.insertApiKey({ id: 'k2', scope: 'county:999999', label: 'elsewhere' }, hashKey(OTHER_KEY));
  app = await buildApp({ defaultLanguage: 'en',  store, adminKey: ADMIN, workers: 1 });
  const created = await app.inject({ method: 'POST', url: '/v1/scenarios', headers: auth(ADMIN), payload: scenario });
  expect(created.statusCode).toBe(201);
  scenarioId = created.json().id;
});

afterAll(async () => {
  await app.close();
  await store.close();
});

describe('lawyers from CSV', () => {
  it('replace: a new version with the sheet\'s lawyers; the original is untouched', async () => {
    const extra = csvLine(['LNEW1', '新律师', scenario.firms[0].id, '执业', '合同纠纷、劳动争议', '13800138000', '', 'wx_new', 4, '否', '', '']);
    const res = await post('lawyers', lawyersCsv(scenario, [extra]));
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json();
    expect(res.headers.location).toBe(`/v1/scenarios/${body.id}`);
    expect(body).toMatchObject({ parentId: scenarioId, name: scenario.name, import: { kind: 'lawyers', mode: 'replace', rows: scenario.lawyers.length + 1, total: scenario.lawyers.length + 1, headerRow: 1 } });
    const next = await document(body.id);
    expect(next.lawyers.slice(0, -1)).toEqual(scenario.lawyers);
    expect(next.lawyers.at(-1)).toEqual({
      id: 'LNEW1',
      name: '新律师',
      firmId: scenario.firms[0].id,
      status: 'practicing',
      specialties: ['合同纠纷', '劳动争议'],
      maxVillages: 4,
      pairedAssistance: false,
      contact: { phone: '13800138000', wechat: 'wx_new' },
    });
    expect(next.villages).toEqual(scenario.villages);
    expect((await document(scenarioId)).lawyers).toEqual(scenario.lawyers);
    // The new version is a scenario like any other: it can be solved.
    const solve = await app.inject({ method: 'POST', url: `/v1/scenarios/${body.id}/solve`, headers: auth(ADMIN), payload: {} });
    expect(solve.statusCode).toBe(202);
  });

  it('append: adds after the existing lawyers, and refuses ids already there', async () => {
    const sheet = `编号,姓名,律师事务所,执业状态\nLNEW2,再来一位,${scenario.firms[1].name},实习\n`;
    const res = await post('lawyers', sheet, { mode: 'append' });
    expect(res.statusCode, res.body).toBe(201);
    const next = await document(res.json().id);
    expect(next.lawyers.map((l) => l.id)).toEqual([...scenario.lawyers.map((l) => l.id), 'LNEW2']);
    expect(next.lawyers.at(-1)).toMatchObject({ firmId: scenario.firms[1].id, status: 'intern' });

    const again = await post('lawyers', `编号,姓名,律师事务所编号,执业状态\n${scenario.lawyers[0].id},重复,${scenario.firms[0].id},执业\n`, { mode: 'append' });
    expect(again.statusCode).toBe(422);
    expect(again.json().errors).toEqual([{ path: 'row 2, column 编号', message: expect.stringMatching(/already has a lawyer/), code: expect.any(String), value: scenario.lawyers[0].id }]);
  });

  it('every bad cell at once: 422 problem+json, rows as the sheet shows them', async () => {
    const lines = lawyersCsv(scenario).trimEnd().split('\r\n');
    lines[3] = csvLine(['LBAD1', '坏数据', 'F-NONE', '见习', '', '', '', '', '很多', '也许', '113.1', '']);
    lines[7] = csvLine([scenario.lawyers[0].id, '重号', scenario.firms[0].id, '执业']);
    const res = await post('lawyers', lines.join('\n'));
    expect(res.statusCode).toBe(422);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    const problem = res.json();
    expect(problem).toMatchObject({ status: 422, title: 'Unprocessable Content', detail: '6 problems in the sheet' });
    expect(problem.errors).toEqual([
      { path: 'row 4, column 律师事务所编号', message: 'no law firm with this id in the scenario', code: expect.any(String), value: 'F-NONE' },
      { path: 'row 4, column 执业状态', message: expect.any(String), code: expect.any(String), value: '见习' },
      { path: 'row 4, column 服务上限', message: 'expected a whole number', code: expect.any(String), value: '很多' },
      { path: 'row 4, column 对口支援', message: expect.any(String), code: expect.any(String), value: '也许' },
      { path: 'row 4, column 纬度', message: 'give both 经度 and 纬度, or neither', code: expect.any(String) },
      { path: 'row 8, column 编号', message: 'duplicate id: row 2 has it too', code: expect.any(String), value: scenario.lawyers[0].id },
    ]);
  });

  it('the scenario check runs on the result: a pin whose lawyer is gone is named by its path', async () => {
    const v = scenario.villages[0];
    const pinned = parseScenario({ ...scenario, pins: [{ villageId: v.id, lawyerId: scenario.lawyers[0].id }], lawyers: scenario.lawyers.map((l, i) => (i === 0 ? { ...l, status: 'practicing' } : l)) });
    const created = await app.inject({ method: 'POST', url: '/v1/scenarios', headers: auth(ADMIN), payload: pinned });
    expect(created.statusCode, created.body).toBe(201);
    const res = await post('lawyers', lawyersCsv({ ...pinned, lawyers: pinned.lawyers.slice(1) }), { id: created.json().id });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors).toEqual([{ path: 'pins[0].lawyerId', message: 'unknown lawyer', code: 'unknown_reference', value: scenario.lawyers[0].id }]);
  });
});

describe('villages from XLSX', () => {
  it('an Excel sheet with a title row replaces the villages', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('村居名单');
    ws.addRow(['潮川县村(社区)名单']);
    ws.mergeCells('A1:F1');
    ws.addRow(['序号', '编号', '名称', '镇街编号', '类型', '经度', '纬度', '人口', '需求', '服务模式', '夜校每月', '周末每月']);
    scenario.villages.forEach((v, i) =>
      ws.addRow([i + 1, v.id, v.name, v.townId, v.kind === 'village' ? '村' : '社区', v.location[0], v.location[1], v.population ?? null, v.needs?.join('、') ?? null, v.serviceMode === 'flexible' ? '弹性' : v.serviceMode ? '标准' : null, v.requests?.eveningSchoolPerMonth ?? null, v.requests?.weekendPerMonth ?? null]),
    );
    const data = Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    const res = await post('villages', data, { type: XLSX });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().import).toMatchObject({ kind: 'villages', rows: scenario.villages.length, sheet: '村居名单', headerRow: 2 });
    const next = await document(res.json().id);
    expect(next.villages).toEqual(scenario.villages);
  });

  it('bad cells in an XLSX are named by the sheet\'s row and the header as written', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Villages');
    ws.addRow(['ID', 'Name', 'TownId', 'Kind', 'Lon', 'Lat']);
    ws.addRow(['VX1', '新村', scenario.villages[0].townId, 'village', 113, 23]);
    ws.addRow(['VX2', '', 'nowhere', 'hamlet', 'east', 95]);
    const res = await post('villages', Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer), { type: XLSX, mode: 'append' });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors.map((e: { path: string }) => e.path)).toEqual(['row 3, column TownId', 'row 3, column Kind', 'row 3, column Lon', 'row 3, column Lat', 'row 3, column Name']);
  });
});

describe('requests that are not a sheet', () => {
  it('415 for JSON, 400 for an empty body or a bad mode, 422 for a file that is no table', async () => {
    const json = await app.inject({ method: 'POST', url: `/v1/scenarios/${scenarioId}/import/lawyers`, headers: auth(ADMIN), payload: { lawyers: [] } });
    expect(json.statusCode).toBe(415);
    expect((await post('lawyers', '')).statusCode).toBe(400);
    expect((await post('lawyers', 'a,b\n', { mode: 'merge' })).statusCode).toBe(400);
    const xls = await post('lawyers', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), { type: 'application/octet-stream' });
    expect(xls.statusCode).toBe(422);
    expect(xls.json().errors[0].message).toMatch(/\.xls/);
  });

  it('a body over 16 MB is refused with 413', async () => {
    const res = await post('lawyers', Buffer.alloc(17 * 1024 * 1024, 0x41));
    expect(res.statusCode).toBe(413);
  });

  it('another county\'s key gets 404, as for the scenario itself', async () => {
    const res = await post('lawyers', lawyersCsv(scenario), { key: OTHER_KEY });
    expect(res.statusCode).toBe(404);
  });
});
