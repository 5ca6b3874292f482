/**
 * Calendars over HTTP (SPEC §5, §6): the job that builds one, its exports, holiday tables, scope,
 * and the public look-up's next visits. SQLite always; PostgreSQL when DATABASE_URL is set (in a
 * schema of its own, dropped afterwards):
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npx vitest run test/http/calendars.test.ts
 */
import { readFileSync } from 'node:fs';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCalendar, parseHolidayTable, parseScenario, parseSolution, type Calendar, type Scenario, type Solution } from '../../src/domain/index.js';
import { buildApp, type App } from '../../src/http/app.js';
import { hashKey } from '../../src/http/auth.js';
import { PublicDirectory } from '../../src/http/public-directory.js';
import type { Store } from '../../src/store/types.js';
import { validateCalendar } from '../../src/validate/index.js';
import { testStore } from '../fixtures/store.js';

const ADMIN = 'test-admin-key-calendars-0123456789';
const CITY_KEY = 'ovk_city_key_for_calendar_tests_0';
const COUNTY_KEY = 'ovk_county_key_for_calendar_tests';
const OTHER_COUNTY_KEY = 'ovk_other_county_for_calendar_tests';
const auth = (key: string) => ({ authorization: `Bearer ${key}` });

const scenario: Scenario = parseScenario(JSON.parse(readFileSync(new URL('../../data/sample-county.json', import.meta.url), 'utf8')));
const city = scenario.regions.find((r) => r.level === 'city' && scenario.regions.some((t) => t.level === 'county' && t.parentId === r.id && scenario.regions.some((w) => w.parentId === t.id && scenario.villages.some((v) => v.townId === w.id))))!;
const county = scenario.regions.find((r) => r.level === 'county' && r.parentId === city.id)!;
/** a year in the future, so the public look-up has visits to come whatever day the test runs */
const NEXT = new Date().getUTCFullYear() + 1;
/** a year with no shipped holiday table */
const LATER = 2031;

let store: Store;
let app: App;
let drop: (() => Promise<void>) | undefined;
let scenarioId: string;
let solutionId: string;
let solution: Solution;
let calendarId: string;
let calendar: Calendar;

async function waitForJob(jobId: string): Promise<Record<string, unknown>> {
  for (let i = 0; i < 1200; i++) {
    const job = (await app.inject({ method: 'GET', url: `/v1/jobs/${jobId}`, headers: auth(ADMIN) })).json();
    if (!['queued', 'running'].includes(job.status)) return job;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`job ${jobId} did not finish`);
}

async function calendarJob(body: unknown, key = ADMIN): Promise<Record<string, unknown>> {
  const res = await app.inject({ method: 'POST', url: `/v1/solutions/${solutionId}/calendars`, headers: auth(key), payload: body as object });
  expect(res.statusCode, res.body).toBe(202);
  return waitForJob(res.json().jobId);
}

/** A village's on-site visits in time order, a team's joint visit once: what its public card lists. */
function onsiteSlots(cal: Calendar, villageId: string): Calendar['visits'] {
  const slots = new Map<string, Calendar['visits'][number]>();
  for (const v of cal.visits) if (v.villageId === villageId && v.kind !== 'remote') slots.set(`${v.date} ${v.start} ${v.end} ${v.kind}`, v);
  return [...slots.values()].sort((a, b) => (a.date + a.start).localeCompare(b.date + b.start));
}

/** The stored document without the record's fields put in front of it. */
function plainCalendar(doc: Record<string, unknown>): unknown {
  const { id: _i, solutionId: _s, scenarioId: _c, createdAt: _t, ...plain } = doc;
  return plain;
}

