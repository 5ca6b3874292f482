/**
 * Hostile input never gets a 5xx (issue 13): bodies past their route's limit, collections and nesting past
 * their bounds, NUL characters, odd keys and URLs, sheets that are bombs or too long (outages and the job
 * queue: outages.test.ts). Small bounds are set through AppOptions so that every case stays fast. SQLite,
 * or PostgreSQL when DATABASE_URL is set:
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npx vitest run test/http/hostile.test.ts
 */
import { connect } from 'node:net';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENTRY_LIMITS, LIMITS, type Scenario } from '../../src/domain/index.js';
import { buildApp, type App, type AppOptions } from '../../src/http/app.js';
import { readConfig } from '../../src/http/server.js';
import type { Store } from '../../src/store/types.js';
import { makeZip, nestedArrays, nestedObjects } from '../fixtures/hostile.js';
import { east, world } from '../fixtures/small.js';
import { DATABASE_URL, testStore } from '../fixtures/store.js';

const ADMIN = 'test-admin-key-hostile-0123456789';
const auth = (key = ADMIN) => ({ authorization: `Bearer ${key}` });
const json = { 'content-type': 'application/json' };
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Small bounds, so that a body past them is a few kB. */
const SMALL: Partial<AppOptions> = {
  maxDocumentBytes: 1024 * 1024,
  scanLimits: { paths: { ...ENTRY_LIMITS, villages: 5_000, 'policy.mode': 50 } },
  tableLimits: { rows: 300, xlsxBytes: 256 * 1024, columns: 50 },
};

const base: Scenario = world({
  villages: Array.from({ length: 6 }, (_, i) => ({ id: `V${i}`, at: east(i), town: i < 3 ? 'T1' : 'T2' })),
  lawyers: [{ id: 'L1' }, { id: 'L2' }, { id: 'L3' }],
});

let store: Store;
let drop: () => Promise<void>;
let app: App;
/** the same store with the default bounds */
let defaults: App;
let scenarioId: string;

const countScenarios = async () => (await store.listScenarios({ limit: 100 })).items.length;

/** Every answer of 4xx is problem+json; a 400, 413 or 422 names at least one path. */
function expectProblem(res: { statusCode: number; headers: Record<string, unknown>; body: string }, status?: number, what = ''): Record<string, unknown> {
  if (status !== undefined) expect(res.statusCode, res.body.slice(0, 500)).toBe(status);
  else expect(res.statusCode, `${what.slice(0, 300)} → ${res.body.slice(0, 500)}`).toBeLessThan(500);
  expect(res.headers['content-type']).toContain('application/problem+json');
  const body = JSON.parse(res.body) as Record<string, unknown>;
  expect(body.status).toBe(res.statusCode);
  if ([400, 413, 422].includes(res.statusCode)) {
    const errors = body.errors as { path: unknown }[];
    expect(errors?.length, `${what.slice(0, 300)} → ${res.body.slice(0, 300)}`).toBeGreaterThan(0);
    for (const e of errors) expect(typeof e.path).toBe('string');
  }
  return body;
}

const upload = (payload: string | Buffer, headers: Record<string, string> = json, a = app) => a.inject({ method: 'POST', url: '/v1/scenarios', headers: { ...auth(), ...headers }, payload });

beforeAll(async () => {
  ({ store, drop } = await testStore('hostile'));
  app = await buildApp({ defaultLanguage: 'en',  store, adminKey: ADMIN, workers: 1, ...SMALL });
  defaults = await buildApp({ defaultLanguage: 'en',  store, adminKey: ADMIN, workers: 1 });
  const created = await upload(JSON.stringify(base));
  expect(created.statusCode, created.body).toBe(201);
  scenarioId = created.json().id;
}, 60_000);

afterAll(async () => {
  await app?.close();
  await defaults?.close();
  await drop?.();
});

