import { Readable } from 'node:stream';
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { holidaysFor } from '../../calendar/index.js';
import { HolidayTable, parseHolidayTable } from '../../domain/index.js';
import { CSV_MIME, IoWorker } from '../../io/index.js';
import type { CalendarRecord, ScenarioRecord, Store } from '../../store/types.js';
import type { JobRunner } from '../jobs.js';
import { calendarScope } from '../policy.js';
import { documentSchema, fileResponse, TextFile } from '../openapi.js';
import { notFound } from '../problem.js';
import { JobView, jobView } from './jobs.js';
import { contentDisposition, safeName } from './exports.js';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
/** the years a calendar and a holiday table may be for (as ovola.calendar/v1 allows) */
const Year = z.number().int().min(2000).max(2100);

export const CalendarRequest = z
  .strictObject({
    year: Year,
    /** `YYYY-MM` months of `year`, each once; the whole year when absent */
    months: z.array(z.string().regex(MONTH, 'expected YYYY-MM')).min(1).max(12).optional(),
  })
  .superRefine((body, ctx) => {
    body.months?.forEach((m, i) => {
      if (!m.startsWith(`${body.year}-`)) ctx.addIssue({ code: 'custom', path: ['months', i], message: `${m} is not a month of ${body.year}` });
      else if (body.months!.indexOf(m) !== i) ctx.addIssue({ code: 'custom', path: ['months', i], message: `${m} is listed twice` });
    });
  });

export const CalendarView = z.object({
  id: z.string(),
  solutionId: z.string(),
  scenarioId: z.string(),
  year: z.number(),
  months: z.array(z.string()),
  provisional: z.boolean(),
  createdAt: z.string(),
  /** the city or county whose villages it covers; null: the whole solution */
  scope: z.string().nullable(),
});

const calendarView = (r: CalendarRecord): z.infer<typeof CalendarView> => ({
  id: r.id,
  solutionId: r.solutionId,
  scenarioId: r.scenarioId,
  year: r.year,
  months: r.months,
  provisional: r.provisional,
  createdAt: r.createdAt,
  scope: r.scope,
});

const HolidaysView = z.object({
  year: z.number(),
  /** true when the table was computed (no official table shipped or loaded for the year) */
  provisional: z.boolean(),
  /** `loaded`: an admin's official table; `shipped`: the official table ovola ships; `computed`: provisional */
  source: z.enum(['loaded', 'shipped', 'computed']),
  updatedAt: z.string().optional(),
  table: HolidayTable,
});

/** How many generated iCalendar files the routes keep (one lawyer's year is some 100 kB at most). */
const ICS_CACHE = 64;

/** An id as it may stand in an ASCII file name. */
const asciiId = (id: string) => id.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 40);

