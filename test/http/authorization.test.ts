/**
 * The authorization matrix: every operation of /openapi.json × every kind of caller × the region of the
 * resource it touches, each call checked against the access table of docs/ACCESS.md as this test states
 * it on its own (never read from the code under test). A route the table does not know fails the test,
 * so a new route cannot ship without its row.
 */
import { randomUUID } from 'node:crypto';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCalendar, holidaysFor } from '../../src/calendar/index.js';
import { summarize } from '../../src/domain/summary.js';
import { buildApp, type App } from '../../src/http/app.js';
import { solve } from '../../src/solver/solve.js';
import type { Store } from '../../src/store/types.js';
import { testStore } from '../fixtures/store.js';
import { CITY, COUNTY, FAR_COUNTY, KEYS, keyText, NEIGHBOUR, OTHER_CITY, storeKeys, tenancyScenario, type KeyName } from '../fixtures/tenancy.js';

/** Where the resource of a call lies: one county of city 4401, the whole of city 4401, or a county of city 4403. */
type Variant = 'county' | 'city' | 'far';
const VARIANTS: Variant[] = ['county', 'city', 'far'];
const PRINCIPALS: KeyName[] = ['admin', 'cityOwn', 'cityOther', 'countyOwn', 'countyNeighbour', 'countyFar', 'none', 'revoked'];

const VILLAGES = { county: ['a1', 'a2'], city: ['a1', 'a2', 'b1', 'b2'], far: ['c1'] } as const;
/** the county and city of each fixture village */
const PLACE: Record<string, { county: string; city: string }> = {
  a1: { county: COUNTY, city: CITY },
  a2: { county: COUNTY, city: CITY },
  b1: { county: NEIGHBOUR, city: CITY },
  b2: { county: NEIGHBOUR, city: CITY },
  c1: { county: FAR_COUNTY, city: OTHER_CITY },
};
/** the firm near the first village of each variant */
const FIRM = { county: 'FA1', city: 'FA1', far: 'FB' } as const;

// --- the table, stated independently of src/http/policy.ts ---------------------------------------

const scopeOf = (k: KeyName): { kind: 'admin' | 'city' | 'county'; code?: string } => {
  const s = KEYS[k as keyof typeof KEYS];
  if (s === 'admin') return { kind: 'admin' };
  const [kind, code] = s.split(':') as ['city' | 'county', string];
  return { kind, code };
};
const inScope = (k: KeyName, village: string) => {
  const s = scopeOf(k);
  return s.kind === 'admin' || (s.kind === 'city' ? PLACE[village].city : PLACE[village].county) === s.code;
};
/** a key reads a resource when one of its villages lies in the key's region */
const reads = (k: KeyName, v: Variant) => VILLAGES[v].some((id) => inScope(k, id));
/** ... and changes it as a whole when all of them do */
const wholly = (k: KeyName, v: Variant) => VILLAGES[v].every((id) => inScope(k, id));

type Rule = 'public' | 'key' | 'admin' | 'list' | 'create' | 'read' | 'change' | 'derive' | 'publish' | 'calendar' | 'replan' | 'cancel';

/** The status a caller must get, and what an allowed call must show. */
function expected(rule: Rule, ok: number, k: KeyName, v: Variant): number {
  if (rule === 'public') return ok;
  if (k === 'none' || k === 'revoked') return 401;
  switch (rule) {
    case 'key':
    case 'list':
      return ok;
    case 'admin':
      return k === 'admin' ? ok : 403;
    case 'create':
      return wholly(k, v) ? ok : 403;
    case 'read':
    case 'publish':
    case 'calendar':
    case 'replan':
      return reads(k, v) ? ok : 404;
    case 'change':
      return !reads(k, v) ? 404 : wholly(k, v) ? ok : 403;
    case 'derive':
      // the change touches the first village (versions) or adds a lawyer of the firm next to it (imports)
      return !reads(k, v) ? 404 : inScope(k, VILLAGES[v][0]) ? ok : 403;
    case 'cancel':
      // the job was submitted by an admin: its canceller must hold the whole scenario
      return !reads(k, v) ? 404 : wholly(k, v) ? ok : 403;
  }
}

