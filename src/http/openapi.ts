/**
 * The OpenAPI document (`GET /openapi.json`), completed in one place: every operation's id and tag, the
 * problem+json answers each can give (with Chinese examples), and the document schemas of data/schema
 * (src/domain/json-schema.ts) as components. Routes state what is theirs (summary, parameters, bodies,
 * success answers); what they share is added here, in the swagger transforms, so that it is written once
 * and touches nothing at run time (response schemas in routes would serialize problems too).
 */
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { jsonSchemas } from '../domain/json-schema.js';
import { localize, TITLE_ZH } from '../domain/index.js';
import { DOCUMENT_ROUTES } from './bodies.js';
import type { Access } from './policy.js';

import { XLSX_MIME } from '../io/index.js';

export const OPENAPI_VERSION = '3.1.0';

/** The groups of operations, in the order the docs page shows them. */
export const TAGS = [
  { name: 'health', description: '进程与存储状态' },
  { name: 'public', description: '公开查询(无需密钥)' },
  { name: 'scenarios', description: '情景:上传、版本、导入、求解' },
  { name: 'jobs', description: '异步任务' },
  { name: 'solutions', description: '方案:读取、导出、发布、重排、比较、解释' },
  { name: 'calendars', description: '走访日历与节假日表' },
  { name: 'divisions', description: '行政区划登记与村(社区)归属' },
  { name: 'keys', description: 'API 密钥(当前密钥;管理仅限管理员)' },
  { name: 'audit', description: '审计记录(仅管理员)' },
] as const;
export type Tag = (typeof TAGS)[number]['name'];

/**
 * Every operation's id and tag, by `METHOD url` as registered. A route missing here is refused when the
 * service starts (`checkOperation`), as one without an access rule is.
 */
export const OPERATIONS: Readonly<Record<string, readonly [operationId: string, tag: Tag]>> = {
  'GET /healthz': ['getHealth', 'health'],
  'GET /readyz': ['getReadiness', 'health'],
  'GET /v1/public/villages/:villageId': ['getPublicVillageCard', 'public'],
  'POST /v1/scenarios': ['createScenario', 'scenarios'],
  'GET /v1/scenarios': ['listScenarios', 'scenarios'],
  'GET /v1/scenarios/:id': ['getScenario', 'scenarios'],
  'GET /v1/scenarios/:id/document': ['getScenarioDocument', 'scenarios'],
  'DELETE /v1/scenarios/:id': ['deleteScenario', 'scenarios'],
  'POST /v1/scenarios/:id/solve': ['solveScenario', 'scenarios'],
  'GET /v1/scenarios/:id/solutions': ['listScenarioSolutions', 'scenarios'],
  'GET /v1/scenarios/:id.xlsx': ['getScenarioWorkbook', 'scenarios'],
  'GET /v1/templates/scenario.xlsx': ['getScenarioTemplate', 'scenarios'],
  'POST /v1/scenarios/:id/versions': ['createScenarioVersion', 'scenarios'],
  'POST /v1/scenarios/:id/import/lawyers': ['importLawyers', 'scenarios'],
  'POST /v1/scenarios/:id/import/villages': ['importVillages', 'scenarios'],
  'GET /v1/jobs/:jobId': ['getJob', 'jobs'],
  'DELETE /v1/jobs/:jobId': ['cancelJob', 'jobs'],
  'GET /v1/solutions/:id': ['getSolution', 'solutions'],
  'GET /v1/solutions/:id/blocking-pairs': ['listBlockingPairs', 'solutions'],
  'POST /v1/solutions/:id/publish': ['publishSolution', 'solutions'],
  'DELETE /v1/solutions/:id/publish': ['unpublishSolution', 'solutions'],
  'GET /v1/solutions/:id/publish-preview': ['previewPublication', 'solutions'],
  'GET /v1/notices/:countyId': ['getCountyNotice', 'solutions'],
  'GET /v1/solutions/:id.geojson': ['exportSolutionGeoJson', 'solutions'],
  'GET /v1/solutions/:id.csv': ['exportSolutionCsv', 'solutions'],
  'GET /v1/solutions/:id.xlsx': ['exportSolutionXlsx', 'solutions'],
  'POST /v1/solutions/:id/replan': ['replanSolution', 'solutions'],
  'GET /v1/compare': ['compareSolutions', 'solutions'],
  'GET /v1/solutions/:id/villages/:villageId/explain': ['explainVillage', 'solutions'],
  'POST /v1/solutions/:id/calendars': ['createCalendar', 'calendars'],
  'GET /v1/solutions/:id/calendars': ['listCalendars', 'calendars'],
  'GET /v1/calendars/:id': ['getCalendar', 'calendars'],
  'GET /v1/calendars/:id.csv': ['exportCalendarCsv', 'calendars'],
  'GET /v1/calendars/:id/lawyers/:lawyerId.ics': ['getLawyerIcs', 'calendars'],
  'GET /v1/calendars/:id/villages/:villageId.ics': ['getVillageIcs', 'calendars'],
  'GET /v1/holidays/:year': ['getHolidays', 'calendars'],
  'PUT /v1/holidays/:year': ['putHolidays', 'calendars'],
  'PUT /v1/divisions': ['putDivisions', 'divisions'],
  'GET /v1/divisions': ['getDivisions', 'divisions'],
  'GET /v1/divisions/document': ['getDivisionsDocument', 'divisions'],
  'GET /v1/villages/:villageId/owner': ['getVillageOwner', 'divisions'],
  'PUT /v1/villages/:villageId/owner': ['setVillageOwner', 'divisions'],
  'GET /v1/me': ['getMe', 'keys'],
  'GET /v1/keys': ['listKeys', 'keys'],
  'POST /v1/keys': ['createKey', 'keys'],
  'DELETE /v1/keys/:id': ['revokeKey', 'keys'],
  'GET /v1/audit': ['listAudit', 'audit'],
};