describe('1. a body limit per route', () => {
  it('the document routes take what AppOptions.maxDocumentBytes says, and the 413 names it', async () => {
    const res = upload(JSON.stringify({ ...base, name: 'x', pad: 'y'.repeat(1024 * 1024) }));
    const body = expectProblem(await res, 413);
    expect(body.detail).toBe('the body is larger than the 1 MB this route takes');
    expect(body).toMatchObject({ limit: 1024 * 1024, errors: [{ path: 'body' }] });
    const csv = await app.inject({ method: 'POST', url: `/v1/scenarios/${scenarioId}/import/lawyers`, headers: { ...auth(), 'content-type': 'text/csv' }, payload: 'x'.repeat(1024 * 1024 + 1) });
    expect(expectProblem(csv, 413).detail).toContain('1 MB');
  });

  it('the server reads the limit from OVOLA_MAX_DOCUMENT_MB (16 by default) and the job bounds from the environment', () => {
    expect(readConfig({}).OVOLA_MAX_DOCUMENT_MB).toBe(16);
    expect(readConfig({ OVOLA_MAX_DOCUMENT_MB: '8', OVOLA_MAX_JOBS: '10', OVOLA_MAX_JOBS_PER_KEY: '2' })).toMatchObject({ OVOLA_MAX_DOCUMENT_MB: 8, OVOLA_MAX_JOBS: 10, OVOLA_MAX_JOBS_PER_KEY: 2 });
    expect(() => readConfig({ OVOLA_MAX_DOCUMENT_MB: '0' })).toThrow(/OVOLA_MAX_DOCUMENT_MB/);
  });

  it('every other route keeps 1 MB', async () => {
    const res = await app.inject({ method: 'POST', url: `/v1/scenarios/${scenarioId}/versions`, headers: { ...auth(), ...json }, payload: JSON.stringify({ changes: [], pad: 'x'.repeat(1024 * 1024) }) });
    expect(expectProblem(res, 413).detail).toBe('the body is larger than the 1 MB this route takes');
  });
});

describe('2. sizes and depth refused before validation, naming the path', () => {
  it('100,000 nested arrays as the body or as a name: 422 at the 33rd level (was a stack overflow, 500)', async () => {
    const before = await countScenarios();
    const deep = expectProblem(await upload(nestedArrays(100_000)), 422);
    expect(deep.errors).toEqual([{ path: '[0]'.repeat(LIMITS.depth), message: `nested deeper than ${LIMITS.depth} levels`, code: 'too_deep' }]);
    const inName = expectProblem(await upload(JSON.stringify(base).replace('"name":"test"', `"name":${nestedArrays(100_000)}`)), 422);
    expect((inName.errors as { path: string }[])[0].path).toMatch(/^name(\[0\])+$/);
    const inMode = expectProblem(await upload(JSON.stringify({ ...base, policy: {} }).replace('"policy":{}', `"policy":{"mode":${nestedObjects(5_000)}}`)), 422);
    expect((inMode.errors as { path: string }[])[0].path).toMatch(/^policy\.mode(\.a)+$/);
    expect(await countScenarios()).toBe(before);
  });

  it('more villages than the bound, or policy.mode with 200,000 entries: 413 naming the list', async () => {
    const villages = expectProblem(await upload(JSON.stringify({ ...base, villages: Array.from({ length: 5_001 }, () => ({})) })), 413);
    expect(villages.errors).toEqual([{ path: 'villages', message: 'more than 5000 entries', code: 'too_many_entries' }]);
    const mode = Object.fromEntries(Array.from({ length: 200_000 }, (_, i) => [`K${i}`, 'team']));
    const res = expectProblem(await upload(JSON.stringify({ ...base, policy: { mode } }), json, defaults), 413);
    expect(res.errors).toEqual([{ path: 'policy.mode', message: `more than ${LIMITS.modeEntries} entries`, code: 'too_many_entries' }]);
  });

  it('a string longer than the longest text a document has: 413', async () => {
    const res = expectProblem(await upload(JSON.stringify({ ...base, name: 'x'.repeat(LIMITS.text + 1) })), 413);
    expect(res.errors).toEqual([{ path: 'name', message: `a string longer than ${LIMITS.text} characters`, code: 'too_long' }]);
  });

  it('the small routes are pre-scanned too, their paths under body.', async () => {
    const res = await app.inject({ method: 'POST', url: `/v1/scenarios/${scenarioId}/versions`, headers: { ...auth(), ...json }, payload: `{"changes": [${nestedArrays(100_000)}]}` });
    expect(expectProblem(res, 422).errors).toEqual([{ path: `body.changes${'[0]'.repeat(LIMITS.depth - 1)}`, message: expect.stringContaining('nested deeper'), code: 'too_deep' }]);
    const holidays = await app.inject({ method: 'PUT', url: '/v1/holidays/2031', headers: { ...auth(), ...json }, payload: JSON.stringify({ holidays: Array.from({ length: 2_000 }, () => '2031-01-01') }) });
    expect(expectProblem(holidays, 413).errors).toEqual([{ path: 'body.holidays', message: `more than ${LIMITS.entries} entries`, code: 'too_many_entries' }]);
  });

  it('a name above the schema’s .max() is a 422 naming it', async () => {
    const res = expectProblem(await upload(JSON.stringify({ ...base, villages: base.villages.map((v, i) => (i === 2 ? { ...v, name: '村'.repeat(LIMITS.name + 1) } : v)) })), 422);
    expect((res.errors as { path: string }[]).map((e) => e.path)).toEqual(['villages[2].name']);
  });
});

