/**
 * The contract generates a client: openapi-typescript turns the live /openapi.json into types, the README's
 * flow (create a scenario → solve → poll the job → read the solution → publish → the public card) is
 * written against them with openapi-fetch and type-checked with no diagnostics, then run against the
 * service listening on a port, so that the types are proved against real answers.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import openapiTS, { astToString, type OpenAPI3 } from 'openapi-typescript';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateScenario } from '../../src/gen/index.js';
import { buildApp, type App } from '../../src/http/app.js';
import { createStore } from '../../src/store/index.js';
import type { Store } from '../../src/store/types.js';

const ROOT = join(import.meta.dirname, '..', '..');
const ADMIN = 'test-admin-key-typed-client-0123456789';

/** The README's flow as a client would write it, against the generated `paths`. */
const FLOW = `import createClient from 'openapi-fetch';
import type { components, paths } from './openapi.js';

type Scenario = components['schemas']['Scenario'];
type Problem = components['schemas']['Problem'];

const fail = (step: string, status: number, problem: Problem | undefined): never => {
  throw new Error(\`\${step}: \${status} \${problem?.title ?? ''} \${problem?.detail ?? ''}\`);
};

export async function readmeFlow(baseUrl: string, key: string, scenario: Scenario) {
  const api = createClient<paths>({ baseUrl, headers: { authorization: \`Bearer \${key}\` } });

  const created = await api.POST('/v1/scenarios', { body: scenario });
  if (!created.data) return fail('create', created.response.status, created.error);
  const scenarioId: string = created.data.id;
  const name: string = created.data.name;

  const solve = await api.POST('/v1/scenarios/{id}/solve', { params: { path: { id: scenarioId } }, body: { mode: 'optimal' } });
  if (!solve.data) return fail('solve', solve.response.status, solve.error);
  const jobId = solve.data.jobId;
  let job = solve.data.job;
  while (job.status === 'queued' || job.status === 'running') {
    await new Promise((resolve) => setTimeout(resolve, 50));
    const polled = await api.GET('/v1/jobs/{jobId}', { params: { path: { jobId } } });
    if (!polled.data) return fail('poll', polled.response.status, polled.error);
    job = polled.data;
  }
  if (job.status !== 'succeeded' || job.solutionId === undefined) throw new Error(\`job \${job.status}: \${job.error ?? ''}\`);
  const solutionId: string = job.solutionId;

  const solution = await api.GET('/v1/solutions/{id}', { params: { path: { id: solutionId } } });
  if (!solution.data) return fail('solution', solution.response.status, solution.error);
  const assigned: string = solution.data.assignments[0].villageId;
  const objective: number = solution.data.metrics.objective;
  const pairs = await api.GET('/v1/solutions/{id}/blocking-pairs', { params: { path: { id: solutionId }, query: { limit: 10 } } });
  if (!pairs.data) return fail('blocking pairs', pairs.response.status, pairs.error);
  // [villageId, lawyerId]: openapi-typescript reads the tuple as an array
  const firstPair: string[] | undefined = pairs.data.items[0];

  const published = await api.POST('/v1/solutions/{id}/publish', { params: { path: { id: solutionId } }, body: {} });
  if (!published.data) return fail('publish', published.response.status, published.error);
  const count: number = published.data.published;

  const villagers = createClient<paths>({ baseUrl });
  const card = await villagers.GET('/v1/public/villages/{villageId}', { params: { path: { villageId: assigned } } });
  if (!card.data) return fail('card', card.response.status, card.error);
  const adviser: string | undefined = card.data.adviser?.name;

  // a refusal is typed too: problem+json
  const missing = await api.GET('/v1/jobs/{jobId}', { params: { path: { jobId: 'no-such-job' } } });
  const refusal: { status: number; title: string | undefined } = { status: missing.response.status, title: missing.error?.title };

  return { scenarioId, name, jobId, solutionId, solution: solution.data, objective, blockingPairs: solution.data.blockingPairs, pairsPage: pairs.data, firstPair, count, card: card.data, adviser, refusal };
}
`;

let store: Store;
let app: App;
let baseUrl: string;
let dir: string;

beforeAll(async () => {
  store = createStore({ sqlitePath: ':memory:' });
  await store.migrate();
  app = await buildApp({ store, adminKey: ADMIN, workers: 1 });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  baseUrl = `http://127.0.0.1:${address.port}`;
  // inside the project (its tmp/ is ignored by git) so that the flow resolves openapi-fetch from node_modules
  mkdirSync(join(ROOT, 'tmp'), { recursive: true });
  dir = mkdtempSync(join(ROOT, 'tmp', 'typed-client-'));
});

afterAll(async () => {
  await app?.close();
  await store?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('a typed client from /openapi.json', () => {
  it('generates types, type-checks the README flow with no diagnostics, and runs it against the service', async () => {
    const spec = (await (await fetch(`${baseUrl}/openapi.json`)).json()) as OpenAPI3;
    const types = astToString(await openapiTS(spec));
    expect(types).toContain('"/v1/solutions/{id}/blocking-pairs"');
    writeFileSync(join(dir, 'openapi.d.ts'), types);
    writeFileSync(join(dir, 'flow.ts'), FLOW);

    const program = ts.createProgram([join(dir, 'flow.ts')], {
      target: ts.ScriptTarget.ES2022,
      lib: ['lib.es2023.d.ts'],
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      strict: true,
      noEmit: true,
      skipLibCheck: true,
      types: ['node'],
    });
    const diagnostics = ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    expect(diagnostics).toEqual([]);

    const { readmeFlow } = (await import(join(dir, 'flow.ts'))) as { readmeFlow: (baseUrl: string, key: string, scenario: unknown) => Promise<unknown> };
    const scenario = generateScenario({ preset: 'county', seed: 3 });
    const r = (await readmeFlow(baseUrl, ADMIN, scenario)) as unknown as {
      name: string;
      solutionId: string;
      solution: { id: string; scenarioId: string; assignments: { villageId: string }[]; blockingPairs: [string, string][] };
      scenarioId: string;
      pairsPage: { count: number; items: [string, string][]; next?: string };
      count: number;
      card: { village: { id: string }; adviser: { name: string } | null };
      adviser: string | undefined;
      refusal: { status: number; title: string | undefined };
    };
    expect(r.name).toBe(scenario.name);
    expect(r.solution).toMatchObject({ id: r.solutionId, scenarioId: r.scenarioId });
    expect(r.pairsPage.count).toBe(r.solution.blockingPairs.length);
    expect(r.pairsPage.items).toEqual(r.solution.blockingPairs.slice(0, 10));
    expect(r.count).toBeGreaterThan(0);
    expect(r.card.village.id).toBe(r.solution.assignments[0].villageId);
    expect(r.adviser).toBeTruthy();
    expect(r.refusal).toEqual({ status: 404, title: '未找到' });
  }, 60_000);
});