/** Routes outside the contract: the docs page and the document itself. */
const FOREIGN = /^\/(docs|openapi\.json)(\/|$)/;

/** Refuses (when the service starts) a route of the contract that has no operation id here. */
export function checkOperation(method: string | string[], url: string): void {
  if (FOREIGN.test(url)) return;
  for (const m of [method].flat()) {
    if (m === 'HEAD') continue;
    if (!OPERATIONS[`${m} ${url}`]) throw new Error(`route ${m} ${url} has no operation id (src/http/openapi.ts OPERATIONS)`);
  }
}

// --- the document schemas -----------------------------------------------------------------------

/** The component names of the documents of data/schema. */
export const DOCUMENTS = {
  Scenario: 'scenario.v1.json',
  Solution: 'solution.v1.json',
  Calendar: 'calendar.v1.json',
  Divisions: 'divisions.v1.json',
  HolidayTable: 'holidays.v1.json',
} as const;
/**
 * Stored documents as the service sends them: the document with the record's fields put in front
 * (`GET /v1/solutions/:id`, `GET /v1/calendars/:id`). Components of their own, since the documents'
 * schemas take no other fields.
 */
const RECORDS = {
  SolutionRecord: {
    of: 'Solution',
    fields: { id: { type: 'string' }, scenarioId: { type: 'string' }, createdAt: { type: 'string' }, publishedVillages: { type: 'integer', minimum: 0 } },
  },
  CalendarRecord: {
    of: 'Calendar',
    fields: { id: { type: 'string' }, solutionId: { type: 'string' }, scenarioId: { type: 'string' }, createdAt: { type: 'string' } },
  },
} as const;
export type DocumentName = keyof typeof DOCUMENTS | keyof typeof RECORDS;

/** A reference to a document's schema, for a route's body or answer (the body itself is checked elsewhere). */
export const documentSchema = (name: DocumentName) => z.unknown().meta({ $ref: `#/components/schemas/${name}` });

/**
 * A success answer that is not a zod-serialized object (a file, a stored document sent as it is), for a
 * route's `response`: described in the document; the route sends its bytes itself.
 */
export const fileResponse = (description: string, content: Record<string, z.ZodType>) => ({
  description,
  content: Object.fromEntries(Object.entries(content).map(([type, schema]) => [type, { schema }])),
});

/** Text of a file (CSV, iCalendar). */
export const TextFile = z.string();
/** Bytes of a file (XLSX). */
export const BinaryFile = z.string().meta({ format: 'binary' });

/** The documents' JSON Schemas as OpenAPI 3.1 components: the same generated schemas, their identity keywords aside. */
function documentComponents(): Record<string, unknown> {
  const all = jsonSchemas();
  const documents: Record<string, Record<string, unknown>> = Object.fromEntries(
    Object.entries(DOCUMENTS).map(([name, file]) => {
      const { $id: _id, $schema: _schema, ...schema } = all[file] as Record<string, unknown>;
      return [name, { ...schema, description: `${String(schema.title)}: data/schema/${file}` }];
    }),
  );
  const records = Object.fromEntries(
    Object.entries(RECORDS).map(([name, { of, fields }]) => {
      const base = documents[of] as { properties: Record<string, unknown>; required?: string[]; title: string };
      return [
        name,
        {
          ...base,
          title: `${base.title} (stored)`,
          description: `${base.title} as stored, with ${Object.keys(fields).join(', ')} in front`,
          properties: { ...fields, ...base.properties },
          required: [...Object.keys(fields), ...(base.required ?? [])],
        },
      ];
    }),
  );
  return { ...documents, ...records };
}

// --- problems -----------------------------------------------------------------------------------

