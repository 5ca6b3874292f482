import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CSV_MIME, type ExportFormat, IoWorker, XLSX_MIME } from '../../io/index.js';
import type { Store } from '../../store/types.js';
import type { SolutionRecord, ScenarioRecord } from '../../store/types.js';
import { BinaryFile, fileResponse, TextFile } from '../openapi.js';
import { notFound } from '../problem.js';

/**
 * Characters a file name must not carry: controls (\p{Cc}), format characters (\p{Cf}: the bidi overrides
 * and isolates U+202A–202E and U+2066–2069 that make `报告\u202Egpj.exe` show as `报告exe.jpg`, zero-width
 * U+200B–200F, U+FEFF…), line and paragraph separators, and lone surrogates (which `encodeURIComponent`
 * cannot encode).
 */
const UNSAFE_IN_NAME = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}]/gu;

/** `attachment` with an ASCII name for old clients and the readable (Chinese) one per RFC 6266 / 5987; both cleaned. */
export function contentDisposition(type: 'attachment' | 'inline', asciiName: string, name: string): string {
  const readable = name.replace(UNSAFE_IN_NAME, '') || asciiName;
  const encoded = encodeURIComponent(readable).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${type}; filename="${asciiName.replace(/[^\x20-\x7e]|["\\]/g, '_')}"; filename*=UTF-8''${encoded}`;
}

/** A file name from a scenario name: no path separators, quotes, controls or bidi tricks, not too long. */
export const safeName = (s: string) =>
  s
    .replace(UNSAFE_IN_NAME, '')
    .replace(/[\\/:*?"<>|]/g, '_')
    .trim()
    .slice(0, 80)
    .replace(/[\uD800-\uDBFF]$/, '') || 'ovola';

/** A GeoJSON FeatureCollection (RFC 7946), as the map export writes it. */
const FeatureCollection = z.object({
  type: z.literal('FeatureCollection'),
  features: z.array(
    z.object({
      type: z.literal('Feature'),
      geometry: z.object({ type: z.enum(['Point', 'LineString']), coordinates: z.array(z.unknown()) }),
      properties: z.object({ layer: z.enum(['village', 'lawyer-base', 'assignment']) }).catchall(z.unknown()),
    }),
  ),
});

/** The solution's exports: GeoJSON for maps, CSV and XLSX with one row per village for the bureau's records. */
export const exportRoutes: FastifyPluginAsyncZod<{ store: Store }> = async (app, { store }) => {
  const params = z.object({ id: z.string().min(1).max(100) });
  const read = { access: { kind: 'solution', action: 'read' } } as const;

  // A province's XLSX takes seconds to write: the exports run in a worker thread, never on the event loop.
  const io = new IoWorker();
  app.addHook('onClose', () => io.close());

  /** The solution exported (the access rule has granted it). */
  async function exported(granted: { solution?: SolutionRecord; scenario?: ScenarioRecord }, format: ExportFormat): Promise<{ body: Buffer; names: { ascii: string; readable: string } }> {
    const rec = granted.solution!;
    const scenarioRec = granted.scenario!;
    const id = rec.id;
    const [scenarioText, solutionText] = await Promise.all([store.getScenarioBody(rec.scenarioId), store.getSolutionBody(rec.id)]);
    if (!scenarioText || !solutionText) throw notFound('solution', id);
    const result = await io.run({ op: 'export', format, scenarioText, solutionText });
    if (result.op !== 'export') throw new Error('the io worker answered another task');
    const body = Buffer.from(result.body.buffer, result.body.byteOffset, result.body.byteLength);
    return {
      body,
      names: { ascii: `ovola-solution-${rec.id}.${format}`, readable: `${safeName(result.scenarioName || scenarioRec.name)}-法律顾问方案-${rec.id.slice(0, 8)}.${format}` },
    };
  }

  const attach = (reply: FastifyReply, names: { ascii: string; readable: string }) =>
    reply.header('content-disposition', contentDisposition('attachment', names.ascii, names.readable)).header('cache-control', 'private, no-cache');

  app.get(
    '/v1/solutions/:id.geojson',
    {
      config: read,
      schema: {
        summary: '方案地图(GeoJSON):村(社区)、律师服务基地、顾问→村连线',
        description:
          'A FeatureCollection; `properties.layer` tells the three kinds of feature apart. ' +
          '`village` (Point): id, name, kind, town, county, adviserId, adviser, firmId, firm, team, km, uncoveredReason, uncoveredDetail. ' +
          '`lawyer-base` (Point, the lawyer\'s base or else the firm\'s address): id, name, status, firmId, firm, load (villages in any role), cap, pairedAssistance. ' +
          '`assignment` (LineString, base → village): villageId, village, lawyerId, lawyer, km (road km of the responsible adviser).',
        params,
        response: { 200: fileResponse('GeoJSON FeatureCollection', { 'application/geo+json': FeatureCollection }) },
      },
    },
    async (request, reply) => {
      const { body, names } = await exported(request.granted, 'geojson');
      return reply
        .type('application/geo+json; charset=utf-8')
        .header('content-disposition', contentDisposition('inline', names.ascii, names.readable))
        .send(body);
    },
  );

  const tableDescription =
    'One row per village of the scenario, as a bureau files it: 县(市、区), 镇(街道), 村(社区), 法律顾问, 律师事务所, 联系电话, ' +
    '团队成员 (names joined with 、), 距离(公里) (road km of the adviser), 未覆盖原因 (why a village has no adviser; its adviser cells are then empty), 村(社区)编号.';

  app.get(
    '/v1/solutions/:id.csv',
    { config: read, schema: { summary: '方案表格(CSV,UTF-8 带 BOM,Excel 可直接打开)', description: tableDescription, params, response: { 200: fileResponse('CSV, UTF-8 with BOM', { [CSV_MIME]: TextFile }) } } },
    async (request, reply) => {
      const { body, names } = await exported(request.granted, 'csv');
      return attach(reply, names).type(`${CSV_MIME}; charset=utf-8`).send(body);
    },
  );

  app.get(
    '/v1/solutions/:id.xlsx',
    { config: read, schema: { summary: '方案表格(Excel XLSX)', description: tableDescription, params, response: { 200: fileResponse('XLSX workbook', { [XLSX_MIME]: BinaryFile }) } } },
    async (request, reply) => {
      const { body, names } = await exported(request.granted, 'xlsx');
      return attach(reply, names).type(XLSX_MIME).send(body);
    },
  );
};