// --- fixtures: a fresh resource per call, so no call sees another's publications or owners ---------

interface Resource {
  variant: Variant;
  tag: string;
  scenarioId: string;
  solutionId: string;
  calendarId: string;
  jobId: string;
  /** the fixture's village ids, renamed for this resource */
  villages: string[];
  lawyerId: string;
}

let store: Store;
let drop: () => Promise<void>;
let app: App;
let counter = 0;

function scenarioOf(variant: Variant, tag: string) {
  const ids = VILLAGES[variant];
  return tenancyScenario([...ids], { name: `${variant} ${tag}`, place: Object.fromEntries(ids.map((id) => [id, { id: `${id}-${tag}`, town: PLACE[id].county === COUNTY ? 'T1' : PLACE[id].county === NEIGHBOUR ? 'T2' : 'T3' }])) });
}

async function resource(variant: Variant): Promise<Resource> {
  const tag = String(++counter);
  const scenario = scenarioOf(variant, tag);
  const { summary, regions } = summarize(scenario);
  const s = await store.insertScenario({ id: randomUUID(), parentId: null, name: scenario.name, summary, regions }, JSON.stringify(scenario));
  const plan = solve(scenario);
  const solution = await store.insertSolution({ id: randomUUID(), scenarioId: s.id }, JSON.stringify(plan));
  const calendar = buildCalendar(scenario, plan, { year: 2027, months: ['2027-01'] });
  const cal = await store.insertCalendar({ id: randomUUID(), solutionId: solution.id, scenarioId: s.id, year: 2027, months: ['2027-01'], provisional: calendar.provisional }, JSON.stringify(calendar));
  const job = await store.insertJob({ id: randomUUID(), kind: 'solve', scenarioId: s.id, params: {}, keyId: 'env', scope: 'admin' });
  await store.updateJob(job.id, { status: 'failed', error: 'a fixture' });
  return { variant, tag, scenarioId: s.id, solutionId: solution.id, calendarId: cal.id, jobId: job.id, villages: scenario.villages.map((x) => x.id), lawyerId: plan.assignments[0].lawyerId };
}

// --- every operation: its rule, its success status, and a request on a resource -------------------

interface Op {
  rule: Rule;
  ok: number;
  /** null: the operation touches no regional resource (one variant is enough) */
  request: (r: Resource | null, v: Variant) => InjectOptions;
}

const json = (method: InjectOptions['method'], url: string, payload: unknown = {}): InjectOptions => ({ method, url, payload: payload as object });
const holidays = { ...holidaysFor(2031).table, schema: 'ovola.holidays/v1', year: 2031 };

