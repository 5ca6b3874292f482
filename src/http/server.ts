import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import closeWithGrace from 'close-with-grace';
import { z } from 'zod';
import { parseScenario } from '../domain/index.js';
import { solve } from '../solver/solve.js';
import { createStore } from '../store/index.js';
import type { Store } from '../store/types.js';
import { buildCalendar } from '../calendar/index.js';
import { buildApp, type App } from './app.js';
import { hashKey, newKey, type Principal } from './auth.js';
import { publishSolutionCards, republishLegacy } from './publishing.js';
import { chinaToday } from './public-directory.js';
import { REDACT_PATHS, serializeRequest } from './redact.js';
import { summarize } from '../domain/summary.js';

/** The service's configuration: one schema over the environment. */
export const Config = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  DATABASE_URL: z.string().optional(),
  OVOLA_DB: z.string().default('var/ovola.db'),
  OVOLA_ADMIN_KEY: z.string().min(16, 'OVOLA_ADMIN_KEY must be at least 16 characters').optional(),
  OVOLA_SAMPLE: z.string().default(new URL('../../data/sample-county.json', import.meta.url).pathname),
  /** the language of error messages for callers who ask for none: zh (default) or en */
  OVOLA_DEFAULT_LANGUAGE: z.enum(['zh', 'en']).default('zh'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** requests per minute per client on the public look-up (default 600); raised for load tests */
  OVOLA_PUBLIC_RATE_LIMIT: z.coerce.number().int().min(1).optional(),
  /** PostgreSQL only: keep the tables in this schema (e.g. one per test run) */
  OVOLA_PG_SCHEMA: z.string().regex(/^[a-z_][a-z0-9_]{0,62}$/, 'OVOLA_PG_SCHEMA: lower-case letters, digits and _').optional(),
  /** body limit (MB) of the large-document routes: a scenario upload, a sheet import (a province is ~7 MB) */
  OVOLA_MAX_DOCUMENT_MB: z.coerce.number().positive().max(1024).default(16),
  /** solve and calendar jobs queued or running at once, over all callers */
  OVOLA_MAX_JOBS: z.coerce.number().int().min(1).default(32),
  /** solve and calendar jobs queued or running at once per API key */
  OVOLA_MAX_JOBS_PER_KEY: z.coerce.number().int().min(1).default(4),
});
export type Config = z.infer<typeof Config>;

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = Config.safeParse(env);
  if (!parsed.success) {
    throw new Error(`bad environment: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  return parsed.data;
}

/**
 * The service's pino options: the level, the Authorization and Cookie headers redacted, and request URLs
 * logged with the values of key-like query parameters blanked (such requests are refused anyway).
 */
export function loggerOptions(config: Pick<Config, 'LOG_LEVEL'>) {
  return { level: config.LOG_LEVEL, redact: { paths: REDACT_PATHS, censor: '[REDACTED]' }, serializers: { req: serializeRequest } };
}

export function openStore(config: Config): Store {
  return createStore(config.DATABASE_URL ? { databaseUrl: config.DATABASE_URL, schema: config.OVOLA_PG_SCHEMA } : { sqlitePath: config.OVOLA_DB });
}

/**
 * A first start on an empty store gets the sample county, solved and published, with its visit calendar
 * for the rest of this year, so there is something to look at (the public look-up lists next visits).
 */
export async function loadSample(store: Store, path: string, say: (line: string) => void, today = chinaToday()): Promise<void> {
  if ((await store.listScenarios({ limit: 1 })).items.length > 0) return;
  const scenario = parseScenario(JSON.parse(readFileSync(path, 'utf8')));
  const { summary, regions } = summarize(scenario);
  const rec = await store.insertScenario({ id: randomUUID(), parentId: null, name: scenario.name, summary, regions }, JSON.stringify(scenario));
  const plan = solve(scenario);
  const solution = await store.insertSolution({ id: randomUUID(), scenarioId: rec.id }, JSON.stringify(plan));
  // published as the sample county's own bureau would publish it
  const county = scenario.regions.find((r) => r.level === 'county' && regions.includes(r.id));
  const publisher: Principal = county ? { kind: 'county', code: county.id, keyId: 'sample', label: 'sample data' } : { kind: 'admin', keyId: 'env', label: 'sample data' };
  await publishSolutionCards(store, publisher, solution.id, scenario);
  const year = Number(today.slice(0, 4));
  const months = Array.from({ length: 13 - Number(today.slice(5, 7)) }, (_, i) => `${year}-${String(Number(today.slice(5, 7)) + i).padStart(2, '0')}`);
  const calendar = buildCalendar(scenario, plan, { year, months });
  const cal = await store.insertCalendar({ id: randomUUID(), solutionId: solution.id, scenarioId: rec.id, year, months, provisional: calendar.provisional }, JSON.stringify(calendar));
  say(
    `loaded the sample scenario "${scenario.name}" (${scenario.villages.length} villages) as ${rec.id}, solved and published as ${solution.id}, ` +
      `with its visit calendar for ${months[0]}–${months[months.length - 1]} as ${cal.id}`,
  );
}

/** Starts the service: store, migrations, recovery of interrupted jobs, first admin key, sample data, listen. */
export async function startServer(config: Config, say: (line: string) => void = (l) => process.stderr.write(`${l}\n`)): Promise<App> {
  const store = openStore(config);
  await store.migrate();
  const failed = await store.failInterruptedJobs('the service stopped while this job was queued or running; submit it again');
  if (failed > 0) say(`marked ${failed} interrupted job${failed === 1 ? '' : 's'} failed`);
  const republished = await republishLegacy(store);
  if (republished > 0) say(`published the villages of ${republished} solution${republished === 1 ? '' : 's'} published before cards were published village by village`);
  if (!config.OVOLA_ADMIN_KEY && (await store.countApiKeys()) === 0) {
    const key = newKey();
    await store.insertApiKey({ id: randomUUID(), scope: 'admin', label: 'created at first start' }, hashKey(key));
    say(`created an admin API key (shown only this once): ${key}`);
  }
  await loadSample(store, config.OVOLA_SAMPLE, say);
  const app = await buildApp({
    defaultLanguage: config.OVOLA_DEFAULT_LANGUAGE,
    store,
    adminKey: config.OVOLA_ADMIN_KEY,
    logger: loggerOptions(config),
    closeStore: true,
    publicRateLimit: config.OVOLA_PUBLIC_RATE_LIMIT,
    maxDocumentBytes: Math.round(config.OVOLA_MAX_DOCUMENT_MB * 1024 * 1024),
    jobLimits: { maxJobs: config.OVOLA_MAX_JOBS, maxJobsPerKey: config.OVOLA_MAX_JOBS_PER_KEY },
  });
  const address = await app.listen({ port: config.PORT, host: config.HOST });
  say(`ovola is listening on ${address} — API docs at ${address}/docs, OpenAPI at ${address}/openapi.json`);
  closeWithGrace({ delay: 10_000 }, async ({ signal, err }) => {
    if (err) app.log.error({ err }, 'shutting down after an error');
    else app.log.info({ signal }, 'shutting down');
    await app.close();
  });
  return app;
}