beforeAll(async () => {
  ({ store, drop } = await testStore('cal'));
  await store.insertApiKey({ id: 'k-city', scope: `city:${city.id}`, label: 'city' }, hashKey(CITY_KEY));
  await store.insertApiKey({ id: 'k-county', scope: `county:${county.id}`, label: 'county' }, hashKey(COUNTY_KEY));
  await store.insertApiKey({ id: 'k-other', scope: 'county:440106', label: 'another city' }, hashKey(OTHER_COUNTY_KEY));
  app = await buildApp({ defaultLanguage: 'en',  store, adminKey: ADMIN, workers: 2 });

  const created = await app.inject({ method: 'POST', url: '/v1/scenarios', headers: auth(ADMIN), payload: scenario });
  scenarioId = created.json().id;
  const solve = await app.inject({ method: 'POST', url: `/v1/scenarios/${scenarioId}/solve`, headers: auth(ADMIN), payload: {} });
  const job = await waitForJob(solve.json().jobId);
  expect(job.status).toBe('succeeded');
  solutionId = job.solutionId as string;
  solution = parseSolution(JSON.parse((await store.getSolutionBody(solutionId))!));
  const pub = await app.inject({ method: 'POST', url: `/v1/solutions/${solutionId}/publish`, headers: auth(CITY_KEY), payload: {} });
  expect(pub.statusCode, pub.body).toBe(200);
});

afterAll(async () => {
  await app?.close();
  await drop?.();
});

