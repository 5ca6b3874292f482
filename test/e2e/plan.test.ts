/**
 * The plan on the map in Chromium: a county clerk opens a generated county's scenario, solves it and
 * watches the progress, sees the villages on the map, narrows to one town, and asks why a village has
 * its adviser. Any console error or unexpected failed request fails; axe must find nothing serious.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/domain/index.js';
import { summarize } from '../../src/domain/summary.js';
import { generateScenario } from '../../src/gen/index.js';
import { buildApp, type App } from '../../src/http/app.js';
import { hashKey } from '../../src/http/auth.js';
import { webRoot } from '../../src/http/routes/web.js';
import type { Store } from '../../src/store/types.js';
import { testStore } from '../fixtures/store.js';
import { hasChromium, launch, newPage, screenshot, seriousViolations, signIn } from './browser.js';

const built = existsSync(join(webRoot(), 'index.html'));
/** Resolves once the app has marked the villages drawn and the table filled (polled in the page: the CSP forbids eval). */
const DRAWN = `new Promise((resolve) => {
  const ready = () => performance.getEntriesByName('ovola:map-drawn').length > 0 && performance.getEntriesByName('ovola:table-filled').length > 0;
  const poll = () => (ready() ? resolve(true) : setTimeout(poll, 20));
  poll();
})`;
const KEY = 'ovk_test_plan_county_0123456789abcdef';

describe.skipIf(!hasChromium || !built)('the plan on the map in Chromium', () => {
  let app: App;
  let store: Store;
  let drop: () => Promise<void>;
  let browser: Browser;
  let base: string;
  const scenario = parseScenario(generateScenario({ preset: 'county', seed: 1 }));
  const county = scenario.regions.find((r) => r.level === 'county')!;

  beforeAll(async () => {
    ({ store, drop } = await testStore('e2e-plan'));
    await store.insertApiKey({ id: 'k-plan', scope: `county:${county.id}`, label: `${county.name}司法局` }, hashKey(KEY));
    const { summary, regions } = summarize(scenario);
    await store.insertScenario({ id: 'plan-e2e', parentId: null, name: scenario.name, summary, regions }, JSON.stringify(scenario));
    app = await buildApp({ store, workers: 1, logger: false });
    base = await app.listen({ port: 0, host: '127.0.0.1' });
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await drop?.();
  });

  it('solve with progress, the villages on the map, filter by town, a village explained', async () => {
    const { context, page, watch } = await newPage(browser);
    await signIn(page, base, KEY);
    await page.getByRole('link', { name: scenario.name }).click();
    await page.getByText('此情景还没有方案').waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByLabel('方式').selectOption('optimal');
    await page.getByRole('button', { name: '求解', exact: true }).click();
    const status = page.getByRole('status');
    await status.waitFor();
    await expect.poll(() => status.textContent(), { timeout: 60_000 }).toContain('已完成 100%');

    // the map: every village drawn on the canvas, the table filled
    await page.evaluate(DRAWN);
    const painted = await page.evaluate<number>(`(() => {
      const c = document.querySelector('canvas.village-canvas');
      const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
      let n = 0;
      for (let i = 3; i < d.length; i += 4) if (d[i] > 0) n++;
      return n;
    })()`);
    expect(painted).toBeGreaterThan(500);
    expect(await page.locator('.villages tbody tr').count()).toBe(50);
    expect(await page.locator('.pager').textContent()).toContain(`共 ${scenario.villages.length.toLocaleString('zh-CN')} 个`);
    expect(await seriousViolations(page)).toEqual([]);

    // one town
    const town = scenario.regions.find((r) => r.level === 'town' && scenario.villages.some((v) => v.townId === r.id))!;
    const inTown = scenario.villages.filter((v) => v.townId === town.id);
    await page.getByLabel('镇(街)').selectOption({ label: town.name });
    await expect.poll(() => page.locator('.pager').textContent()).toContain(`共 ${inTown.length} 个`);
    const towns = await page.locator('.villages tbody tr td:nth-child(2)').allTextContents();
    expect(new Set(towns)).toEqual(new Set([town.name]));

    // a village: its explanation
    const first = page.locator('.villages tbody tr button').first();
    const name = await first.textContent();
    await first.click();
    const panel = page.getByRole('complementary', { name: new RegExp(name!) });
    await panel.locator('.summary').waitFor();
    expect(await panel.textContent()).toMatch(/顾问|未覆盖/);
    expect(await panel.locator('tbody tr').count()).toBeGreaterThan(0);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'plan-map');

    // a village chosen on the map opens its explanation too
    await page.getByLabel('镇(街)').selectOption({ label: '全部' });
    const box = (await page.locator('.map').boundingBox())!;
    const hit = await page.evaluate<{ x: number; y: number } | null>(`(() => {
      const c = document.querySelector('canvas.village-canvas');
      const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
      for (let y = 60; y < c.height - 60; y += 3)
        for (let x = 60; x < c.width - 60; x += 3) if (d[(y * c.width + x) * 4 + 3] === 255) return { x, y };
      return null;
    })()`);
    expect(hit).not.toBeNull();
    await page.mouse.click(box.x + hit!.x + 1, box.y + hit!.y + 1);
    await page.locator('.explain .summary').waitFor();

    // from the plan on: re-plan with the selected village's adviser chosen, and the year's calendar built
    const replan = page.getByRole('link', { name: '所选村的顾问变动,重新安排…' });
    const href = (await replan.getAttribute('href'))!;
    expect(href).toMatch(/^#\/solutions\/[^/]+\/replan\/[^/]+$/);
    await replan.click();
    const chosen = page.getByLabel('变动的律师');
    await expect.poll(() => chosen.inputValue()).not.toBe('');
    expect(href.endsWith(`/${encodeURIComponent(await chosen.inputValue())}`)).toBe(true);
    await page.goBack();
    await page.getByRole('button', { name: /生成 \d{4} 年日历/ }).click();
    await page.getByRole('heading', { name: /走访日历 \d{4} 年/ }).waitFor({ timeout: 120_000 });
    expect(watch.problems).toEqual([]);
    await context.close();
  });

  it('on a phone: the map above, the table below', async () => {
    const { context, page, watch } = await newPage(browser, { mobile: true });
    await signIn(page, base, KEY);
    await page.getByRole('link', { name: scenario.name }).click();
    await page.locator('.villages tbody tr').first().waitFor();
    const map = (await page.locator('.map').boundingBox())!;
    const table = (await page.locator('.villages').boundingBox())!;
    expect(table.y).toBeGreaterThan(map.y + map.height - 1);
    expect(map.width).toBeLessThanOrEqual(390);
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'plan-map-phone');
    expect(watch.problems).toEqual([]);
    await context.close();
  });
});