/** SPEC §5, §6: visit calendars of a solution (built in a job), their exports, and the holiday tables they follow. */
export const calendarRoutes: FastifyPluginAsyncZod<{ store: Store; jobs: JobRunner }> = async (app, { store, jobs }) => {
  const params = z.object({ id: z.string().min(1).max(100) });
  const readCalendar = { access: { kind: 'calendar', action: 'read' } } as const;

  // A city's year of visits takes about a second to write as CSV, a province's ten: off the event loop.
  const io = new IoWorker();
  app.addHook('onClose', () => io.close());

  app.post(
    '/v1/solutions/:id/calendars',
    {
      config: { access: { kind: 'solution', action: 'calendar' } },
      schema: {
        summary: '生成走访日历(异步任务):每村每月的现场服务、法律夜校、周末服务与远程服务',
        description:
          'Builds an ovola.calendar/v1 for the solution in a job (202 + job; poll `GET /v1/jobs/:jobId`, whose `calendarId` names the result). ' +
          'Holidays: the official table loaded for `year` (`PUT /v1/holidays/:year`), else the one ovola ships, else a computed one — ' +
          'then the calendar is `provisional`. `months` (each `YYYY-MM` of `year`) limit it to those months; the whole year by default. ' +
          'A city or county key builds the calendar of the villages in its own region (`scope`); an admin the whole solution’s.',
        params,
        body: CalendarRequest,
        response: { 202: z.object({ jobId: z.string(), job: JobView }) },
      },
    },
    async (request, reply) => {
      const { solution, scenario } = request.granted as Required<typeof request.granted>;
      const { year, months } = request.body;
      const scope = calendarScope(request.principal);
      // The documents and the year's holiday table are read when the job starts, not held while it waits.
      const params = { solutionId: solution.id, year, ...(months ? { months } : {}), scope };
      const job = await jobs.submit(request.principal, { kind: 'calendar', scenarioId: scenario.id, params }, { kind: 'calendar', ...params });
      return reply.status(202).header('location', `/v1/jobs/${job.id}`).send({ jobId: job.id, job: jobView(job) });
    },
  );

  app.get(
    '/v1/solutions/:id/calendars',
    {
      config: { access: { kind: 'solution', action: 'read' } },
      schema: { summary: '方案的走访日历列表(新的在前)', params, response: { 200: z.object({ items: z.array(CalendarView) }) } },
    },
    async (request) => {
      return { items: (await store.listCalendars(request.granted.solution!.id)).map(calendarView) };
    },
  );

  app.get(
    '/v1/calendars/:id',
    {
      config: readCalendar,
      schema: {
        summary: '走访日历(ovola.calendar/v1,附 id、solutionId、scenarioId、createdAt)',
        params,
        response: {
          200: documentSchema('CalendarRecord'),
        },
      },
    },
    async (request, reply) => {
      const calendar = request.granted.calendar!;
      const parts = await store.getCalendarParts(calendar.id);
      if (!parts) throw notFound('calendar', calendar.id);
      // As for solutions: the stored document as it is, the record's fields in front. A province's is
      // ~130 MB, so it is sent part by part as the store reads them.
      const head = JSON.stringify({ id: calendar.id, solutionId: calendar.solutionId, scenarioId: calendar.scenarioId, createdAt: calendar.createdAt });
      async function* withHead() {
        let first = true;
        for await (const part of parts!) {
          yield first ? `${head.slice(0, -1)},${part.slice(1)}` : part;
          first = false;
        }
      }
      // sent as the stored text, never serialized: the response schema only describes it
      return reply.type('application/json; charset=utf-8').send(Readable.from(withHead()) as never);
    },
  );

  const attach = (reply: FastifyReply, ascii: string, readable: string) =>
    reply.header('content-disposition', contentDisposition('attachment', ascii, readable)).header('cache-control', 'private, no-cache');

  /** Generated iCalendar files by calendar, kind and id, the most recently used last. */
  const icsCache = new Map<string, { name: string; text: string }>();

  /**
   * One lawyer's or village's iCalendar file of a calendar the access rule granted. The calendar (~130 MB at
   * province scale) goes to the IO worker part by part and is parsed there; the file is kept for the next ask.
   */
  async function icsFile(granted: { calendar?: CalendarRecord; scenario?: ScenarioRecord }, who: 'lawyer' | 'village', whoId: string) {
    const rec = granted.calendar!;
    const scenarioRec = granted.scenario!;
    const key = JSON.stringify([rec.id, who, whoId]);
    let file = icsCache.get(key);
    if (file) {
      icsCache.delete(key);
    } else {
      // The worker keeps the calendar it read last: ask it first, and send the documents only when it has another.
      let result = await io.run({ op: 'calendar-ics', calendarId: rec.id, who, id: whoId });
      if (result.op === 'ics-miss') {
        const [scenarioText, parts] = await Promise.all([store.getScenarioBody(scenarioRec.id), store.getCalendarParts(rec.id)]);
        if (!scenarioText || !parts) throw notFound('calendar', rec.id);
        result = await io.run({ op: 'calendar-ics', calendarId: rec.id, scenarioText, who, id: whoId }, parts);
      }
      if (result.op !== 'ics') throw new Error('the io worker answered another task');
      if (!result.found) throw notFound(who, whoId);
      file = { name: result.name, text: result.text };
    }
    icsCache.set(key, file);
    while (icsCache.size > ICS_CACHE) icsCache.delete(icsCache.keys().next().value!);
    return { rec, ...file };
  }

  app.get(
    '/v1/calendars/:id.csv',
    {
      config: readCalendar,
      schema: {
        summary: '走访日历表格(CSV,UTF-8,Excel 可直接打开)',
        description:
          'One row per visit in time order, UTF-8 with a byte-order mark: 日期, 星期, 开始, 结束, 服务方式 (驻村现场服务, 法律夜校, 周末现场服务, 远程法律服务), ' +
          '活动 (R13: 乡村振兴法治课, 矛盾纠纷排查, 涉农法律咨询), 村(社区), 村(社区)编号, 镇(街道), 律师, 律师编号, 律师事务所, 联系电话.',
        params,
        response: { 200: fileResponse('CSV, UTF-8 with BOM', { [CSV_MIME]: TextFile }) },
      },
    },
    async (request, reply) => {
      const { calendar: rec, scenario: scenarioRec } = request.granted as Required<typeof request.granted>;
      const [scenarioText, parts] = await Promise.all([store.getScenarioBody(scenarioRec.id), store.getCalendarParts(rec.id)]);
      if (!scenarioText || !parts) throw notFound('calendar', rec.id);
      const result = await io.run({ op: 'calendar-csv', scenarioText }, parts);
      if (result.op !== 'export') throw new Error('the io worker answered another task');
      const body = Buffer.from(result.body.buffer, result.body.byteOffset, result.body.byteLength);
      return attach(reply, `ovola-calendar-${rec.id}.csv`, `${safeName(result.scenarioName || scenarioRec.name)}-走访日历-${rec.year}-${rec.id.slice(0, 8)}.csv`)
        .type(`${CSV_MIME}; charset=utf-8`)
        .send(body);
    },
  );

  const lawyerParams = params.extend({ lawyerId: z.string().min(1).max(200) });
  const villageParams = params.extend({ villageId: z.string().min(1).max(200) });

  app.get(
    '/v1/calendars/:id/lawyers/:lawyerId.ics',
    { config: readCalendar, schema: { summary: '律师的走访日历(iCalendar,可导入手机日历)', params: lawyerParams, response: { 200: fileResponse('iCalendar (RFC 5545)', { 'text/calendar': TextFile }) } } },
    async (request, reply) => {
      const { lawyerId } = request.params;
      const { rec, name, text } = await icsFile(request.granted, 'lawyer', lawyerId);
      return attach(reply, `ovola-${rec.year}-lawyer-${asciiId(lawyerId)}.ics`, `${safeName(name)}-${rec.year}年走访日历.ics`)
        .type('text/calendar; charset=utf-8')
        .send(text);
    },
  );

  app.get(
    '/v1/calendars/:id/villages/:villageId.ics',
    { config: readCalendar, schema: { summary: '村(社区)的法律顾问走访日历(iCalendar)', params: villageParams, response: { 200: fileResponse('iCalendar (RFC 5545)', { 'text/calendar': TextFile }) } } },
    async (request, reply) => {
      const { villageId } = request.params;
      const { rec, name, text } = await icsFile(request.granted, 'village', villageId);
      return attach(reply, `ovola-${rec.year}-village-${asciiId(villageId)}.ics`, `${safeName(name)}-${rec.year}年法律顾问走访日历.ics`)
        .type('text/calendar; charset=utf-8')
        .send(text);
    },
  );

  // --- holiday tables -------------------------------------------------------------------------

  const yearParams = z.object({ year: z.coerce.number().int().min(2000).max(2100) });

  /** The table in force for a year: an admin's, else the shipped one, else a computed (provisional) one. */
  async function holidaysInForce(year: number): Promise<z.infer<typeof HolidaysView>> {
    const stored = await store.getHolidayTable(year);
    if (stored) {
      const { table } = holidaysFor(year, parseHolidayTable(JSON.parse(stored.body)));
      return { year, provisional: false, source: 'loaded', updatedAt: stored.updatedAt, table };
    }
    const { table, provisional } = holidaysFor(year);
    return { year, provisional, source: provisional ? 'computed' : 'shipped', table };
  }

  app.get(
    '/v1/holidays/:year',
    {
      config: { access: { kind: 'key' } },
      schema: {
        summary: '某年的法定节假日与调休上班日(现行表;无官方表时为推算,标 provisional)',
        params: yearParams,
        response: { 200: HolidaysView },
      },
    },
    async (request) => holidaysInForce(request.params.year),
  );

  app.put(
    '/v1/holidays/:year',
    {
      config: { access: { kind: 'admin' } },
      schema: {
        summary: '载入某年的官方节假日表(ovola.holidays/v1,仅管理员);此后该年的日历不再是推算的',
        description:
          'The body is an ovola.holidays/v1 table for the year in the path: `holidays` (days off) and `workdays` (make-up working days, 调休). ' +
          'Calendars built afterwards for that year use it and are not provisional; calendars built before stay as they are.',
        params: yearParams,
        body: documentSchema('HolidayTable'),
        response: { 200: HolidaysView },
      },
    },
    async (request) => {
      const { year } = request.params;
      // every problem at once, the table's year against the path's among them
      const table = parseHolidayTable(request.body, { year });
      await store.putHolidayTable(year, JSON.stringify(table));
      return holidaysInForce(year);
    },
  );
};
