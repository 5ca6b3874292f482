/** GET /v1/solutions/:id.geojson | .csv | .xlsx beside GET /v1/solutions/:id, with the same access rules. */
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateScenario } from '../../src/gen/index.js';
import { buildApp, type App } from '../../src/http/app.js';
import { hashKey } from '../../src/http/auth.js';
import { contentDisposition, safeName } from '../../src/http/routes/exports.js';
import { EXPORT_HEADER } from '../../src/io/index.js';
import { solve } from '../../src/solver/solve.js';
import { createStore } from '../../src/store/index.js';
import type { Store } from '../../src/store/types.js';
import { parseScenario } from '../../src/domain/index.js';

const ADMIN = 'test-admin-key-exports-0123456789';
const COUNTY_KEY = 'ovk_export_county_key_0000000000';
const OTHER_KEY = 'ovk_export_other_county_key_00000';
const auth = (key: string) => ({ authorization: `Bearer ${key}` });

const scenario = parseScenario(generateScenario({ preset: 'county', seed: 2 }));
const countyId = scenario.regions.find((r) => r.level === 'county' && scenario.villages.some((v) => v.townId.startsWith(r.id)))!.id;

let store: Store;
let app: App;
let solutionId: string;

beforeAll(async () => {
  store = createStore({ sqlitePath: ':memory:' });
  await store.migrate();
  await store.insertApiKey({ id: 'k1', scope: `county:${countyId}`, label: 'county' }, hashKey(COUNTY_KEY));
  await store.insertApiKey({ id: 'k2', scope: 'county:999999', label: 'elsewhere' }, hashKey(OTHER_KEY));
  app = await buildApp({ store, adminKey: ADMIN, workers: 1 });
  const created = await app.inject({ method: 'POST', url: '/v1/scenarios', headers: auth(ADMIN), payload: scenario });
  expect(created.statusCode).toBe(201);
  const rec = await store.insertSolution({ id: 'sol-export-1', scenarioId: created.json().id }, JSON.stringify(solve(scenario)));
  solutionId = rec.id;
});

afterAll(async () => {
  await app.close();
  await store.close();
});

describe('routes side by side', () => {
  it('/v1/solutions/:id still serves the solution, and :id.geojson the map', async () => {
    const plain = await app.inject({ url: `/v1/solutions/${solutionId}`, headers: auth(ADMIN) });
    expect(plain.statusCode).toBe(200);
    expect(plain.json()).toMatchObject({ id: solutionId, schema: 'ovola.solution/v1' });
    const geo = await app.inject({ url: `/v1/solutions/${solutionId}.geojson`, headers: auth(ADMIN) });
    expect(geo.statusCode).toBe(200);
    expect(geo.headers['content-type']).toMatch(/^application\/geo\+json/);
    expect(geo.json().type).toBe('FeatureCollection');
  });

  it('an unknown extension is not an export', async () => {
    const res = await app.inject({ url: `/v1/solutions/${solutionId}.pdf`, headers: auth(ADMIN) });
    expect(res.statusCode).toBe(404);
  });

  it('lists the exports in the OpenAPI document', async () => {
    const spec = (await app.inject('/openapi.json')).json();
    expect(Object.keys(spec.paths)).toEqual(expect.arrayContaining(['/v1/solutions/{id}', '/v1/solutions/{id}.geojson', '/v1/solutions/{id}.csv', '/v1/solutions/{id}.xlsx']));
  });
});

describe('GeoJSON', () => {
  it('villages, lawyer bases and assignment lines', async () => {
    const fc = (await app.inject({ url: `/v1/solutions/${solutionId}.geojson`, headers: auth(ADMIN) })).json();
    const count = (layer: string) => fc.features.filter((f: { properties: { layer: string } }) => f.properties.layer === layer).length;
    const solution = solve(scenario);
    expect(count('village')).toBe(scenario.villages.length);
    expect(count('lawyer-base')).toBe(scenario.lawyers.length);
    expect(count('assignment')).toBe(solution.assignments.length);
    const line = fc.features.find((f: { geometry: { type: string } }) => f.geometry.type === 'LineString');
    expect(line.geometry.coordinates).toHaveLength(2);
    expect(Object.keys(line.properties)).toEqual(expect.arrayContaining(['village', 'lawyer', 'km']));
  });
});

