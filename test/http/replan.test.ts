/**
 * Versions, re-planning after a replacement (R6), comparison and explanation, through the HTTP API.
 * The county preset for a whole-county re-plan, the city preset (eight counties) for the scope.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseScenario, parseSolution, type Lawyer, type Scenario, type Solution } from '../../src/domain/index.js';
import { generateScenario } from '../../src/gen/index.js';
import { cityCodes } from '../../src/gen/regions.js';
import { buildApp, type App } from '../../src/http/app.js';
import { hashKey } from '../../src/http/auth.js';
import { createStore } from '../../src/store/index.js';
import type { Store } from '../../src/store/types.js';
import { validateSolution } from '../../src/validate/index.js';

const ADMIN = 'test-admin-key-0123456789';
const auth = (key: string) => ({ authorization: `Bearer ${key}` });
const COUNTY_KEY = 'ovk_replan_county_key_000000000';
const CITY_KEY = 'ovk_replan_city_key_0000000000';
const OTHER_CITY_KEY = 'ovk_replan_other_city_key_00000';
/** The city preset's (seed 1) city, its paired lawyers' city, and the county (a 县级市, …81) the county key is for. */
const [CITY, OUTSIDE] = cityCodes('city', 1, 2);
const SCOPE = `${CITY}81`;

let store: Store;
let app: App;