const ProblemSchema = {
  type: 'object',
  description: 'RFC 9457 problem details. Titles, details and messages are Chinese unless Accept-Language puts English first.',
  required: ['type', 'title', 'status'],
  properties: {
    type: { type: 'string', description: 'always about:blank' },
    title: { type: 'string', description: 'the status in words, e.g. 请求有误' },
    status: { type: 'integer' },
    detail: { type: 'string', description: 'what went wrong' },
    instance: { type: 'string', description: 'the path of the request' },
    errors: {
      type: 'array',
      description: 'bad input: every failing field, with its path',
      items: {
        type: 'object',
        required: ['path', 'message', 'code'],
        properties: {
          path: { type: 'string', description: 'e.g. body.villages[3].townId, querystring.limit, row 12, column 执业状态' },
          message: { type: 'string' },
          code: { type: 'string', description: 'a stable English code, e.g. too_big, unknown_reference' },
          value: {},
        },
      },
    },
    errorCount: { type: 'integer', description: 'problems found in all (errors lists the first 1,000)' },
    limit: { type: 'number', description: 'the bound that was passed (a body size in bytes, a number of jobs)' },
  },
  additionalProperties: true,
} as const;

/** An example problem per status, its texts as the service words them in Chinese. */
function example(status: number, url: string): Record<string, unknown> {
  const zh = (en: string) => localize(en, 'zh');
  const base = { type: 'about:blank', title: TITLE_ZH[status], status, instance: url.replace(/:(\w+)/g, '$1') };
  switch (status) {
    case 400:
      return {
        ...base,
        detail: zh('the querystring does not match its schema'),
        errors: [{ path: 'querystring.limit', message: zh('too big: expected at most 100'), code: 'too_big' }],
      };
    case 401:
      return { ...base, detail: zh('send an API key as "Authorization: Bearer <key>"') };
    case 403:
      return { ...base, detail: zh('only an admin key may do this') };
    case 404:
      return { ...base, detail: zh('scenario "0b6f…" does not exist') };
    case 409:
      return { ...base, detail: zh('job 0b6f… is succeeded, not queued or running') };
    case 413:
      return { ...base, detail: zh('the body is larger than the 16 MB this route takes'), errors: [{ path: 'body', message: zh('larger than the 16 MB this route takes'), code: 'too_large' }], errorCount: 1, limit: 16777216 };
    case 415:
      return { ...base, detail: zh('send the document as application/json') };
    case 422:
      return {
        ...base,
        detail: zh('invalid scenario: 1 problem'),
        errors: [{ path: 'villages[3].townId', message: zh('unknown town T9'), code: 'unknown_reference' }],
        errorCount: 1,
      };
    case 429:
      return { ...base, detail: zh('this API key has 4 jobs queued or running, the most one key may have; wait for one to end'), limit: 4 };
    case 503:
      return { ...base, detail: zh('the store does not answer; try again shortly') };
    default:
      return { ...base };
  }
}

const RETRY_AFTER = { 'retry-after': { description: 'seconds to wait before trying again', schema: { type: 'integer' } } };

/** What each status means on any route, in Chinese. */
const MEANING: Record<number, string> = {
  400: '请求有误:参数、查询或请求体不符合要求(errors 列出每个字段)',
  401: '缺少或无效的 API 密钥',
  403: '密钥无权执行此操作(原因见 detail)',
  404: '对象不存在,或密钥无权读取',
  409: '与当前状态冲突',
  413: '请求体或文档过大',
  415: '请求体的内容类型不受支持',
  422: '文档或变更有误(errors 列出每处问题及其路径)',
  429: '请求过多(任务队列已满或超出频率限制),稍后再试',
  500: '服务器内部错误',
  503: '服务暂时不可用(存储无响应或服务繁忙),稍后再试',
};

/** Routes that check a document or changes as a whole (422 with every problem). */
const CHECKS_DOCUMENTS = new Set([
  ...Object.keys(DOCUMENT_ROUTES),
  'POST /v1/scenarios/:id/versions',
  'POST /v1/solutions/:id/replan',
  'PUT /v1/holidays/:year',
]);
/** Routes that queue a job (429 when the queue is full), and the rate-limited public look-up. */
const LIMITED = new Set(['POST /v1/scenarios/:id/solve', 'POST /v1/solutions/:id/replan', 'POST /v1/solutions/:id/calendars', 'GET /v1/public/villages/:villageId']);
/** Routes whose change can conflict with the state of the store. */
const CONFLICTS = new Set(['DELETE /v1/jobs/:jobId', 'PUT /v1/villages/:villageId/owner']);
/** Routes without a path parameter that still answer 404 (a registry not loaded yet). */
const NOT_FOUND = new Set(['GET /v1/divisions', 'GET /v1/divisions/document', 'GET /v1/compare']);

