import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Weights } from '../../domain/index.js';
import { type DocumentWorker, type TableLimits, WORKBOOK_SHEETS, XLSX_MIME } from '../../io/index.js';
import type { Store } from '../../store/types.js';
import { createScenario, ScenarioView, scenarioView } from '../access.js';
import { chunkParser, documentBody, pieces } from '../bodies.js';
import { contentDisposition, safeName } from './exports.js';
import { BinaryFile, documentSchema, fileResponse } from '../openapi.js';
import type { JobRunner } from '../jobs.js';
import type { PublicDirectory } from '../public-directory.js';
import { notFound } from '../problem.js';
import { JobView, jobView } from './jobs.js';

export const SolveRequest = z.strictObject({
  mode: z.enum(['optimal', 'stable']).default('optimal'),
  proposing: z.enum(['villages', 'lawyers']).default('villages'),
  /** the exact individual-mode solver needs no limit; kept for the integer-programming modes */
  timeLimitS: z.number().positive().max(3600).optional(),
  weights: Weights.partial().optional(),
});

const SHEETS = `${WORKBOOK_SHEETS.towns}, ${WORKBOOK_SHEETS.firms}, ${WORKBOOK_SHEETS.lawyers}, ${WORKBOOK_SHEETS.villages}, ${WORKBOOK_SHEETS.preferences}, ${WORKBOOK_SHEETS.baseline}`;