describe('3. error lists are capped and counted', () => {
  it('3,000 villages in an unknown town: the first 1,000 listed, errorCount 3,000', async () => {
    const before = await countScenarios();
    const villages = Array.from({ length: 3_000 }, (_, i) => ({ id: `X${i}`, name: `村${i}`, townId: 'nowhere', kind: 'village', location: east(1) }));
    const res = expectProblem(await upload(JSON.stringify({ ...base, villages })), 422);
    expect(res.detail).toBe('invalid scenario: 3000 problems (the first 1000 are listed)');
    expect(res.errorCount).toBe(3_000);
    expect(res.errors).toHaveLength(1_000);
    expect((res.errors as { path: string }[])[999]).toMatchObject({ path: 'villages[999].townId', message: 'unknown town' });
    expect(await countScenarios()).toBe(before);
  });

  it('a sheet of 300 bad rows: 1,000 problems listed of their count', async () => {
    const rows = Array.from({ length: 299 }, (_, i) => `L${i},,,,`).join('\n');
    const res = await app.inject({ method: 'POST', url: `/v1/scenarios/${scenarioId}/import/lawyers`, headers: { ...auth(), 'content-type': 'text/csv' }, payload: `编号,姓名,律师事务所编号,执业状态,服务上限\n${rows}\n` });
    const body = expectProblem(res, 422);
    expect(body.errorCount).toBe(299 * 3);
    expect(body.detail).toBe('897 problems in the sheet');
  });
});

describe('5. sheets: bombs, too many rows', () => {
  const importSheet = (payload: Buffer | string, type = XLSX) =>
    app.inject({ method: 'POST', url: `/v1/scenarios/${scenarioId}/import/villages`, headers: { ...auth(), 'content-type': type }, payload });

  it('an XLSX that inflates beyond the bound is refused from its directory (413), before exceljs opens it', async () => {
    const bomb = makeZip([{ name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(40 * 1024 * 1024) }]);
    expect(bomb.length).toBeLessThan(100 * 1024);
    const body = expectProblem(await importSheet(bomb), 413);
    expect(body.detail).toMatch(/inflates to 40 MB, more than the 256 kB this service reads/);
  });

  it('one whose headers understate its size is refused when it inflates past them', async () => {
    const liar = makeZip([{ name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(5 * 1024 * 1024), declare: 1_000 }]);
    expect(expectProblem(await importSheet(liar), 413).detail).toMatch(/inflates to more than the 1000 bytes it declares/);
  });

  it('more rows than the bound, CSV or XLSX: 413 saying so', async () => {
    const csv = `编号,名称\n${Array.from({ length: 400 }, (_, i) => `V${i},村`).join('\n')}\n`;
    expect(expectProblem(await importSheet(csv, 'text/csv'), 413).detail).toBe('the sheet has more than 300 rows, the most this service reads at once; split it');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('村');
    for (let i = 0; i < 400; i++) ws.addRow([`V${i}`, '村']);
    const xlsx = Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    expect(expectProblem(await importSheet(xlsx), 413).detail).toContain('more than 300 rows');
  });

  it('450,000 rows with the default bounds: 413, not a 500 (Math.max over every row overflowed)', async () => {
    const csv = `编号,名称\n${'V,村\n'.repeat(450_000)}`;
    const res = await defaults.inject({ method: 'POST', url: `/v1/scenarios/${scenarioId}/import/villages`, headers: { ...auth(), 'content-type': 'text/csv' }, payload: csv });
    expect(expectProblem(res, 413).detail).toContain('more than 200000 rows');
  });
});