async function waitForJob(jobId: string): Promise<Record<string, unknown>> {
  for (let i = 0; i < 1200; i++) {
    const res = await app.inject({ method: 'GET', url: `/v1/jobs/${jobId}`, headers: auth(ADMIN) });
    const job = res.json();
    if (!['queued', 'running'].includes(job.status)) return job;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('job did not finish');
}

async function upload(doc: unknown): Promise<string> {
  const res = await app.inject({ method: 'POST', url: '/v1/scenarios', headers: auth(ADMIN), payload: doc as Record<string, unknown> });
  expect(res.statusCode).toBe(201);
  return res.json().id;
}

async function solved(scenarioId: string): Promise<string> {
  const res = await app.inject({ method: 'POST', url: `/v1/scenarios/${scenarioId}/solve`, headers: auth(ADMIN), payload: {} });
  expect(res.statusCode).toBe(202);
  const job = await waitForJob(res.json().jobId);
  expect(job.status).toBe('succeeded');
  return job.solutionId as string;
}

async function getScenario(id: string): Promise<Scenario> {
  const res = await app.inject({ method: 'GET', url: `/v1/scenarios/${id}/document`, headers: auth(ADMIN) });
  return parseScenario(res.json());
}

async function getSolution(id: string): Promise<Solution> {
  const res = await app.inject({ method: 'GET', url: `/v1/solutions/${id}`, headers: auth(ADMIN) });
  const { id: _id, scenarioId: _s, createdAt: _c, publishedVillages: _p, ...doc } = res.json();
  return parseSolution(doc);
}

/** village → adviser (null when uncovered) */
function planOf(s: Solution): Map<string, string | null> {
  return new Map([...s.assignments.map((a) => [a.villageId, a.lawyerId] as const), ...s.uncovered.map((u) => [u.villageId, null] as const)]);
}

function countyOf(s: Scenario): (villageId: string) => string {
  const parent = new Map(s.regions.map((r) => [r.id, r.parentId]));
  const town = new Map(s.villages.map((v) => [v.id, v.townId]));
  return (villageId) => parent.get(town.get(villageId)!)!;
}

/** Posts a re-plan and waits for it; returns the job and the new scenario's id. */
async function replan(solutionId: string, body: Record<string, unknown>, key = ADMIN) {
  const res = await app.inject({ method: 'POST', url: `/v1/solutions/${solutionId}/replan`, headers: auth(key), payload: body });
  return res;
}

beforeAll(async () => {
  store = createStore({ sqlitePath: ':memory:' });
  await store.migrate();
  await store.insertApiKey({ id: 'rk1', scope: `county:${SCOPE}`, label: 'a county of the city preset' }, hashKey(COUNTY_KEY));
  await store.insertApiKey({ id: 'rk2', scope: `city:${CITY}`, label: 'the city' }, hashKey(CITY_KEY));
  await store.insertApiKey({ id: 'rk3', scope: 'city:4401', label: 'another city' }, hashKey(OTHER_CITY_KEY));
  app = await buildApp({ defaultLanguage: 'en',  store, adminKey: ADMIN, workers: 2 });
});

afterAll(async () => {
  await app.close();
  await store.close();
});

describe('county preset: versions, a whole-county re-plan, compare and explain', () => {
  const input = generateScenario({ preset: 'county', seed: 1, baseline: true });
  let scenarioId: string;
  let solutionId: string;
  let scenario: Scenario;
  let solution: Solution;

  beforeAll(async () => {
    scenarioId = await upload(input);
    solutionId = await solved(scenarioId);
    scenario = await getScenario(scenarioId);
    solution = await getSolution(solutionId);
  });

  /** The lawyer with the most villages in the solution. */
  function busiest(): Lawyer {
    const load = new Map<string, number>();
    for (const a of solution.assignments) load.set(a.lawyerId, (load.get(a.lawyerId) ?? 0) + 1);
    const id = [...load].sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0]))[0][0];
    return scenario.lawyers.find((l) => l.id === id)!;
  }

  it('POST /v1/scenarios/:id/versions stores a new version with its parent', async () => {
    const old = busiest();
    const res = await app.inject({
      method: 'POST',
      url: `/v1/scenarios/${scenarioId}/versions`,
      headers: auth(ADMIN),
      payload: { changes: [{ op: 'replace-lawyer', lawyerId: old.id, by: { ...old, id: 'L-NEW', name: '新律师' } }], name: '替换后' },
    });
    expect(res.statusCode).toBe(201);
    const view = res.json();
    expect(view).toMatchObject({ parentId: scenarioId, name: '替换后', regions: ['4490', '449021'] });
    expect(res.headers.location).toBe(`/v1/scenarios/${view.id}`);
    const next = await getScenario(view.id);
    expect(next.lawyers.some((l) => l.id === old.id)).toBe(false);
    expect(next.baseline.filter((b) => b.lawyerId === 'L-NEW').length).toBe(scenario.baseline.filter((b) => b.lawyerId === old.id).length);
  });

  it('a bad change: 422 with the change’s path; a malformed one: 400; unknown scenario: 404', async () => {
    const bad = await app.inject({
      method: 'POST',
      url: `/v1/scenarios/${scenarioId}/versions`,
      headers: auth(ADMIN),
      payload: { changes: [{ op: 'set-policy', set: { maxTravelKm: 60 } }, { op: 'remove-lawyer', lawyerId: 'L-nobody' }] },
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    expect(bad.json().errors).toEqual([{ path: 'changes[1].lawyerId', message: 'unknown lawyer', code: 'unknown_reference', value: 'L-nobody' }]);

    const malformed = await app.inject({
      method: 'POST',
      url: `/v1/scenarios/${scenarioId}/versions`,
      headers: auth(ADMIN),
      payload: { changes: [{ op: 'update-village', villageId: scenario.villages[0].id, set: { colour: 'red' } }] },
    });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().errors.map((e: { path: string }) => e.path)).toContain('body.changes[0].set.colour');

    const missing = await app.inject({ method: 'POST', url: '/v1/scenarios/nope/versions', headers: auth(ADMIN), payload: { changes: [{ op: 'remove-lawyer', lawyerId: 'x' }] } });
    expect(missing.statusCode).toBe(404);
    // Another city's key cannot see the scenario at all.
    const hidden = await app.inject({ method: 'POST', url: `/v1/scenarios/${scenarioId}/versions`, headers: auth(OTHER_CITY_KEY), payload: { changes: [{ op: 'remove-lawyer', lawyerId: 'x' }] } });
    expect(hidden.statusCode).toBe(404);
  });

  it('re-plan after replacing the busiest lawyer by one with room for two: only their villages, and what must follow, move', async () => {
    const old = busiest();
    const oldVillages = solution.assignments.filter((a) => a.lawyerId === old.id).map((a) => a.villageId);
    expect(oldVillages.length).toBeGreaterThan(3);
    const res = await replan(solutionId, { changes: [{ op: 'replace-lawyer', lawyerId: old.id, by: { ...old, id: 'L-NEW', maxVillages: 2 } }], scope: '449021' });
    expect(res.statusCode).toBe(202);
    const { jobId, scenarioId: nextId } = res.json();
    expect(res.headers.location).toBe(`/v1/jobs/${jobId}`);
    const job = await waitForJob(jobId);
    expect(job).toMatchObject({ status: 'succeeded', kind: 'replan', scenarioId: nextId });

    const next = await getScenario(nextId);
    const after = await getSolution(job.solutionId as string);
    expect(validateSolution(next, after)).toEqual([]);
    expect((await app.inject({ method: 'GET', url: `/v1/scenarios/${nextId}`, headers: auth(ADMIN) })).json().parentId).toBe(scenarioId);

    // The baseline is the old plan with the old lawyer's villages handed to the replacement.
    const before = planOf(solution);
    const mapped = new Map([...before].map(([v, l]) => [v, l === old.id ? 'L-NEW' : l]));
    expect(new Map(next.baseline.map((b) => [b.villageId, b.lawyerId]))).toEqual(new Map([...mapped].filter(([, l]) => l !== null)));

    const now = planOf(after);
    const moved = [...mapped].filter(([v, l]) => l !== null && now.get(v) !== l).map(([v, l]) => ({ v, from: l!, to: now.get(v) }));
    expect(after.assignments.filter((a) => a.lawyerId === 'L-NEW').length).toBeLessThanOrEqual(2);
    expect(moved.filter((m) => m.from === 'L-NEW').length).toBe(oldVillages.length - after.assignments.filter((a) => a.lawyerId === 'L-NEW').length);
    // Every other move is a chain: its lawyer took one of the moved villages and gave this one up.
    const receivers = new Set(moved.map((m) => m.to));
    for (const m of moved) if (m.from !== 'L-NEW') expect(receivers.has(m.from)).toBe(true);
    expect(moved.length).toBeLessThan(oldVillages.length * 3);

    // metrics.changes counts those moves, by county.
    const county = countyOf(next);
    const byCounty: Record<string, number> = {};
    for (const m of moved) byCounty[county(m.v)] = (byCounty[county(m.v)] ?? 0) + 1;
    expect(after.metrics.changes).toEqual({ vacated: 0, vsBaseline: moved.length, byCounty });
    expect(after.weights).toEqual(solution.weights);

    // GET /v1/compare: the moved list is the independent diff of the two plans.
    const cmp = await app.inject({ method: 'GET', url: `/v1/compare?a=${solutionId}&b=${job.solutionId}`, headers: auth(ADMIN) });
    expect(cmp.statusCode).toBe(200);
    const c = cmp.json();
    const diff = [...before].filter(([v, l]) => now.get(v) !== l).map(([v, l]) => ({ villageId: v, from: l, to: now.get(v) ?? null }));
    const bare = (m: { villageId: string; from: string | null; to: string | null }) => JSON.stringify({ villageId: m.villageId, from: m.from, to: m.to });
    expect(new Set(c.moved.map(bare))).toEqual(new Set(diff.map(bare)));
    // each moved village is named, with its town, both advisers' names and the km it gains or saves
    const kmBefore = new Map(solution.assignments.map((x: { villageId: string; travelKm: number }) => [x.villageId, x.travelKm]));
    const kmAfter = new Map(after.assignments.map((x: { villageId: string; travelKm: number }) => [x.villageId, x.travelKm]));
    for (const m of c.moved) {
      expect(m.village, m.villageId).toBe(next.villages.find((v) => v.id === m.villageId)?.name);
      expect(m.town).toBeTruthy();
      if (m.to) expect(m.toName).toBe(next.lawyers.find((l) => l.id === m.to)?.name);
      if (m.from && m.to) expect(m.extraKm).toBeCloseTo((kmAfter.get(m.villageId) as number) - (kmBefore.get(m.villageId) as number), 3);
    }
    expect(c.moved.length).toBe(diff.length);
    expect(c.a).toMatchObject({ id: solutionId, scenarioId, metrics: { travelKm: solution.metrics.travelKm, uncovered: solution.uncovered.length } });
    expect(c.b).toMatchObject({ id: job.solutionId, scenarioId: nextId, metrics: { changes: after.metrics.changes, load: after.metrics.load } });
    expect(c.summary.moved).toBe(diff.length);
    expect(c.summary.travelKmDelta).toBeCloseTo(after.metrics.travelKm.total - solution.metrics.travelKm.total, 2);
    expect(c.summary.uncoveredDelta).toBe(after.uncovered.length - solution.uncovered.length);
  });

  it('GET /v1/compare: 404 for a solution that does not exist, 400 without both ids', async () => {
    expect((await app.inject({ method: 'GET', url: `/v1/compare?a=${solutionId}&b=nope`, headers: auth(ADMIN) })).statusCode).toBe(404);
    expect((await app.inject({ method: 'GET', url: `/v1/compare?a=${solutionId}`, headers: auth(ADMIN) })).statusCode).toBe(400);
  });

  it('GET …/villages/:villageId/explain: the adviser first, its cost the solution’s', async () => {
    const a = solution.assignments[0];
    const res = await app.inject({ method: 'GET', url: `/v1/solutions/${solutionId}/villages/${a.villageId}/explain`, headers: auth(ADMIN) });
    expect(res.statusCode).toBe(200);
    const e = res.json();
    expect(e).toMatchObject({ solutionId, adviserId: a.lawyerId, uncovered: null, village: { id: a.villageId, countyId: '449021' } });
    const first = e.candidates[0];
    expect(first).toMatchObject({ lawyerId: a.lawyerId, role: 'adviser', firmId: a.firmId, km: a.travelKm });
    expect(first.cost.travel).toBeCloseTo(a.travelKm * solution.weights.travelKm, 2);
    expect(first.cost.total).toBeCloseTo(first.cost.travel + first.cost.villageRank + first.cost.lawyerRank + first.cost.change, 6);
    // The solver gave the village its baseline lawyer (no change cost) or paid for the change.
    const baseline = scenario.baseline.find((b) => b.villageId === a.villageId);
    expect(first.cost.change).toBe(baseline && baseline.lawyerId !== a.lawyerId ? solution.weights.change : 0);
    // Every other candidate may serve the village and lost, or may not serve it; none is the adviser.
    expect(e.candidates.slice(1).every((c: { role: string; reasons: string[] }) => c.role !== 'adviser' && c.reasons.length > 0)).toBe(true);
    expect(e.candidates.filter((c: { role: string }) => c.role === 'candidate').length).toBeGreaterThan(0);

    const u = solution.uncovered[0];
    if (u) {
      const ue = (await app.inject({ method: 'GET', url: `/v1/solutions/${solutionId}/villages/${u.villageId}/explain`, headers: auth(ADMIN) })).json();
      expect(ue).toMatchObject({ adviserId: null, uncovered: { reason: u.reason, detail: u.detail } });
    }
    expect((await app.inject({ method: 'GET', url: `/v1/solutions/${solutionId}/villages/nope/explain`, headers: auth(ADMIN) })).statusCode).toBe(404);
    expect((await app.inject({ method: 'GET', url: `/v1/solutions/nope/villages/${a.villageId}/explain`, headers: auth(ADMIN) })).statusCode).toBe(404);
  });
});