describe('a calendar job', () => {
  let cardBefore: { etag: string; body: Record<string, unknown> };
  const villageId = () => solution.assignments[0].villageId;

  it('the public card shows the policy text while no calendar exists', async () => {
    const res = await app.inject({ method: 'GET', url: `/v1/public/villages/${villageId()}` });
    expect(res.statusCode).toBe(200);
    cardBefore = { etag: res.headers.etag as string, body: res.json() };
    expect(cardBefore.body.nextVisits).toEqual([]);
    expect(cardBefore.body.serviceTimes).toMatch(/每月至少/);
  });

  it('the calendar endpoints are in the OpenAPI document', async () => {
    const spec = (await app.inject('/openapi.json')).json();
    expect(Object.keys(spec.paths)).toEqual(
      expect.arrayContaining([
        '/v1/solutions/{id}/calendars',
        '/v1/calendars/{id}',
        '/v1/calendars/{id}.csv',
        '/v1/calendars/{id}/lawyers/{lawyerId}.ics',
        '/v1/calendars/{id}/villages/{villageId}.ics',
        '/v1/holidays/{year}',
      ]),
    );
    expect(spec.paths['/v1/solutions/{id}/calendars'].post.requestBody.content['application/json'].schema.required).toEqual(['year']);
  });

  it('202 with Location, then succeeds with progress 1 and the new calendar id', async () => {
    const res = await app.inject({ method: 'POST', url: `/v1/solutions/${solutionId}/calendars`, headers: auth(CITY_KEY), payload: { year: NEXT, months: [`${NEXT}-01`, `${NEXT}-02`] } });
    expect(res.statusCode, res.body).toBe(202);
    expect(res.headers.location).toBe(`/v1/jobs/${res.json().jobId}`);
    expect(res.json().job).toMatchObject({ kind: 'calendar', scenarioId, status: 'queued' });
    const job = await waitForJob(res.json().jobId);
    expect(job, JSON.stringify(job)).toMatchObject({ status: 'succeeded', progress: 1, kind: 'calendar' });
    expect(job.solutionId).toBeUndefined();
    calendarId = job.calendarId as string;
    expect(calendarId).toEqual(expect.any(String));
  });

  it('GET /v1/calendars/:id is a valid ovola.calendar/v1 for the solution: no violations', async () => {
    const res = await app.inject({ method: 'GET', url: `/v1/calendars/${calendarId}`, headers: auth(CITY_KEY) });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('application/json');
    const doc = res.json();
    expect(doc).toMatchObject({ id: calendarId, solutionId, scenarioId, schema: 'ovola.calendar/v1', year: NEXT, months: [`${NEXT}-01`, `${NEXT}-02`] });
    calendar = parseCalendar(plainCalendar(doc));
    expect(calendar.visits.length).toBeGreaterThan(0);
    expect(validateCalendar(scenario, solution, calendar)).toEqual([]);
  });

  it('the solution lists its calendars', async () => {
    const res = await app.inject({ method: 'GET', url: `/v1/solutions/${solutionId}/calendars`, headers: auth(COUNTY_KEY) });
    expect(res.statusCode).toBe(200);
    expect(res.json().items).toEqual([
      { id: calendarId, solutionId, scenarioId, year: NEXT, months: [`${NEXT}-01`, `${NEXT}-02`], provisional: calendar.provisional, createdAt: expect.any(String), scope: city.id },
    ]);
  });

  it("a lawyer's and a village's .ics parse, every visit an event in Asia/Shanghai", async () => {
    const lawyerId = solution.assignments[0].lawyerId;
    const lawyer = await app.inject({ method: 'GET', url: `/v1/calendars/${calendarId}/lawyers/${lawyerId}.ics`, headers: auth(CITY_KEY) });
    expect(lawyer.statusCode, lawyer.body).toBe(200);
    expect(lawyer.headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect(lawyer.headers['content-disposition']).toMatch(/^attachment; filename="ovola-\d{4}-lawyer-[^"]+\.ics"; filename\*=UTF-8''/);
    const lawyerEvents = new ICAL.Component(ICAL.parse(lawyer.body)).getAllSubcomponents('vevent');
    const lawyerVisits = calendar.visits.filter((v) => v.lawyerId === lawyerId);
    expect(lawyerVisits.length).toBeGreaterThan(0);
    expect(lawyerEvents).toHaveLength(lawyerVisits.length);
    for (const e of lawyerEvents) expect(e.getFirstProperty('dtstart')!.getParameter('tzid')).toBe('Asia/Shanghai');

    const vid = villageId();
    const village = await app.inject({ method: 'GET', url: `/v1/calendars/${calendarId}/villages/${vid}.ics`, headers: auth(ADMIN) });
    expect(village.statusCode).toBe(200);
    expect(village.headers['content-type']).toBe('text/calendar; charset=utf-8');
    const villageEvents = new ICAL.Component(ICAL.parse(village.body)).getAllSubcomponents('vevent');
    expect(villageEvents).toHaveLength(calendar.visits.filter((v) => v.villageId === vid).length);
    const starts = villageEvents.map((e) => e.getFirstPropertyValue('dtstart')!.toString()).sort();
    expect(starts[0].slice(0, 10)).toBe(calendar.visits.filter((v) => v.villageId === vid).map((v) => v.date).sort()[0]);
  });

  it('the CSV has Chinese headers and one row per visit', async () => {
    const res = await app.inject({ method: 'GET', url: `/v1/calendars/${calendarId}.csv`, headers: auth(ADMIN) });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toContain(`filename="ovola-calendar-${calendarId}.csv"`);
    const lines = res.body.replace(/^\uFEFF/, '').trimEnd().split(/\r?\n/);
    expect(lines[0]).toMatch(/日期/);
    expect(lines[0]).toMatch(/村/);
    expect(lines).toHaveLength(calendar.visits.length + 1);
  });

  it("the published solution's new calendar shows in the public card: next visits, new ETag", async () => {
    const url = `/v1/public/villages/${villageId()}`;
    let res = await app.inject({ method: 'GET', url, headers: { 'if-none-match': cardBefore.etag } });
    // the directory reloads right after the job is stored
    for (let i = 0; i < 100 && res.statusCode === 304; i++) {
      await new Promise((r) => setTimeout(r, 20));
      res = await app.inject({ method: 'GET', url, headers: { 'if-none-match': cardBefore.etag } });
    }
    expect(res.statusCode).toBe(200);
    expect(res.headers.etag).not.toBe(cardBefore.etag);
    const card = res.json();
    const own = onsiteSlots(calendar, villageId());
    expect(card.nextVisits.length).toBe(Math.min(3, own.length));
    expect(card.nextVisits[0]).toEqual({ date: own[0].date, weekday: expect.stringMatching(/^周[一二三四五六日]$/), start: own[0].start, end: own[0].end, kind: own[0].kind, kindName: expect.any(String) });
    for (const v of card.nextVisits) expect(['现场服务', '法律夜校', '周末服务']).toContain(v.kindName);
    expect(card.serviceTimes).toContain(`${Number(own[0].date.slice(5, 7))}月${Number(own[0].date.slice(8, 10))}日`);
    expect(card.serviceTimes).toContain(card.nextVisits[0].kindName);
    const again = await app.inject({ method: 'GET', url, headers: { 'if-none-match': res.headers.etag as string } });
    expect(again.statusCode).toBe(304);
  });
});

describe('bad requests and unknown ids', () => {
  it('months outside the year → 400 naming months[0]; other bad bodies name their field', async () => {
    const post = (payload: object) => app.inject({ method: 'POST', url: `/v1/solutions/${solutionId}/calendars`, headers: auth(ADMIN), payload });
    const outside = await post({ year: 2026, months: ['2027-01'] });
    expect(outside.statusCode).toBe(400);
    expect(outside.headers['content-type']).toContain('application/problem+json');
    expect(outside.json().errors).toEqual([{ path: 'body.months[0]', message: '2027-01 is not a month of 2026', code: 'month_outside_year' }]);
    const cases: [object, string][] = [
      [{ year: 2026, months: ['2026-01', '2026-13'] }, 'body.months[1]'],
      [{ year: 2026, months: ['2026-03', '2026-03'] }, 'body.months[1]'],
      [{ year: 1999 }, 'body.year'],
      [{ year: 2026.5 }, 'body.year'],
      [{ months: ['2026-01'] }, 'body.year'],
      [{ year: 2026, weeks: 3 }, 'body.weeks'],
    ];
    for (const [payload, path] of cases) {
      const res = await post(payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.json().errors.map((e: { path: string }) => e.path), JSON.stringify(payload)).toContain(path);
    }
    expect((await store.listCalendars(solutionId)).map((c) => c.id)).toEqual([calendarId]);
  });

  it('unknown ids → 404 problem+json', async () => {
    const urls = [
      '/v1/calendars/nope',
      '/v1/calendars/nope.csv',
      '/v1/calendars/nope/lawyers/L1.ics',
      '/v1/calendars/nope/villages/V1.ics',
      '/v1/solutions/nope/calendars',
      `/v1/calendars/${calendarId}/lawyers/nope.ics`,
      `/v1/calendars/${calendarId}/villages/nope.ics`,
    ];
    for (const url of urls) {
      const res = await app.inject({ method: 'GET', url, headers: auth(ADMIN) });
      expect(res.statusCode, url).toBe(404);
      expect(res.headers['content-type'], url).toContain('application/problem+json');
      expect(res.json().detail, url).toContain('"nope"');
    }
    const post = await app.inject({ method: 'POST', url: '/v1/solutions/nope/calendars', headers: auth(ADMIN), payload: { year: 2026 } });
    expect(post.statusCode).toBe(404);
  });

  it("a key of another region sees none of it (404); the city's own keys do", async () => {
    const lawyerId = solution.assignments[0].lawyerId;
    const urls = [`/v1/calendars/${calendarId}`, `/v1/calendars/${calendarId}.csv`, `/v1/calendars/${calendarId}/lawyers/${lawyerId}.ics`, `/v1/solutions/${solutionId}/calendars`];
    for (const url of urls) {
      expect((await app.inject({ method: 'GET', url, headers: auth(OTHER_COUNTY_KEY) })).statusCode, url).toBe(404);
      expect((await app.inject({ method: 'GET', url, headers: auth(COUNTY_KEY) })).statusCode, url).toBe(200);
    }
    const post = await app.inject({ method: 'POST', url: `/v1/solutions/${solutionId}/calendars`, headers: auth(OTHER_COUNTY_KEY), payload: { year: NEXT } });
    expect(post.statusCode).toBe(404);
    expect((await app.inject({ method: 'GET', url: `/v1/calendars/${calendarId}` })).statusCode).toBe(401);
  });
});

describe('holiday tables', () => {
  // 2031-03-04 is a Tuesday, 2031-03-08 a Saturday
  const official = { schema: 'ovola.holidays/v1', year: LATER, holidays: ['2031-01-01', '2031-03-04'], workdays: ['2031-03-08'], source: '测试用官方表' };

  it('a year without shipped data is computed and provisional; its calendar says so', async () => {
    const res = await app.inject({ method: 'GET', url: `/v1/holidays/${LATER}`, headers: auth(COUNTY_KEY) });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ year: LATER, provisional: true, source: 'computed', table: { schema: 'ovola.holidays/v1', year: LATER } });
    const shipped = (await app.inject({ method: 'GET', url: '/v1/holidays/2025', headers: auth(COUNTY_KEY) })).json();
    expect(shipped).toMatchObject({ year: 2025, provisional: false, source: 'shipped' });
    expect(shipped.table.holidays).toContain('2025-10-01');

    const job = await calendarJob({ year: LATER, months: [`${LATER}-03`] });
    expect(job.status).toBe('succeeded');
    expect(await store.getCalendar(job.calendarId as string)).toMatchObject({ year: LATER, months: [`${LATER}-03`], provisional: true });
  });

  it('only an admin loads a table (403); a bad table → 422 naming the field; a wrong year → 422', async () => {
    for (const key of [CITY_KEY, COUNTY_KEY]) {
      const res = await app.inject({ method: 'PUT', url: `/v1/holidays/${LATER}`, headers: auth(key), payload: official });
      expect(res.statusCode).toBe(403);
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
    const weekdayWorkday = await app.inject({ method: 'PUT', url: `/v1/holidays/${LATER}`, headers: auth(ADMIN), payload: { ...official, workdays: ['2031-03-05'] } });
    expect(weekdayWorkday.statusCode).toBe(422);
    expect(weekdayWorkday.json().errors.map((e: { path: string }) => e.path)).toEqual(['workdays[0]']);
    const unknownField = await app.inject({ method: 'PUT', url: `/v1/holidays/${LATER}`, headers: auth(ADMIN), payload: { ...official, extra: 1 } });
    expect(unknownField.statusCode).toBe(422);
    expect(unknownField.json().errors).toEqual([{ path: 'extra', message: 'unknown field', code: 'unknown_field' }]);
    const wrongYear = await app.inject({ method: 'PUT', url: '/v1/holidays/2030', headers: auth(ADMIN), payload: official });
    expect(wrongYear.statusCode).toBe(422);
    expect(wrongYear.json().errors[0].path).toBe('year');
    expect((await app.inject({ method: 'PUT', url: '/v1/holidays/1999', headers: auth(ADMIN), payload: official })).json().errors[0].path).toBe('params.year');
    expect(await store.getHolidayTable(LATER)).toBeUndefined();
  });

  it('an admin loads the official table: it is in force, and later calendars of the year follow it and are not provisional', async () => {
    const put = await app.inject({ method: 'PUT', url: `/v1/holidays/${LATER}`, headers: auth(ADMIN), payload: official });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json()).toMatchObject({ year: LATER, provisional: false, source: 'loaded', table: official });
    const get = (await app.inject({ method: 'GET', url: `/v1/holidays/${LATER}`, headers: auth(CITY_KEY) })).json();
    expect(get).toEqual(put.json());

    const job = await calendarJob({ year: LATER, months: [`${LATER}-03`] });
    expect(job.status, JSON.stringify(job)).toBe('succeeded');
    const doc = (await app.inject({ method: 'GET', url: `/v1/calendars/${job.calendarId as string}`, headers: auth(ADMIN) })).json();
    const cal = parseCalendar(plainCalendar(doc));
    expect(cal.provisional).toBe(false);
    expect(cal.visits.some((v) => v.date === '2031-03-04')).toBe(false);
    expect(validateCalendar(scenario, solution, cal, { holidays: parseHolidayTable(official) })).toEqual([]);
    // the make-up working day (a Saturday) has weekday visits, which the computed table would refuse: the loaded one was used
    expect(cal.visits.some((v) => v.date === '2031-03-08' && v.kind !== 'weekend')).toBe(true);
    expect(validateCalendar(scenario, solution, cal).some((v) => v.message.includes('2031-03-08'))).toBe(true);
    const list = (await app.inject({ method: 'GET', url: `/v1/solutions/${solutionId}/calendars`, headers: auth(ADMIN) })).json().items;
    expect(list.map((c: { provisional: boolean; year: number }) => [c.year, c.provisional])).toEqual([
      [LATER, false],
      [LATER, true],
      [NEXT, calendar.provisional],
    ]);
  });
});

