import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ResourceLimits } from 'node:worker_threads';
import { type Issue, MAX_LISTED_ISSUES, problemCount } from '../../domain/index.js';
import { CSV_MIME, describeColumns, type ImportKind, IoWorker, type TableLimits, XLSX_MIME } from '../../io/index.js';
import type { Store } from '../../store/types.js';
import { deriveScenario, ScenarioView, scenarioView } from '../access.js';
import { chunkParser, documentBody, pieces } from '../bodies.js';
import { HttpProblem, notFound } from '../problem.js';

const ImportView = ScenarioView.extend({
  import: z.object({
    kind: z.enum(['lawyers', 'villages']),
    mode: z.enum(['replace', 'append']),
    /** rows read from the sheet */
    rows: z.number().int(),
    /** entries of that kind in the new scenario */
    total: z.number().int(),
    sheet: z.string().optional(),
    headerRow: z.number().int(),
    /** the columns recognised, as written in the sheet */
    columns: z.array(z.string()),
    /** replace mode: references to lawyers or villages no longer there, dropped from soft data */
    pruned: z.object({ preferences: z.number().int(), baseline: z.number().int(), travelOverrides: z.number().int() }),
  }),
});

/** The problems of a sheet: 422 (bad cells), 400 (unreadable, a NUL) or 413 (past a bound), the first 1,000 listed with the count of all. */
function refused(what: string, issues: Issue[], status = 422, count = issues.length, countIsLowerBound = false): HttpProblem {
  const shown = issues.slice(0, MAX_LISTED_ISSUES);
  const detail = status === 422 || issues.length !== 1 ? `${problemCount(count, shown.length, countIsLowerBound)} in the ${what}` : issues[0].message;
  const title = { 400: 'Bad Request', 413: 'Content Too Large', 422: 'Unprocessable Content' }[status] ?? 'Unprocessable Content';
  return new HttpProblem(status, title, detail, shown, undefined, { errorCount: count });
}

const describe = (kind: ImportKind) =>
  `The body is a sheet with one ${kind === 'lawyers' ? 'lawyer' : 'village'} per row: \`text/csv\` (UTF-8, with or without BOM; GB18030 as Excel writes it is read too) ` +
  `or \`${XLSX_MIME}\` (the first sheet with content). The header row is the first of the first ten rows with two known column names; ` +
  `headers may be Chinese or English, columns 序号 and 备注 are ignored, any other unknown column is refused. Columns:\n\n${describeColumns(kind)}\n\n` +
  `\`mode=replace\` (default) swaps the scenario's ${kind} for the sheet's; soft data that named ${kind} no longer there ` +
  `(preferences, baseline entries, travel overrides) is dropped and counted in \`import.pruned\`; pins stay and must still hold. ` +
  `\`mode=append\` adds the rows after the existing ${kind}. The result is a NEW scenario version (parentId = :id), checked as a whole. ` +
  `Every bad cell comes back at once as 422 problem+json, \`errors[].path\` = "row 12, column 执业状态" (rows as the sheet shows them, the header being row 1 ` +
  `when it is on top); problems the scenario check finds in imported rows are pointed back at their row and column, others keep their scenario path.`;

export const importRoutes: FastifyPluginAsyncZod<{ store: Store; limits: TableLimits; resourceLimits?: ResourceLimits }> = async (app, { store, limits, resourceLimits }) => {
  // Sheets arrive as bytes; these parsers hold for this plugin's routes only (their body limit is the
  // document routes', set in app.ts).
  app.addContentTypeParser([CSV_MIME, 'application/csv', XLSX_MIME, 'application/octet-stream'], chunkParser);

  // Reading a province's sheet and checking the scenario take seconds: that runs in a worker thread,
  // its heap bounded (a sheet that needs more is a 413), a few imports waiting at most (503 beyond).
  const io = new IoWorker(2, { maxWaiting: 4, resourceLimits });
  app.addHook('onClose', () => io.close());

  const params = z.object({ id: z.string().min(1).max(100) });
  const querystring = z.object({ mode: z.enum(['replace', 'append']).default('replace') });

  for (const kind of ['lawyers', 'villages'] as const) {
    app.post(
      `/v1/scenarios/:id/import/${kind}`,
      {
        config: { access: { kind: 'scenario', action: 'derive' } },
        schema: {
          summary: kind === 'lawyers' ? '从 CSV / XLSX 导入律师名单(生成新版本情景)' : '从 CSV / XLSX 导入村(社区)名单(生成新版本情景)',
          description: describe(kind),
          params,
          querystring,
          consumes: [CSV_MIME, XLSX_MIME, 'application/csv', 'application/octet-stream'],
          // Read as bytes by the parsers above; described here for the OpenAPI document only.
          body: z.unknown().meta({ type: 'string', format: 'binary', description: `the ${kind} sheet, CSV or XLSX` }),
          response: { 201: ImportView },
        },
      },
      async (request, reply) => {
        const rec = request.granted.scenario!;
        const body = documentBody(request.body, `${CSV_MIME} or ${XLSX_MIME}, not ${request.headers['content-type'] ?? 'no content type'}`);
        const scenario = await store.getScenarioParts(rec.id);
        if (!scenario) throw notFound('scenario', rec.id);
        const mode = request.query.mode;
        // the sheet's bytes and the scenario's text go to the worker in parts, neither joined here
        async function* both() {
          yield* pieces(body);
          yield* scenario!;
        }
        const result = await io.run({ op: 'import', kind, mode, limits }, both());
        if (result.op !== 'import') throw new Error('the io worker answered another task');
        if (!result.ok) throw refused(result.what, result.issues, result.status, result.count, result.countIsLowerBound);
        const created = await deriveScenario(store, request.principal, rec, result, result.name);
        return reply
          .status(201)
          .header('location', `/v1/scenarios/${created.id}`)
          .send({ ...scenarioView(created), import: result.meta });
      },
    );
  }
};
