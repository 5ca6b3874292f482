/**
 * Team and firm-town solves through the API (issue 4): a team-mode job gives a plan the validator
 * accepts, and a job cancelled while its integer programs run (its progress shown) stops at once and
 * leaves the runner free.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseScenario, parseSolution } from '../../src/domain/index.js';
import { generateScenario } from '../../src/gen/index.js';
import { buildApp, type App } from '../../src/http/app.js';
import type { Store } from '../../src/store/types.js';
import { validateSolution } from '../../src/validate/index.js';
import { testStore } from '../fixtures/store.js';

const ADMIN = 'test-admin-key-modes-0123456789';
const headers = { authorization: `Bearer ${ADMIN}` };
let store: Store;
let drop: () => Promise<void>;
let app: App;

async function job(jobId: string, until: (j: Record<string, unknown>) => boolean, timeoutMs = 60_000): Promise<Record<string, unknown>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const j = (await app.inject({ url: `/v1/jobs/${jobId}`, headers })).json();
    if (until(j) || Date.now() > deadline) return j;
    await new Promise((r) => setTimeout(r, 50));
  }
}
const finished = (j: Record<string, unknown>) => ['succeeded', 'failed', 'cancelled'].includes(j.status as string);

async function submit(scenario: unknown): Promise<{ scenarioId: string; jobId: string }> {
  const created = await app.inject({ method: 'POST', url: '/v1/scenarios', headers, payload: scenario as object });
  expect(created.statusCode, created.body).toBe(201);
  const scenarioId = created.json().id as string;
  const solve = await app.inject({ method: 'POST', url: `/v1/scenarios/${scenarioId}/solve`, headers, payload: {} });
  expect(solve.statusCode, solve.body).toBe(202);
  return { scenarioId, jobId: solve.json().jobId as string };
}

beforeAll(async () => {
  ({ store, drop } = await testStore('modes'));
  app = await buildApp({ store, adminKey: ADMIN, workers: 1 });
});

afterAll(async () => {
  await app?.close();
  await drop?.();
});

describe('solve jobs in team and firm-town mode', () => {
  it('a team-mode county solves to a plan with teams that the validator accepts', async () => {
    const scenario = generateScenario({ preset: 'county', seed: 2, mode: 'team' });
    const { jobId } = await submit(scenario);
    const done = await job(jobId, finished);
    expect(done.status, JSON.stringify(done)).toBe('succeeded');
    const solution = parseSolution(JSON.parse((await store.getSolutionBody(done.solutionId as string))!));
    expect(solution.mode).toBe('team');
    expect(solution.metrics.gap).toBeLessThanOrEqual(0.01);
    expect(validateSolution(parseScenario(scenario), solution)).toEqual([]);
  }, 60_000);

  it('a job cancelled during its integer programs stops, and the next job runs', async () => {
    const big = generateScenario({ preset: 'prd-city', seed: 1, mode: 'team' });
    const { jobId } = await submit(big);
    const busy = await job(jobId, (j) => finished(j) || /LP relaxation|MIP/.test(String(j.phase)));
    expect(busy.status, JSON.stringify(busy)).toBe('running');
    // the job's progress figure follows the team-mode phases (options done: past an eighth of the run)
    expect(busy.progress as number).toBeGreaterThanOrEqual(1 / 8);
    expect(busy.progress as number).toBeLessThan(1);
    const cancelled = await app.inject({ method: 'DELETE', url: `/v1/jobs/${jobId}`, headers });
    expect(cancelled.json().status).toBe('cancelled');
    // With one worker slot, the next job starts only once the cancelled job's worker has been stopped.
    const next = await submit(generateScenario({ preset: 'county', seed: 3, mode: 'firm-town' }));
    const done = await job(next.jobId, finished, 30_000);
    expect(done.status, JSON.stringify(done)).toBe('succeeded');
    expect((await app.inject({ url: `/v1/jobs/${jobId}`, headers })).json().status).toBe('cancelled');
  }, 90_000);
});