export const scenarioRoutes: FastifyPluginAsyncZod<{ store: Store; jobs: JobRunner; directory: PublicDirectory; documents: DocumentWorker; tableLimits?: TableLimits }> = async (
  app,
  { store, jobs, directory, documents, tableLimits },
) => {
  const params = z.object({ id: z.string().min(1).max(100) });

  // A workbook arrives as bytes, read in the IO worker (this parser holds for this plugin's routes only).
  app.addContentTypeParser(XLSX_MIME, chunkParser);
  const attachment = (ascii: string, readable: string) => ({ 'content-disposition': contentDisposition('attachment', ascii, readable), 'cache-control': 'private, no-cache' });

  app.post(
    '/v1/scenarios',
    {
      // the body limit is the document routes' (app.ts); the body arrives as bytes, checked in the IO worker
      config: { access: { kind: 'scenario-create' } },
      schema: {
        summary: '上传情景(ovola.scenario/v1 JSON,或按模板填写的 Excel 工作簿)',
        description:
          'The body is an ovola.scenario/v1 document (data/schema/scenario.v1.json), or a workbook as `GET /v1/templates/scenario.xlsx` gives it ' +
          `(\`${XLSX_MIME}\`: sheets 情景, ${SHEETS}; see docs/WORKBOOK.md). Without 镇街 rows the towns come from the divisions registry. ` +
          'It is checked as a whole; every problem comes back at once with its path: a workbook\'s as `sheet!row!column` (`律师!12!执业状态`), its message naming them (`律师 表第 12 行「执业状态」:…`).',
        consumes: ['application/json', XLSX_MIME],
        body: documentSchema('Scenario'),
        response: { 201: ScenarioView },
      },
    },
    async (request, reply) => {
      const workbook = String(request.headers['content-type'] ?? '').startsWith(XLSX_MIME);
      const body = documentBody(request.body, workbook ? XLSX_MIME : 'application/json');
      const checked = workbook
        ? await documents.checkWorkbook(pieces(body), (await store.getDivisions())?.body, tableLimits)
        : await documents.checkScenario(pieces(body));
      const rec = await createScenario(store, request.principal, checked);
      return reply.status(201).header('location', `/v1/scenarios/${rec.id}`).send(scenarioView(rec));
    },
  );

  app.get(
    '/v1/scenarios',
    {
      config: { access: { kind: 'scenario-list' } },
      schema: {
        summary: '情景列表(新的在前,分页)',
        querystring: z.object({ limit: z.coerce.number().int().min(1).max(100).default(20), cursor: z.string().max(200).optional() }),
        response: { 200: z.object({ items: z.array(ScenarioView), nextCursor: z.string().optional() }) },
      },
    },
    async (request) => {
      const p = request.principal;
      const page = await store.listScenarios({ limit: request.query.limit, cursor: request.query.cursor, regions: p.kind === 'admin' ? undefined : [p.code] });
      return { items: page.items.map(scenarioView), ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}) };
    },
  );

  const read = { access: { kind: 'scenario', action: 'read' } } as const;

  app.get('/v1/scenarios/:id', { config: read, schema: { summary: '情景概要', params, response: { 200: ScenarioView } } }, async (request) =>
    scenarioView(request.granted.scenario!),
  );

  app.get('/v1/scenarios/:id/document', { config: read, schema: { summary: '情景文档(ovola.scenario/v1)', params, response: { 200: documentSchema('Scenario') } } }, async (request, reply) => {
    const body = await store.getScenarioBody(request.params.id);
    if (!body) throw notFound('scenario', request.params.id);
    return reply.type('application/json; charset=utf-8').send(body);
  });

  app.get(
    '/v1/scenarios/:id.xlsx',
    {
      config: read,
      schema: {
        summary: '情景工作簿(Excel XLSX):律所、律师、村(社区)、镇街、意向与回避、现任顾问等,可修改后重新上传',
        description: `The scenario as the workbook POST /v1/scenarios reads back into the same scenario (region boundaries are left out). Sheets: 情景, ${SHEETS}, and 固定分配 / 路程 when it has pins or travel overrides.`,
        params,
        produces: [XLSX_MIME],
        response: { 200: fileResponse('XLSX workbook', { [XLSX_MIME]: BinaryFile }) },
      },
    },
    async (request, reply) => {
      const rec = request.granted.scenario!;
      const parts = await store.getScenarioParts(rec.id);
      if (!parts) throw notFound('scenario', rec.id);
      const { body, scenarioName } = await documents.workbook(parts);
      return reply
        .headers(attachment(`ovola-scenario-${rec.id}.xlsx`, `${safeName(scenarioName || rec.name)}-情景-${rec.id.slice(0, 8)}.xlsx`))
        .type(XLSX_MIME)
        .send(Buffer.from(body.buffer, body.byteOffset, body.byteLength));
    },
  );

  app.get(
    '/v1/templates/scenario.xlsx',
    {
      config: { access: { kind: 'key' } },
      schema: {
        summary: '情景工作簿模板(Excel XLSX):各表的中文表头、一行示例与下拉选项',
        description: `A blank workbook to fill in and send to POST /v1/scenarios: sheets 情景, ${SHEETS}, each with its headers (a note on each says what it takes), one example row, and drop-down lists where a column takes fixed values.`,
        produces: [XLSX_MIME],
        response: { 200: fileResponse('XLSX workbook', { [XLSX_MIME]: BinaryFile }) },
      },
    },
    async (_request, reply) => {
      const { body } = await documents.workbook();
      return reply
        .headers(attachment('ovola-scenario-template.xlsx', '情景工作簿模板.xlsx'))
        .type(XLSX_MIME)
        .send(Buffer.from(body.buffer, body.byteOffset, body.byteLength));
      },
    );

  app.get(
    '/v1/scenarios/:id/solutions',
    {
      config: read,
      schema: {
        summary: '情景的方案列表(新的在前)',
        params,
        response: { 200: z.object({ items: z.array(z.object({ id: z.string(), createdAt: z.string(), publishedVillages: z.number().int() })) }) },
      },
    },
    async (request) => {
      const items = await store.listSolutions(request.params.id);
      const published = await store.countPublications(items.map((s) => s.id));
      return { items: items.map((s) => ({ id: s.id, createdAt: s.createdAt, publishedVillages: published.get(s.id) ?? 0 })) };
    },
  );

  app.delete(
    '/v1/scenarios/:id',
    { config: { access: { kind: 'scenario', action: 'change' } }, schema: { summary: '删除情景及其方案、日历与任务;其方案发布的公开信息随即撤下', params, response: { 204: z.null().describe('deleted') } } },
    async (request, reply) => {
      const gone = directory.solutionsOf(request.params.id);
      await store.deleteScenario(request.params.id);
      // its published cards leave the look-up now, not at the next reload
      if (gone.size > 0) {
        directory.dropSolutions(gone);
        await directory.reload(store);
      }
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/v1/scenarios/:id/solve',
    {
      config: { access: { kind: 'scenario', action: 'change' } },
      schema: { summary: '提交求解任务(异步)', params, body: SolveRequest.prefault({}), response: { 202: z.object({ jobId: z.string(), job: JobView }) } },
    },
    async (request, reply) => {
      const rec = request.granted.scenario!;
      const body = request.body;
      const options = { method: body.mode, proposing: body.proposing, weights: body.weights, timeLimitS: body.timeLimitS };
      const job = await jobs.submit(request.principal, { kind: 'solve', scenarioId: rec.id, params: body }, { kind: 'solve', options });
      return reply.status(202).header('location', `/v1/jobs/${job.id}`).send({ jobId: job.id, job: jobView(job) });
    },
  );
};