describe('7. NUL characters: 400 before they reach the store', () => {
  it('in a JSON body, naming the path', async () => {
    const before = await countScenarios();
    const res = expectProblem(await upload(JSON.stringify({ ...base, name: 'a\u0000b' })), 400);
    expect(res.errors).toEqual([{ path: 'name', message: 'contains a NUL character (\\u0000)', code: 'nul_character' }]);
    const inKey = expectProblem(await upload(JSON.stringify({ ...base, policy: { mode: { 'K\u00001': 'team' } } })), 400);
    expect((inKey.errors as { path: string }[])[0].path).toBe('policy.mode["K\\u00001"]');
    const version = await app.inject({ method: 'POST', url: `/v1/scenarios/${scenarioId}/versions`, headers: { ...auth(), ...json }, payload: JSON.stringify({ changes: [{ op: 'remove-lawyer', lawyerId: 'L1' }], name: 'x\u0000' }) });
    expect(expectProblem(version, 400).errors).toEqual([{ path: 'body.name', message: 'contains a NUL character (\\u0000)', code: 'nul_character' }]);
    expect(await countScenarios()).toBe(before);
  });

  it('in a path parameter or the query string', async () => {
    expect(expectProblem(await app.inject({ url: '/v1/scenarios/ab%00cd', headers: auth() }), 400).errors).toEqual([{ path: 'params.id', message: 'contains a NUL character (%00)', code: 'nul_character' }]);
    expect(expectProblem(await app.inject({ url: '/v1/scenarios?cursor=%00', headers: auth() }), 400).errors).toEqual([{ path: 'querystring.cursor', message: 'contains a NUL character (%00)', code: 'nul_character' }]);
    expect((await app.inject({ url: '/v1/public/villages/x%00' })).statusCode).toBe(400);
    // a cursor whose decoded text holds a NUL is a bad cursor (400), not a query PostgreSQL refuses
    const cursor = Buffer.from(JSON.stringify(['2026-01-01T00:00:00.000Z', 'a\u0000'])).toString('base64url');
    expectProblem(await app.inject({ url: `/v1/scenarios?cursor=${cursor}`, headers: auth() }), 400);
  });

  it('in a CSV cell, naming the cell', async () => {
    const res = await app.inject({ method: 'POST', url: `/v1/scenarios/${scenarioId}/import/lawyers`, headers: { ...auth(), 'content-type': 'text/csv' }, payload: '编号,姓名\nL9,张\u0000三\n' });
    expect(expectProblem(res, 400).errors).toEqual([{ path: 'row 2, column B', message: expect.stringContaining('NUL'), code: expect.any(String) }]);
  });
});

describe('8. keys', () => {
  it('a non-ASCII key of the admin key’s length is a plain 401 (timingSafeEqual threw on unequal byte lengths)', async () => {
    for (const key of ['é'.repeat(ADMIN.length), 'x'.repeat(ADMIN.length), 'ü', `${ADMIN}x`]) {
      const res = await app.inject({ url: '/v1/scenarios', headers: { authorization: `Bearer ${key}` } });
      expect(expectProblem(res, 401).detail).toBe('unknown API key');
    }
  });
});