const OPS: Record<string, Op> = {
  'GET /healthz': { rule: 'public', ok: 200, request: () => ({ url: '/healthz' }) },
  'GET /readyz': { rule: 'public', ok: 200, request: () => ({ url: '/readyz' }) },
  'GET /v1/public/villages/{villageId}': { rule: 'public', ok: 200, request: () => ({ url: '/v1/public/villages/pub1' }) },
  'POST /v1/scenarios': { rule: 'create', ok: 201, request: (_r, v) => json('POST', '/v1/scenarios', scenarioOf(v, `new${++counter}`)) },
  'GET /v1/scenarios': { rule: 'list', ok: 200, request: () => ({ url: '/v1/scenarios' }) },
  'GET /v1/scenarios/{id}': { rule: 'read', ok: 200, request: (r) => ({ url: `/v1/scenarios/${r!.scenarioId}` }) },
  'GET /v1/scenarios/{id}.xlsx': { rule: 'read', ok: 200, request: (r) => ({ url: `/v1/scenarios/${r!.scenarioId}.xlsx` }) },
  'GET /v1/templates/scenario.xlsx': { rule: 'key', ok: 200, request: () => ({ url: '/v1/templates/scenario.xlsx' }) },
  'GET /v1/scenarios/{id}/document': { rule: 'read', ok: 200, request: (r) => ({ url: `/v1/scenarios/${r!.scenarioId}/document` }) },
  'GET /v1/scenarios/{id}/solutions': { rule: 'read', ok: 200, request: (r) => ({ url: `/v1/scenarios/${r!.scenarioId}/solutions` }) },
  'DELETE /v1/scenarios/{id}': { rule: 'change', ok: 204, request: (r) => ({ method: 'DELETE', url: `/v1/scenarios/${r!.scenarioId}` }) },
  'POST /v1/scenarios/{id}/solve': { rule: 'change', ok: 202, request: (r) => json('POST', `/v1/scenarios/${r!.scenarioId}/solve`) },
  'POST /v1/scenarios/{id}/versions': {
    rule: 'derive',
    ok: 201,
    request: (r) => json('POST', `/v1/scenarios/${r!.scenarioId}/versions`, { changes: [{ op: 'update-village', villageId: r!.villages[0], set: { name: '改名村' } }] }),
  },
  'POST /v1/scenarios/{id}/import/lawyers': {
    rule: 'derive',
    ok: 201,
    request: (r) => ({
      method: 'POST',
      url: `/v1/scenarios/${r!.scenarioId}/import/lawyers?mode=append`,
      headers: { 'content-type': 'text/csv' },
      payload: `编号,姓名,律师事务所编号,执业状态\nLNEW${r!.tag},新律师,${FIRM[r!.variant]},执业\n`,
    }),
  },
  'POST /v1/scenarios/{id}/import/villages': {
    rule: 'derive',
    ok: 201,
    request: (r) => ({
      method: 'POST',
      url: `/v1/scenarios/${r!.scenarioId}/import/villages?mode=append`,
      headers: { 'content-type': 'text/csv' },
      payload: `编号,名称,镇街编号,类型,经度,纬度\nVNEW${r!.tag},新村,${r!.variant === 'far' ? 'T3' : 'T1'},村,113.02,23.0\n`,
    }),
  },
  'GET /v1/jobs/{jobId}': { rule: 'read', ok: 200, request: (r) => ({ url: `/v1/jobs/${r!.jobId}` }) },
  'DELETE /v1/jobs/{jobId}': { rule: 'cancel', ok: 200, request: (r) => ({ method: 'DELETE', url: `/v1/jobs/${r!.jobId}` }) },
  'GET /v1/solutions/{id}/blocking-pairs': { rule: 'read', ok: 200, request: (r) => ({ url: `/v1/solutions/${r!.solutionId}/blocking-pairs` }) },
  'GET /v1/solutions/{id}': { rule: 'read', ok: 200, request: (r) => ({ url: `/v1/solutions/${r!.solutionId}` }) },
  'GET /v1/solutions/{id}/publish-preview': { rule: 'publish', ok: 200, request: (r) => ({ url: `/v1/solutions/${r!.solutionId}/publish-preview` }) },
  'POST /v1/solutions/{id}/publish': { rule: 'publish', ok: 200, request: (r) => json('POST', `/v1/solutions/${r!.solutionId}/publish`) },
  'DELETE /v1/solutions/{id}/publish': { rule: 'publish', ok: 200, request: (r) => ({ method: 'DELETE', url: `/v1/solutions/${r!.solutionId}/publish` }) },
  'GET /v1/solutions/{id}.geojson': { rule: 'read', ok: 200, request: (r) => ({ url: `/v1/solutions/${r!.solutionId}.geojson` }) },
  'GET /v1/solutions/{id}.csv': { rule: 'read', ok: 200, request: (r) => ({ url: `/v1/solutions/${r!.solutionId}.csv` }) },
  'GET /v1/solutions/{id}.xlsx': { rule: 'read', ok: 200, request: (r) => ({ url: `/v1/solutions/${r!.solutionId}.xlsx` }) },
  'POST /v1/solutions/{id}/replan': { rule: 'replan', ok: 202, request: (r) => json('POST', `/v1/solutions/${r!.solutionId}/replan`, { changes: [] }) },
  'GET /v1/compare': { rule: 'read', ok: 200, request: (r) => ({ url: `/v1/compare?a=${r!.solutionId}&b=${r!.solutionId}` }) },
  'GET /v1/solutions/{id}/villages/{villageId}/explain': { rule: 'read', ok: 200, request: (r) => ({ url: `/v1/solutions/${r!.solutionId}/villages/${r!.villages[0]}/explain` }) },
  'POST /v1/solutions/{id}/calendars': { rule: 'calendar', ok: 202, request: (r) => json('POST', `/v1/solutions/${r!.solutionId}/calendars`, { year: 2027, months: ['2027-02'] }) },
  'GET /v1/solutions/{id}/calendars': { rule: 'read', ok: 200, request: (r) => ({ url: `/v1/solutions/${r!.solutionId}/calendars` }) },
  'GET /v1/calendars/{id}': { rule: 'read', ok: 200, request: (r) => ({ url: `/v1/calendars/${r!.calendarId}` }) },
  'GET /v1/calendars/{id}.csv': { rule: 'read', ok: 200, request: (r) => ({ url: `/v1/calendars/${r!.calendarId}.csv` }) },
  'GET /v1/calendars/{id}/lawyers/{lawyerId}.ics': { rule: 'read', ok: 200, request: (r) => ({ url: `/v1/calendars/${r!.calendarId}/lawyers/${r!.lawyerId}.ics` }) },
  'GET /v1/calendars/{id}/villages/{villageId}.ics': { rule: 'read', ok: 200, request: (r) => ({ url: `/v1/calendars/${r!.calendarId}/villages/${r!.villages[0]}.ics` }) },
  'GET /v1/holidays/{year}': { rule: 'key', ok: 200, request: () => ({ url: '/v1/holidays/2031' }) },
  'PUT /v1/holidays/{year}': { rule: 'admin', ok: 200, request: () => json('PUT', '/v1/holidays/2031', holidays) },
  'PUT /v1/divisions': { rule: 'admin', ok: 200, request: () => json('PUT', '/v1/divisions', { schema: 'ovola.divisions/v1', regions: [], villages: [] }) },
  'GET /v1/me': { rule: 'key', ok: 200, request: () => ({ url: '/v1/me' }) },
  'GET /v1/notices/{countyId}': { rule: 'key', ok: 200, request: () => ({ url: '/v1/notices/440103' }) },
  'GET /v1/divisions': { rule: 'key', ok: 200, request: () => ({ url: '/v1/divisions' }) },
  'GET /v1/divisions/document': { rule: 'key', ok: 200, request: () => ({ url: '/v1/divisions/document' }) },
  'GET /v1/villages/{villageId}/owner': { rule: 'key', ok: 200, request: () => ({ url: '/v1/villages/pub1/owner' }) },
  'PUT /v1/villages/{villageId}/owner': { rule: 'admin', ok: 200, request: () => json('PUT', `/v1/villages/moved${++counter}/owner`, { countyId: COUNTY, cityId: CITY }) },
  'GET /v1/keys': { rule: 'admin', ok: 200, request: () => ({ url: '/v1/keys' }) },
  'POST /v1/keys': { rule: 'admin', ok: 201, request: () => json('POST', '/v1/keys', { scope: `county:${COUNTY}`, label: '新县局' }) },
  'DELETE /v1/keys/{id}': {
    rule: 'admin',
    ok: 204,
    request: () => {
      // a key of its own to revoke, made just before
      const id = `k-gone-${++counter}`;
      pendingKeys.push(store.insertApiKey({ id, scope: `county:${COUNTY}`, label: 'to revoke' }, `hash-${id}`));
      return { method: 'DELETE', url: `/v1/keys/${id}` };
    },
  },
  'GET /v1/audit': { rule: 'admin', ok: 200, request: () => ({ url: '/v1/audit' }) },
};

