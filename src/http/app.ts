import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { DEFAULT_SCAN_LIMITS, type ScanLimits } from '../io/json-scan.js';
import { DocumentWorker } from '../io/document-worker.js';
import { DEFAULT_TABLE_LIMITS, type TableLimits } from '../io/table.js';
import { localize, TITLE_ZH, translate, type Lang } from '../domain/index.js';
import type { Store } from '../store/types.js';
import { AuditTrail, decorateAudit } from './audit.js';
import { KeyUse, refuseKeyInQuery } from './auth.js';
import { DOCUMENT_BODY_BYTES, installBodyHandling, SMALL_BODY_BYTES } from './bodies.js';
import { type JobLimits, JobRunner, type JobSlot } from './jobs.js';
import { checkOperation, OPENAPI_VERSION, transform, transformObject } from './openapi.js';
import { accessPlugin } from './policy.js';
import { problemHandler, titleOf } from './problem.js';
import { PublicDirectory } from './public-directory.js';
import { withRedaction } from './redact.js';
import { healthRoutes } from './routes/health.js';
import { jobRoutes } from './routes/jobs.js';
import { publicRoutes } from './routes/public.js';
import { scenarioRoutes } from './routes/scenarios.js';
import { solutionRoutes } from './routes/solutions.js';
import { exportRoutes } from './routes/exports.js';
import { importRoutes } from './routes/imports.js';
import { compareRoutes } from './routes/compare.js';
import { explainRoutes } from './routes/explain.js';
import { replanRoutes } from './routes/replan.js';
import { versionRoutes } from './routes/versions.js';
import { calendarRoutes } from './routes/calendars.js';
import { divisionRoutes } from './routes/divisions.js';
import { keyRoutes } from './routes/keys.js';
import { auditRoutes } from './routes/audit.js';
import { meRoutes } from './routes/me.js';
import { noticeRoutes } from './routes/notices.js';
import { webRoutes } from './routes/web.js';

export interface AppOptions {
  /** the language of problems for a caller whose Accept-Language names neither Chinese nor English (Chinese by default) */
  defaultLanguage?: Lang;
  store: Store;
  /** a key with admin scope taken from the environment, besides the stored keys */
  adminKey?: string;
  /** pino options (or true); keys are kept out of every line either way (redact.ts) */
  logger?: FastifyServerOptions['logger'];
  /** solve jobs running at once; one per core by default */
  workers?: number;
  /** requests per minute per client on the public look-up */
  publicRateLimit?: number;
  /** close the store when the app closes (the server owns it; tests usually keep theirs) */
  closeStore?: boolean;
  /** today's date in China (YYYY-MM-DD), for the public look-up's next visits; the clock's by default */
  today?: () => string;
  /** body limit of the large-document routes (scenario upload, sheet imports) in bytes; 16 MB by default */
  maxDocumentBytes?: number;
  /** bounds of the pre-scan of JSON bodies (depth, entries by path, string length); the domain's LIMITS by default */
  scanLimits?: Partial<ScanLimits>;
  /** rows, columns and inflated size of imported sheets */
  tableLimits?: Partial<TableLimits>;
  /** the job queue's bounds (overall, per key) and the retries of a finished job's result */
  jobLimits?: Partial<JobLimits>;
  /** heap (MB) of the threads that check documents and read sheets: past it, a 413, never a crashed process */
  workerHeapMb?: number;
}

/** A client error Node answers before Fastify sees a request (a malformed request, headers too large, a timeout): problem+json too. */
function clientError(err: NodeJS.ErrnoException, socket: Socket): void {
  if (err.code === 'ECONNRESET' || socket.destroyed) return;
  const status = err.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : err.code === 'HPE_HEADER_OVERFLOW' ? 431 : 400;
  const detail = status === 408 ? 'the request took too long to arrive' : status === 431 ? 'the request line and headers are larger than this service takes' : 'the request is not valid HTTP';
  // Node answers before any header is read, so the language is the service's default: Chinese, with the English code.
  const body = JSON.stringify({ type: 'about:blank', title: TITLE_ZH[status] ?? titleOf(status), status, detail: localize(detail, 'zh'), code: translate(detail).code });
  if (socket.writable) {
    socket.write(`HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Length: ${Buffer.byteLength(body)}\r\nContent-Type: application/problem+json\r\nConnection: close\r\n\r\n${body}`);
  }
  socket.destroy(err);
}

export type App = FastifyInstance & { jobs: JobRunner; directory: PublicDirectory };