describe('9. errors Fastify and Node raise are problem+json too', () => {
  it('an id longer than the router takes: 414; a bad %-escape: 400', async () => {
    const long = expectProblem(await app.inject({ url: `/v1/scenarios/${'x'.repeat(3_000)}`, headers: auth() }), 414);
    expect(long).toMatchObject({ title: 'URI Too Long', errors: [{ path: 'url' }] });
    expect(String(long.instance).length).toBeLessThan(300);
    expectProblem(await app.inject({ url: '/v1/scenarios/%zz', headers: auth() }), 400);
    // over the schema's 100 but under the router's bound: the schema's 400 naming params.id
    expect(expectProblem(await app.inject({ url: `/v1/scenarios/${'x'.repeat(150)}`, headers: auth() }), 400).errors).toEqual([{ path: 'params.id', message: expect.any(String), code: 'too_big' }]);
  });

  it('a request Node itself refuses (bad HTTP, headers too large) gets problem+json on the socket; a chunked body past the limit gets its 413', async () => {
    const real = await buildApp({ defaultLanguage: 'en',  store, adminKey: ADMIN, workers: 1, maxDocumentBytes: 256 * 1024 });
    try {
      const address = await real.listen({ port: 0, host: '127.0.0.1' });
      const port = Number(new URL(address).port);
      const raw = (text: string) =>
        new Promise<string>((resolve, reject) => {
          const socket = connect(port, '127.0.0.1', () => socket.write(text));
          let out = '';
          socket.on('data', (d) => (out += d.toString()));
          socket.on('close', () => resolve(out));
          socket.on('error', reject);
        });
      for (const [text, status] of [
        ['NOT HTTP AT ALL\r\n\r\n', 400],
        [`GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`, 431],
      ] as const) {
        const answer = await raw(text);
        expect(answer).toMatch(new RegExp(`^HTTP/1.1 ${status} `));
        expect(answer).toContain('Content-Type: application/problem+json');
        // no header was read, so no language: the service's default, Chinese, with the English code
        expect(JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4))).toMatchObject({ status, code: status === 400 ? 'not_http' : 'headers_too_large', detail: expect.stringMatching(/[\u4e00-\u9fff]/) });
      }
      // 1 MB sent chunked (no length announced) at a route that takes 256 kB: the client, still sending, reads the 413
      const chunk = `${(64 * 1024).toString(16)}\r\n${' '.repeat(64 * 1024)}\r\n`;
      const head = `POST /v1/scenarios HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${ADMIN}\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n`;
      const answer = await raw(head + chunk.repeat(16) + '0\r\n\r\n');
      expect(answer).toMatch(/^HTTP\/1.1 413 /);
      expect(answer).toContain('application/problem+json');
    } finally {
      await real.close();
    }
  });
});

describe('13. PUT /v1/holidays/:year lists every problem at once', () => {
  it('a bad date, a weekday make-up day and the wrong year together', async () => {
    const table = { schema: 'ovola.holidays/v1', year: 2031, holidays: ['2031-02-30', '2030-10-01'], workdays: ['2031-03-05'] };
    const res = await app.inject({ method: 'PUT', url: '/v1/holidays/2032', headers: auth(), payload: table });
    const body = expectProblem(res, 422);
    expect((body.errors as { path: string }[]).map((e) => e.path).sort()).toEqual(['holidays[0]', 'holidays[1]', 'workdays[0]', 'year']);
  });
});

