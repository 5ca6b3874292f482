/** The first start: the sample county solved, published and planned, so the public look-up lists next visits. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCalendar, parseScenario, parseSolution } from '../../src/domain/index.js';
import { buildApp, type App } from '../../src/http/app.js';
import { loadSample, readConfig } from '../../src/http/server.js';
import type { Store } from '../../src/store/types.js';
import { validateCalendar, validateSolution } from '../../src/validate/index.js';
import { testStore } from '../fixtures/store.js';

const TODAY = '2026-11-26';
let store: Store;
let drop: () => Promise<void>;
let app: App;
const said: string[] = [];

beforeAll(async () => {
  ({ store, drop } = await testStore('sample'));
  await loadSample(store, readConfig({}).OVOLA_SAMPLE, (line) => said.push(line), TODAY);
  app = await buildApp({ store, adminKey: 'test-admin-key-sample-0123456789', today: () => TODAY });
}, 60_000);

afterAll(async () => {
  await app?.close();
  await drop?.();
});

describe('the sample data of a first start', () => {
  it('is solved, published and planned from this month to December, every document valid', async () => {
    const [scenarioRec] = (await store.listScenarios({ limit: 10 })).items;
    const scenario = parseScenario(JSON.parse((await store.getScenarioBody(scenarioRec.id))!));
    const publications = await store.listPublications();
    expect(publications).toHaveLength(scenario.villages.length);
    const published = { id: publications[0].solutionId };
    const solution = parseSolution(JSON.parse((await store.getSolutionBody(published.id))!));
    expect(validateSolution(scenario, solution)).toEqual([]);
    const [calRec] = await store.listCalendars(published.id);
    expect(calRec.months).toEqual(['2026-11', '2026-12']);
    const calendar = parseCalendar(JSON.parse((await store.getCalendarBody(calRec.id))!));
    expect(validateCalendar(scenario, solution, calendar)).toEqual([]);
    expect(said.join('\n')).toContain('2026-11–2026-12');
  });

  it('a second start leaves the store as it is', async () => {
    await loadSample(store, readConfig({}).OVOLA_SAMPLE, (line) => said.push(line), TODAY);
    expect((await store.listScenarios({ limit: 10 })).items).toHaveLength(1);
  });

  it("the public look-up lists a village's next on-site visits, from today on", async () => {
    const [published] = await store.listPublications();
    const solution = parseSolution(JSON.parse((await store.getSolutionBody(published.solutionId))!));
    const res = await app.inject({ url: `/v1/public/villages/${solution.assignments[0].villageId}` });
    expect(res.statusCode).toBe(200);
    // published as the sample county's bureau, and said so on the card
    expect(res.json()).toMatchObject({ publishedBy: '潮川县司法局', publishedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) });
    const visits = res.json().nextVisits as { date: string }[];
    expect(visits.length).toBeGreaterThan(0);
    for (const v of visits) expect(v.date >= TODAY && v.date <= '2026-12-31').toBe(true);
  });
});