describe('city preset: the scope of a re-plan (R6)', () => {
  const input = generateScenario({ preset: 'city', seed: 1, baseline: true });
  let solutionId: string;
  let scenario: Scenario;
  let solution: Solution;
  /** a lawyer of a firm in county SCOPE (…81) with villages there and elsewhere */
  let lawyer: Lawyer;
  /** a lawyer of a firm in another county with villages in SCOPE */
  let visitor: Lawyer;
  let inside: string[];
  let outside: string[];

  beforeAll(async () => {
    const scenarioId = await upload(input);
    solutionId = await solved(scenarioId);
    scenario = await getScenario(scenarioId);
    solution = await getSolution(solutionId);
    const county = countyOf(scenario);
    const byLawyer = new Map<string, string[]>();
    for (const a of solution.assignments) byLawyer.set(a.lawyerId, [...(byLawyer.get(a.lawyerId) ?? []), a.villageId]);
    const firmCounty = (lawyerId: string) => {
      const firm = scenario.firms.find((f) => f.id === scenario.lawyers.find((l) => l.id === lawyerId)!.firmId)!;
      return scenario.regions.find((r) => r.id === firm.regionId)!.id;
    };
    const crossing = [...byLawyer].filter(([, vs]) => vs.some((v) => county(v) === SCOPE) && vs.some((v) => county(v) !== SCOPE));
    const [id, villages] = crossing.find(([l]) => firmCounty(l) === SCOPE)!;
    lawyer = scenario.lawyers.find((l) => l.id === id)!;
    visitor = scenario.lawyers.find((l) => l.id === crossing.find(([l]) => firmCounty(l) !== SCOPE)![0])!;
    inside = villages.filter((v) => county(v) === SCOPE);
    outside = villages.filter((v) => county(v) !== SCOPE);
  });

  it('a county key re-plans its own county: nothing outside it changes, the replaced lawyer’s villages there move', async () => {
    // The replacement has room only for the villages outside the scope, which stay pinned to them.
    const by = { ...lawyer, id: 'L-REPL', maxVillages: outside.length };
    const res = await replan(solutionId, { changes: [{ op: 'replace-lawyer', lawyerId: lawyer.id, by }] }, COUNTY_KEY);
    expect(res.statusCode).toBe(202);
    expect(res.json().scope).toBe(SCOPE);
    const job = await waitForJob(res.json().jobId);
    expect(job.status).toBe('succeeded');
    const next = await getScenario(res.json().scenarioId);
    const after = await getSolution(job.solutionId as string);
    expect(validateSolution(next, after)).toEqual([]);

    const county = countyOf(next);
    const before = planOf(solution);
    const now = planOf(after);
    for (const [v, l] of before) {
      if (county(v) === SCOPE) continue;
      expect(now.get(v), v).toBe(l === lawyer.id ? 'L-REPL' : l);
    }
    for (const v of inside) expect(now.get(v)).not.toBe('L-REPL');
    expect(Object.keys(after.metrics.changes.byCounty)).toEqual([SCOPE]);
    expect(after.metrics.changes.vsBaseline).toBeGreaterThanOrEqual(inside.length);
    expect(next.pins.length).toBe(solution.assignments.filter((a) => county(a.villageId) !== SCOPE).length);
  });

  it('a county key may not replace a lawyer of another county’s firm (403 naming the lawyer); the city key may', async () => {
    const change = { op: 'replace-lawyer', lawyerId: visitor.id, by: { ...visitor, id: 'L-V' } };
    const refused = await replan(solutionId, { changes: [change] }, COUNTY_KEY);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().errors).toContainEqual(expect.objectContaining({ path: 'lawyers', value: visitor.id }));
    const res = await replan(solutionId, { changes: [change], scope: SCOPE }, CITY_KEY);
    expect(res.statusCode).toBe(202);
    expect((await waitForJob(res.json().jobId)).status).toBe('succeeded');
  });

  it('scope rules: a county key may not name another county (403), a city key only its own counties', async () => {
    const change = { op: 'replace-lawyer', lawyerId: lawyer.id, by: { ...lawyer, id: 'L-X' } };
    const res = await replan(solutionId, { changes: [change], scope: `${CITY}02` }, COUNTY_KEY);
    expect(res.statusCode).toBe(403);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect((await replan(solutionId, { changes: [change], scope: `${OUTSIDE}02` }, CITY_KEY)).statusCode).toBe(403);
    expect((await replan(solutionId, { changes: [change], scope: `${CITY}02` }, OTHER_CITY_KEY)).statusCode).toBe(404);
    const notCounty = await replan(solutionId, { changes: [change], scope: CITY }, ADMIN);
    expect(notCounty.statusCode).toBe(422);
    expect(notCounty.json().errors).toEqual([{ path: 'scope', message: 'region is a city, not a county', code: 'wrong_level', value: CITY }]);
    expect((await replan('nope', { changes: [change], scope: SCOPE }, ADMIN)).statusCode).toBe(404);
  });

  it('pins outside the scope that cannot hold: 422 naming them, and no job', async () => {
    const by = { ...lawyer, id: 'L-SMALL', maxVillages: outside.length - 1 };
    const scenariosBefore = (await store.listScenarios({ limit: 100 })).items.length;
    const res = await replan(solutionId, { changes: [{ op: 'replace-lawyer', lawyerId: lawyer.id, by }], scope: SCOPE });
    expect(res.statusCode).toBe(422);
    const errors: { path: string; message: string; value: string }[] = res.json().errors;
    expect(errors).toHaveLength(1);
    expect(errors[0].path).toMatch(/^pins\[\d+\]\.lawyerId$/);
    expect(errors[0].value).toBe('L-SMALL');
    expect(errors[0].message).toContain(`R1: more pins than the lawyer's cap of ${outside.length - 1} villages`);
    expect(errors[0].message).toContain(`outside scope ${SCOPE}`);
    expect((await store.listScenarios({ limit: 100 })).items.length).toBe(scenariosBefore);
  });
});