describe('property: arbitrary and hostile bodies never get a 5xx, and a refused one stores nothing', () => {
  /** JSON texts: anything, broken scenarios, and the hostile shapes above. */
  const jsonBodies = fc.oneof(
    fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v)),
    fc.tuple(fc.constantFrom('name', 'year', 'policy', 'regions', 'firms', 'lawyers', 'villages', 'preferences', 'pins', 'baseline', 'travelOverrides', 'schema', 'extra'), fc.jsonValue({ maxDepth: 3 })).map(([k, v]) => JSON.stringify({ ...base, [k]: v })),
    fc.integer({ min: 1, max: 3_000 }).map((n) => nestedArrays(n)),
    fc.integer({ min: 1, max: 3_000 }).map((n) => JSON.stringify({ ...base, policy: {} }).replace('"policy":{}', `"policy":{"mode":${nestedObjects(n)}}`)),
    fc.integer({ min: 0, max: 6_000 }).map((n) => JSON.stringify({ ...base, villages: Array.from({ length: n }, () => ({})) })),
    fc.string().map((s) => JSON.stringify({ ...base, name: s })),
    fc.string({ maxLength: 40 }),
    fc.constantFrom('', '{', '"\\u0000"', '{"__proto__": {}}', '\ufeff{}', '[1,2', 'null'),
  );

  it('POST /v1/scenarios', async () => {
    let count = await countScenarios();
    await fc.assert(
      fc.asyncProperty(jsonBodies, async (payload) => {
        const res = await upload(payload);
        if (res.statusCode === 201) count++;
        else expectProblem(res, undefined, payload);
        expect(await countScenarios()).toBe(count);
      }),
      { numRuns: 60 },
    );
  }, 60_000);

  it('POST /v1/scenarios/:id/versions', async () => {
    const change = fc.oneof(
      fc.record({ op: fc.constant('remove-lawyer'), lawyerId: fc.constantFrom('L1', 'L2', 'L9', '') }),
      fc.record({ op: fc.constant('update-village'), villageId: fc.constantFrom('V1', 'V9'), set: fc.dictionary(fc.constantFrom('name', 'townId', 'kind', 'location', 'x'), fc.jsonValue({ maxDepth: 2 })) }),
      fc.record({ op: fc.constant('set-policy'), set: fc.record({ mode: fc.oneof(fc.constantFrom('team', 'x'), fc.dictionary(fc.constantFrom('K1', 'K2', 'T1'), fc.constantFrom('team', 'bad'))) }) }),
      fc.record({ op: fc.constant('add-lawyer'), lawyer: fc.record({ id: fc.string(), name: fc.string(), firmId: fc.constantFrom('F1', 'F9'), status: fc.constantFrom('practicing', 'intern') }) }),
      fc.jsonValue({ maxDepth: 2 }),
    );
    const bodies = fc.oneof(fc.array(change, { maxLength: 5 }).map((changes) => JSON.stringify({ changes })), jsonBodies);
    let count = await countScenarios();
    await fc.assert(
      fc.asyncProperty(bodies, async (payload) => {
        const res = await app.inject({ method: 'POST', url: `/v1/scenarios/${scenarioId}/versions`, headers: { ...auth(), ...json }, payload });
        if (res.statusCode === 201) count++;
        else expectProblem(res, undefined, payload);
        expect(await countScenarios()).toBe(count);
      }),
      { numRuns: 60 },
    );
  }, 60_000);

  it('POST /v1/scenarios/:id/import/lawyers|villages, CSV and XLSX', async () => {
    const cell = fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom('编号', '姓名', '名称', '律师事务所编号', '执业状态', '执业', '镇街编号', 'T1', 'F1', '113.1', '23', '\u0000', '=1+1', '"'));
    const rows = fc.array(fc.array(cell, { maxLength: 6 }), { maxLength: 12 });
    const csv = rows.map((r) => ({ type: 'text/csv', payload: Buffer.from(r.map((x) => x.map((c) => `"${c.replaceAll('"', '""')}"`).join(',')).join('\n'), 'utf8') }));
    const xlsx = fc.oneof(
      rows.map(async (r) => {
        const wb = new ExcelJS.Workbook();
        const ws = wb.addWorksheet('s');
        for (const row of r) ws.addRow(row);
        return { type: XLSX, payload: Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer) };
      }),
      fc.uint8Array({ maxLength: 200 }).map((b) => ({ type: XLSX, payload: Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from(b)]) })),
      fc.tuple(fc.integer({ min: 0, max: 2_000_000 }), fc.option(fc.nat(5_000))).map(([size, declare]) => ({ type: XLSX, payload: makeZip([{ name: 'xl/workbook.xml', data: Buffer.alloc(size, 0x20), ...(declare === null ? {} : { declare }) }]) })),
    );
    let count = await countScenarios();
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('lawyers', 'villages'), fc.constantFrom('replace', 'append'), fc.oneof(csv, xlsx), async (kind, mode, made) => {
        const { type, payload } = await made;
        const res = await app.inject({ method: 'POST', url: `/v1/scenarios/${scenarioId}/import/${kind}?mode=${mode}`, headers: { ...auth(), 'content-type': type }, payload });
        if (res.statusCode === 201) count++;
        else expectProblem(res, undefined, `${type} ${payload.subarray(0, 100).toString('utf8')}`);
        expect(await countScenarios()).toBe(count);
      }),
      { numRuns: 60 },
    );
  }, 60_000);
});

// PostgreSQL stores what SQLite does not mind: make sure NUL never reaches it (the store tests run on both).
describe.runIf(DATABASE_URL)('PostgreSQL', () => {
  it('is where these ran', () => {
    expect(DATABASE_URL).toBeDefined();
  });
});