describe('failures and cancellation', () => {
  it('a calendar that cannot be built fails the job and writes nothing', async () => {
    // a table that slipped past the API (written straight to the store) is refused by the worker
    await store.putHolidayTable(2032, JSON.stringify({ schema: 'ovola.holidays/v1', year: 2032, holidays: ['2031-05-01'], workdays: [] }));
    const before = (await store.listCalendars(solutionId)).length;
    const job = await calendarJob({ year: 2032, months: ['2032-01'] });
    expect(job).toMatchObject({ status: 'failed', phase: 'failed' });
    expect(job.error).toMatch(/holidays\[0\]/);
    expect(job.calendarId).toBeUndefined();
    expect(await store.listCalendars(solutionId)).toHaveLength(before);
  });

  it('a queued calendar job is cancelled and leaves no calendar', async () => {
    const slow = await buildApp({ defaultLanguage: 'en',  store, adminKey: ADMIN, workers: 1 });
    try {
      const before = (await store.listCalendars(solutionId)).length;
      const post = () => slow.inject({ method: 'POST', url: `/v1/solutions/${solutionId}/calendars`, headers: auth(ADMIN), payload: { year: NEXT, months: [`${NEXT}-03`] } });
      const first = (await post()).json();
      const second = (await post()).json();
      const cancelled = await slow.inject({ method: 'DELETE', url: `/v1/jobs/${second.jobId}`, headers: auth(ADMIN) });
      expect(cancelled.json()).toMatchObject({ status: 'cancelled', kind: 'calendar' });
      const running = (await slow.inject({ method: 'DELETE', url: `/v1/jobs/${first.jobId}`, headers: auth(ADMIN) })).json();
      expect(['cancelled', 'succeeded']).toContain(running.status);
      expect(await store.listCalendars(solutionId)).toHaveLength(before + (running.status === 'succeeded' ? 1 : 0));
    } finally {
      await slow.close();
    }
  });
});