/** keys a request builder made, awaited before the request is sent */
const pendingKeys: Promise<unknown>[] = [];

const headersFor = (k: KeyName): Record<string, string> => (k === 'none' ? {} : { authorization: `Bearer ${keyText(k)}` });

beforeAll(async () => {
  ({ store, drop } = await testStore('authz'));
  await storeKeys(store);
  // the matrix submits many small jobs with one key: the queue's own bounds are tested in hostile and outages
  app = await buildApp({ store, workers: 1, jobLimits: { maxJobs: 1000, maxJobsPerKey: 1000 } });
  // one published card for the public look-up, and a registry so that the registry reads answer 200
  const pub = tenancyScenario(['a1'], { place: { a1: { id: 'pub1', town: 'T1' } } });
  const { summary, regions } = summarize(pub);
  const s = await store.insertScenario({ id: randomUUID(), parentId: null, name: 'pub', summary, regions }, JSON.stringify(pub));
  const sol = await store.insertSolution({ id: randomUUID(), scenarioId: s.id }, JSON.stringify(solve(pub)));
  expect((await app.inject({ method: 'POST', url: `/v1/solutions/${sol.id}/publish`, headers: headersFor('countyOwn'), payload: {} })).statusCode).toBe(200);
  expect((await app.inject(json('PUT', '/v1/divisions', { schema: 'ovola.divisions/v1', regions: [], villages: [] }))).statusCode).toBe(401);
  expect((await app.inject({ ...json('PUT', '/v1/divisions', { schema: 'ovola.divisions/v1', regions: [], villages: [] }), headers: headersFor('admin') })).statusCode).toBe(200);
});

