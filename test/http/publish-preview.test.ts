import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../../src/http/app.js';
import type { Store } from '../../src/store/types.js';
import { testStore } from '../fixtures/store.js';
import { keyText, storeKeys, storeSolved, tenancyScenario, type KeyName } from '../fixtures/tenancy.js';

let app: App;
let store: Store;
let drop: () => Promise<void>;
const as = (key: KeyName) => ({ authorization: `Bearer ${keyText(key)}` });

beforeAll(async () => {
  ({ store, drop } = await testStore('preview'));
  await storeKeys(store);
  app = await buildApp({ store, workers: 1, defaultLanguage: 'en' });
});
afterAll(async () => {
  await app.close();
  await drop();
});

describe('GET /v1/solutions/:id/publish-preview', () => {
  it('lists exactly the cards a publish then changes, with the card in force beside the new one, and writes nothing', async () => {
    // the city publishes a plan of both its counties; then a new plan for the same villages is previewed by one county
    const first = await storeSolved(store, tenancyScenario(['a1', 'a2', 'b1']));
    expect((await app.inject({ method: 'POST', url: `/v1/solutions/${first.solutionId}/publish`, headers: as('cityOwn'), payload: {} })).statusCode).toBe(200);
    const before = (await app.inject({ url: '/v1/public/villages/a1' })).json();

    const next = await storeSolved(store, tenancyScenario(['a1', 'a2', 'b1', 'b2']));
    const res = await app.inject({ url: `/v1/solutions/${next.solutionId}/publish-preview`, headers: as('countyNeighbour') });
    expect(res.statusCode).toBe(200);
    const preview = res.json();
    // the neighbour county owns b1 and b2; a1 and a2 belong to the other county and are skipped
    expect(preview.published).toBe(2);
    expect(preview.skippedCount).toBe(2);
    expect(preview.skipped.map((s: { villageId: string }) => s.villageId).sort()).toEqual(['a1', 'a2']);
    expect(preview.changes.new).toBe(1);
    const b2 = preview.villages.find((v: { villageId: string }) => v.villageId === 'b2');
    expect(b2).toMatchObject({ name: 'b2村', town: '二镇', county: '西区', change: 'new', before: null });
    expect(b2.after.adviser).toMatch(/^律师L/);
    expect(preview.changes.new + preview.changes.changed).toBe(preview.villages.length);

    // nothing was written: the look-up, the ownership and the solution's published count are as they were
    expect((await app.inject({ url: '/v1/public/villages/b2' })).statusCode).toBe(404);
    expect((await app.inject({ url: '/v1/public/villages/a1' })).json()).toEqual(before);
    expect((await app.inject({ url: `/v1/solutions/${next.solutionId}`, headers: as('admin') })).json().publishedVillages).toBe(0);

    // and the publish that follows does what the preview said
    const done = (await app.inject({ method: 'POST', url: `/v1/solutions/${next.solutionId}/publish`, headers: as('countyNeighbour'), payload: {} })).json();
    expect(done.published).toBe(preview.published);
    expect(done.skipped.map((s: { villageId: string }) => s.villageId).sort()).toEqual(['a1', 'a2']);
    expect((await app.inject({ url: '/v1/public/villages/b2' })).json().adviser.name).toBe(b2.after.adviser);
  });

  it("is refused to a key outside the solution's region, like the publish itself", async () => {
    const s = await storeSolved(store, tenancyScenario(['a1']));
    const res = await app.inject({ url: `/v1/solutions/${s.solutionId}/publish-preview`, headers: as('countyFar') });
    expect([403, 404]).toContain(res.statusCode);
    expect(res.headers['content-type']).toContain('application/problem+json');
  });
});