describe('the public directory moves on day by day', () => {
  it('lists the visits still to come, each month from the newest calendar covering it, then the policy text after the last', async () => {
    let today = `${NEXT}-01-01`;
    const directory = new PublicDirectory(() => today);
    await directory.reload(store);
    const vid = solution.assignments[0].villageId;
    // January and February of NEXT come from the first calendar, whatever was made later for other months
    const own = onsiteSlots(calendar, vid);
    expect(own.length).toBeGreaterThan(1);
    const read = () => JSON.parse(directory.lookup(vid)!.body.toString()) as { nextVisits: { date: string; start: string }[]; serviceTimes: string };
    expect(read().nextVisits.map((v) => v.date + v.start)).toEqual(own.slice(0, 3).map((v) => v.date + v.start));
    const etag = directory.lookup(vid)!.etag;
    const later = own.find((v) => v.date > own[0].date)!;
    today = later.date;
    expect(read().nextVisits[0].date).toBe(later.date);
    expect(directory.lookup(vid)!.etag).not.toBe(etag);

    // after every calendar's last month: the policy's promise again
    today = `${LATER + 1}-01-01`;
    expect(read().nextVisits).toEqual([]);
    expect(read().serviceTimes).toMatch(/每月至少/);
    // a directory loaded on that day keeps no visits at all
    const fresh = new PublicDirectory(() => today);
    await fresh.reload(store);
    expect(JSON.parse(fresh.lookup(vid)!.body.toString()).nextVisits).toEqual([]);
  });
});