/** Builds the service; never listens (server.ts does), so tests use `app.inject`. */
export async function buildApp(opts: AppOptions): Promise<App> {
  const app = Fastify({
    logger: withRedaction(opts.logger),
    bodyLimit: SMALL_BODY_BYTES,
    // ids are at most 200 characters, written %-escaped up to 9 each; longer ones get a 414 (problem+json, below)
    routerOptions: { maxParamLength: 2048 },
    // errors the router raises before any route: a path too long (414), a bad %-escape (400)
    frameworkErrors: (error, request, reply) => problemHandler(error, request, reply),
    clientErrorHandler: clientError,
    requestTimeout: 120_000,
    connectionTimeout: 130_000,
    requestIdHeader: 'x-request-id',
    genReqId: () => crypto.randomUUID(),
    // The public look-up logs nothing per request (errors still reach the error handler's log), so it
    // skips building a child logger for each of its many requests.
    childLoggerFactory: (logger, bindings, options, rawReq) => (rawReq.url?.startsWith('/v1/public/') ? logger : logger.child(bindings, options)),
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorate('defaultLanguage', opts.defaultLanguage ?? 'zh');
  app.setErrorHandler(problemHandler);
  app.setNotFoundHandler((request, reply) =>
    problemHandler(Object.assign(new Error(`no route ${request.method} ${request.url.split('?')[0].slice(0, 200)}`), { statusCode: 404 }), request, reply),
  );
  // First hook of all, on every route: a key in the query string is refused before anything uses it.
  app.addHook('onRequest', refuseKeyInQuery);
  const scan = { ...DEFAULT_SCAN_LIMITS, ...opts.scanLimits };
  installBodyHandling(app, { documentBytes: opts.maxDocumentBytes ?? DOCUMENT_BODY_BYTES, scan });

  // External plugins first, then our own, then routes.
  await app.register(helmet, { contentSecurityPolicy: false });
  // Only the public look-up is rate limited; a refused client is told when to come back, and the
  // counters are not sent on every answer of that hot path.
  await app.register(rateLimit, {
    global: false,
    addHeaders: { 'x-ratelimit-limit': false, 'x-ratelimit-remaining': false, 'x-ratelimit-reset': false, 'retry-after': true },
    addHeadersOnExceeding: { 'x-ratelimit-limit': false, 'x-ratelimit-remaining': false, 'x-ratelimit-reset': false },
  });
  await app.register(swagger, {
    openapi: {
      openapi: OPENAPI_VERSION,
      info: {
        title: 'ovola',
        version: '1.0.0',
        description: '一村(社区)一法律顾问:律师与村(社区)的分配、替换后的重排、方案比较与公开查询。',
      },
      servers: [{ url: '/', description: '本服务(与此文档同源)' }],
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'API 密钥:Authorization: Bearer <key>' } } },
      security: [{ bearer: [] }],
    },
    // ids, tags, the problems each operation can answer and the document schemas, added in one place (openapi.ts)
    transform,
    transformObject,
  });
  // every operation of the contract has an id: a route without one is refused when the service starts
  app.addHook('onRoute', (route) => {
    if (!route.schema?.hide) checkOperation(route.method, route.url);
  });
  // Who may do what, decided in one place (policy.ts): registered before any route, so that it sees them all.
  const keyUse = new KeyUse(opts.store, app.log);
  await app.register(accessPlugin, { store: opts.store, adminKey: opts.adminKey, onAuthenticated: (p) => keyUse.record(p) });
  await app.register(swaggerUi, { routePrefix: '/docs' });
  app.get('/openapi.json', { config: { access: { kind: 'public' } }, schema: { hide: true } }, async () => app.swagger());

  const directory = new PublicDirectory(opts.today);
  // A published solution's new calendar changes its villages' public cards (their next visits).
  const jobs = new JobRunner(
    opts.store,
    app.log,
    opts.workers,
    async (calendar) => {
      if (directory.supplies(calendar.solutionId)) await directory.reload(opts.store);
    },
    opts.jobLimits,
  );
  // Uploads, new versions and re-plans are parsed and checked in a thread of their own; a few may wait.
  const resourceLimits = { maxOldGenerationSizeMb: opts.workerHeapMb ?? 1536 };
  const documents = new DocumentWorker(scan, { maxWaiting: 8, resourceLimits });
  await directory.reload(opts.store);
  app.decorate('jobs', jobs);
  app.decorate('directory', directory);
  decorateAudit(app);
  const audit = new AuditTrail(opts.store, app.log);
  // A job queue place a request held and did not use is given back once its answer is sent.
  app.decorateRequest<JobSlot | null>('jobSlot', null);
  const giveBack = async (request: { jobSlot: JobSlot | null }) => request.jobSlot?.release();
  app.addHook('onResponse', giveBack);
  app.addHook('onRequestAbort', giveBack);
  app.addHook('onClose', async () => {
    await Promise.all([audit.settled(), keyUse.settled()]);
    await jobs.close();
    await documents.close();
    await directory.close();
    if (opts.closeStore) await opts.store.close();
  });

  await app.register(healthRoutes, { store: opts.store });
  await app.register(publicRoutes, { directory, rateLimit: opts.publicRateLimit ?? 600 });
  await app.register(webRoutes, { directory, rateLimit: opts.publicRateLimit ?? 600 });
  await app.register(async (api) => {
    // Every write (refused ones and failed authentication too) leaves a row in the audit trail once answered.
    api.addHook('onResponse', audit.onResponse);
    await api.register(scenarioRoutes, { store: opts.store, jobs, directory, documents, tableLimits: { ...DEFAULT_TABLE_LIMITS, ...opts.tableLimits } });
    await api.register(jobRoutes, { store: opts.store, jobs });
    await api.register(solutionRoutes, { store: opts.store, directory });
    await api.register(exportRoutes, { store: opts.store });
    await api.register(importRoutes, { store: opts.store, limits: { ...DEFAULT_TABLE_LIMITS, ...opts.tableLimits }, resourceLimits });
    await api.register(versionRoutes, { store: opts.store, documents });
    await api.register(replanRoutes, { store: opts.store, jobs, documents });
    await api.register(compareRoutes, { store: opts.store });
    await api.register(explainRoutes, { store: opts.store });
    await api.register(calendarRoutes, { store: opts.store, jobs });
    await api.register(divisionRoutes, { store: opts.store, directory, documents });
    await api.register(keyRoutes, { store: opts.store });
    await api.register(auditRoutes, { store: opts.store, audit });
    await api.register(meRoutes);
    await api.register(noticeRoutes, { store: opts.store, directory });
  });
  await app.ready();
  return app as unknown as App;
}