afterAll(async () => {
  await app.close();
  await drop();
});

describe('the authorization matrix', () => {
  it('knows every operation of /openapi.json, and /openapi.json every operation it knows', async () => {
    const spec = (await app.inject('/openapi.json')).json() as { paths: Record<string, Record<string, unknown>> };
    const operations = Object.entries(spec.paths).flatMap(([path, methods]) => Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`));
    expect(operations.sort()).toEqual(Object.keys(OPS).sort());
  });

  for (const [operation, op] of Object.entries(OPS)) {
    const regional = !['public', 'key', 'admin', 'list', 'create'].includes(op.rule) || op.rule === 'create';
    it(`${operation} (${op.rule})`, async () => {
      const failures: string[] = [];
      for (const v of regional ? VARIANTS : (['county'] as Variant[])) {
        for (const k of PRINCIPALS) {
          const r = op.rule === 'create' || !regional ? null : await resource(v);
          const req = op.request(r, v);
          await Promise.all(pendingKeys.splice(0));
          const res = await app.inject({ ...req, headers: { ...(req.headers as Record<string, string>), ...headersFor(k) } });
          const want = expected(op.rule, op.ok, k, v);
          if (res.statusCode !== want) failures.push(`${k} on ${v}: ${res.statusCode}, expected ${want} ${res.statusCode >= 400 ? res.body.slice(0, 600) : ''}`);
          else if (res.statusCode >= 400) {
            if (!String(res.headers['content-type']).includes('application/problem+json')) failures.push(`${k} on ${v}: ${res.statusCode} is not problem+json`);
            // Chinese first: a caller who names no language reads the refusal in Chinese
            else if (!/\p{Script=Han}/u.test(`${res.json().title}${res.json().detail ?? ''}`)) failures.push(`${k} on ${v}: ${res.statusCode} not in Chinese: ${res.body.slice(0, 200)}`);
          } else if (op.rule === 'publish' && req.method === 'POST') {
            // exactly the villages of the resource that lie in the caller's region
            const published = VILLAGES[v].filter((id) => inScope(k, id)).length;
            if (res.json().published !== published) failures.push(`${k} on ${v}: published ${res.json().published}, expected ${published}`);
          }
        }
      }
      expect(failures).toEqual([]);
    });
  }
});