/** Routes with a path parameter that is checked but names nothing stored (a year). */
const NEVER_NOT_FOUND = new Set(['GET /v1/holidays/:year', 'PUT /v1/holidays/:year']);

/** Whether an access rule can refuse a key that reads the resource (403), as policy.ts decides. */
function mayForbid(a: Access | undefined): boolean {
  if (!a) return false;
  switch (a.kind) {
    case 'admin':
    case 'scenario-create':
      return true;
    case 'scenario':
      return a.action !== 'read';
    case 'solution':
      return a.action === 'derive';
    case 'job':
      return a.action === 'cancel';
    default:
      return false;
  }
}

/** The statuses of problems an operation can answer. */
export function problemStatuses(method: string, url: string, schema: { body?: unknown; 'x-ovola-access'?: Access }): number[] {
  const key = `${method} ${url}`;
  const access = schema['x-ovola-access'];
  const statuses = new Set([400, 500]);
  if (access && access.kind !== 'public') statuses.add(401);
  if (mayForbid(access)) statuses.add(403);
  if ((url.includes(':') && !NEVER_NOT_FOUND.has(key)) || NOT_FOUND.has(key)) statuses.add(404);
  if (CONFLICTS.has(key)) statuses.add(409);
  if (schema.body !== undefined) {
    statuses.add(413);
    statuses.add(415);
  }
  if (CHECKS_DOCUMENTS.has(key) || key === 'POST /v1/scenarios' || (access?.kind === 'solution' && access.action === 'derive')) statuses.add(422);
  if (LIMITED.has(key)) statuses.add(429);
  if (url !== '/healthz') statuses.add(503);
  return [...statuses].sort((a, b) => a - b);
}

const problemResponse = (status: number, url: string) => ({
  description: MEANING[status] ?? TITLE_ZH[status],
  ...(status === 429 || status === 503 ? { headers: RETRY_AFTER } : {}),
  content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' }, example: example(status, url) } },
});

// --- the transforms -----------------------------------------------------------------------------

type TransformInput = Parameters<typeof jsonSchemaTransform>[0];

/** Each route's part of the document: zod schemas as JSON Schema, then its id, tag and problems. */
export function transform(input: TransformInput): ReturnType<typeof jsonSchemaTransform> {
  const out = jsonSchemaTransform(input);
  const schema = out.schema as Record<string, unknown> & { hide?: boolean; response?: Record<string, unknown> };
  if (!schema || schema.hide) return out;
  const method = [input.route.method].flat().find((m) => m !== 'HEAD') ?? 'GET';
  const [operationId, tag] = OPERATIONS[`${method} ${input.url}`] ?? [];
  const response: Record<string, unknown> = { ...schema.response };
  for (const status of problemStatuses(method, input.url, input.schema as Parameters<typeof problemStatuses>[2])) response[status] ??= problemResponse(status, input.url);
  return {
    ...out,
    schema: {
      ...schema,
      ...(operationId && !schema.operationId ? { operationId } : {}),
      ...(tag && !schema.tags ? { tags: [tag] } : {}),
      response,
    },
  };
}

type Paths = Record<string, Record<string, { requestBody?: { content?: Record<string, { schema?: unknown }> } }>>;
/** Media types whose body is a file whatever the route's JSON body schema says (a workbook, a sheet). */
const FILE_BODIES = new Set([XLSX_MIME, 'text/csv', 'application/csv', 'application/octet-stream']);

/**
 * A route that takes a JSON document or a file (POST /v1/scenarios: the scenario, or its workbook)
 * declares one body schema; in the document each file media type gets a binary string instead.
 */
function binaryBodies(paths: Paths | undefined): void {
  for (const ops of Object.values(paths ?? {})) {
    for (const op of Object.values(ops)) {
      const content = op?.requestBody?.content;
      if (!content) continue;
      // the media objects may be one object shared by every type: each file type gets its own
      for (const [type, media] of Object.entries(content)) if (FILE_BODIES.has(type)) content[type] = { ...media, schema: { type: 'string', format: 'binary' } };
    }
  }
}

/** The whole document: the zod components, the documents' schemas, Problem, and the tags in order. */
export function transformObject(input: Parameters<typeof jsonSchemaTransformObject>[0]): ReturnType<typeof jsonSchemaTransformObject> {
  const doc = jsonSchemaTransformObject(input) as Record<string, unknown> & { components?: { schemas?: Record<string, unknown> }; paths?: Paths };
  binaryBodies(doc.paths);
  return {
    ...doc,
    tags: TAGS.map((t) => ({ ...t })),
    components: { ...doc.components, schemas: { ...doc.components?.schemas, ...documentComponents(), Problem: ProblemSchema } },
  } as ReturnType<typeof jsonSchemaTransformObject>;
}