describe('CSV', () => {
  it('an attachment with a BOM, Chinese headers and one row per village', async () => {
    const res = await app.inject({ url: `/v1/solutions/${solutionId}.csv`, headers: auth(ADMIN) });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    const disposition = String(res.headers['content-disposition']);
    expect(disposition).toMatch(/^attachment; filename="ovola-solution-sol-export-1\.csv"; filename\*=UTF-8''/);
    expect(decodeURIComponent(disposition.split("UTF-8''")[1])).toMatch(/法律顾问方案-sol-expo\.csv$/);
    expect(res.rawPayload.subarray(0, 3).toString('hex')).toBe('efbbbf');
    const rows = parse(res.rawPayload.toString('utf8'), { bom: true }) as string[][];
    expect(rows[0]).toEqual([...EXPORT_HEADER]);
    expect(rows).toHaveLength(scenario.villages.length + 1);
    const solution = solve(scenario);
    const uncovered = new Set(solution.uncovered.map((u) => u.villageId));
    for (const r of rows.slice(1)) {
      if (uncovered.has(r[9])) expect([r[3], r[8] !== '']).toEqual(['', true]);
      else expect([r[3] !== '', r[8]]).toEqual([true, '']);
    }
  });
});

describe('file names', () => {
  it('drop bidi controls, zero-width and control characters, in filename and filename*', async () => {
    // shown as "报告exe.jpg" by a file manager that honours U+202E: an executable posing as a picture
    const tricky = { ...scenario, name: '报告\u202Egpj.exe' };
    const created = await app.inject({ method: 'POST', url: '/v1/scenarios', headers: auth(ADMIN), payload: tricky });
    expect(created.statusCode).toBe(201);
    await store.insertSolution({ id: 'sol-bidi', scenarioId: created.json().id }, JSON.stringify(solve(scenario)));
    for (const ext of ['csv', 'xlsx', 'geojson']) {
      const res = await app.inject({ url: `/v1/solutions/sol-bidi.${ext}`, headers: auth(ADMIN) });
      expect(res.statusCode).toBe(200);
      const disposition = String(res.headers['content-disposition']);
      expect(disposition).toMatch(new RegExp(`^(attachment|inline); filename="ovola-solution-sol-bidi\\.${ext}"; filename\\*=UTF-8''`));
      const readable = decodeURIComponent(disposition.split("UTF-8''")[1]);
      expect(readable).toBe(`报告gpj.exe-法律顾问方案-sol-bidi.${ext}`);
      expect(disposition).not.toMatch(/%E2%80%AE/i);
    }
  });

  it('safeName and contentDisposition clean every format and control character', () => {
    const marks = ['\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069', '\u200B', '\u200C', '\u200D', '\u200E', '\u200F', '\uFEFF', '\u0000', '\n', '\r', '\u007F', '\u0085', '\u2028'];
    expect(safeName(`报${marks.join('')}告`)).toBe('报告');
    expect(safeName('a/b\\c:"d"')).toBe('a_b_c__d_');
    expect(safeName('\u202E\u200B')).toBe('ovola');
    expect(safeName(`${'村'.repeat(79)}😀`)).toBe('村'.repeat(79)); // never half an emoji
    const header = contentDisposition('attachment', 'plain\u202E"x".csv', `名${marks.join('')}\uD800单.csv`);
    expect(header).toBe(`attachment; filename="plain__x_.csv"; filename*=UTF-8''${encodeURIComponent('名单.csv')}`);
    for (const m of marks) expect(header).not.toContain(m);
  });
});

describe('XLSX', () => {
  it('an attachment exceljs opens, with the same rows', async () => {
    const res = await app.inject({ url: `/v1/solutions/${solutionId}.xlsx`, headers: auth(ADMIN) });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(String(res.headers['content-disposition'])).toMatch(/^attachment; filename="ovola-solution-sol-export-1\.xlsx"/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ExcelJS.Buffer);
    const ws = wb.worksheets[0];
    expect(ws.getRow(1).values).toEqual([undefined, ...EXPORT_HEADER]);
    expect(ws.actualRowCount).toBe(scenario.villages.length + 1);
  });
});

describe('access', () => {
  it('the county\'s own key may export; another county\'s key gets 404, as for the solution', async () => {
    for (const ext of ['', '.geojson', '.csv', '.xlsx']) {
      expect((await app.inject({ url: `/v1/solutions/${solutionId}${ext}`, headers: auth(COUNTY_KEY) })).statusCode).toBe(200);
      const other = await app.inject({ url: `/v1/solutions/${solutionId}${ext}`, headers: auth(OTHER_KEY) });
      expect(other.statusCode).toBe(404);
      expect(other.headers['content-type']).toMatch(/^application\/problem\+json/);
    }
  });

  it('no key → 401; unknown solution → 404', async () => {
    expect((await app.inject({ url: `/v1/solutions/${solutionId}.csv` })).statusCode).toBe(401);
    expect((await app.inject({ url: '/v1/solutions/nope.xlsx', headers: auth(ADMIN) })).statusCode).toBe(404);
  });
});
