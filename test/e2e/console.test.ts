/**
 * The console and the villager page in Debian's Chromium, against a server listening on a fresh store:
 * what a county clerk and a villager see and do. Any console error or unexpected failed request fails.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { buildApp, type App } from '../../src/http/app.js';
import { scenarioWorkbook } from '../../src/io/workbook.js';
import { webRoot } from '../../src/http/routes/web.js';
import type { Store } from '../../src/store/types.js';
import { testStore } from '../fixtures/store.js';
import { keyText, storeKeys, storeSolved, tenancyScenario } from '../fixtures/tenancy.js';
import { hasChromium, launch, newPage, screenshot, seriousViolations, signIn } from './browser.js';

const built = existsSync(join(webRoot(), 'index.html'));

describe.skipIf(!hasChromium || !built)('the console in Chromium', () => {
  let app: App;
  let store: Store;
  let drop: () => Promise<void>;
  let browser: Browser;
  let base: string;
  let nextPlan: string;
  let ownPlan: string;

  beforeAll(async () => {
    ({ store, drop } = await testStore('e2e'));
    await storeKeys(store);
    app = await buildApp({ store, workers: 1, logger: false });
    // the county's own plan, published, and a plan of a county of another city
    const own = await storeSolved(store, tenancyScenario(['a1', 'a2'], { name: '东区 2026 年度' }));
    ownPlan = own.solutionId;
    await storeSolved(store, tenancyScenario(['c1'], { name: '南县 2026 年度' }));
    const res = await app.inject({ method: 'POST', url: `/v1/solutions/${own.solutionId}/publish`, headers: { authorization: `Bearer ${keyText('admin')}` }, payload: {} });
    expect(res.statusCode).toBe(200);
    // a new plan for the county's villages, not yet published
    nextPlan = (await storeSolved(store, tenancyScenario(['a1', 'a2', 'b1'], { name: '东区 新方案' }))).solutionId;
    base = await app.listen({ port: 0, host: '127.0.0.1' });
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await drop?.();
  });

  it('a wrong key is refused in words; a county key signs in and sees only its own region', async () => {
    const { context, page, watch } = await newPage(browser);
    watch.expect(401, /\/v1\/me$/);
    await page.goto(`${base}/`);
    await page.getByLabel('API 密钥').fill('ovk_wrong');
    await page.getByRole('button', { name: '登录' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('密钥无效');
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByLabel('API 密钥').fill(keyText('countyOwn'));
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByRole('heading', { name: '情景' }).waitFor();
    await page.getByRole('link', { name: '东区 2026 年度' }).waitFor();
    expect(await page.getByText('南县 2026 年度').count()).toBe(0);
    expect(await page.locator('header').textContent()).toContain('countyOwn bureau');
    expect(await seriousViolations(page)).toEqual([]);

    // the key lives in this tab's session: a reload keeps it, signing out forgets it
    await page.reload();
    await page.getByRole('link', { name: '东区 2026 年度' }).waitFor();
    await page.getByRole('button', { name: '退出' }).click();
    await page.getByLabel('API 密钥').waitFor();
    expect(await page.evaluate('sessionStorage.length')).toBe(0);
    expect(watch.problems).toEqual([]);
    await context.close();
  });

  it('an upload with mistakes lists every failing field; a good one joins the list', async () => {
    const { context, page, watch } = await newPage(browser);
    watch.expect(422, /\/v1\/scenarios$/);
    await signIn(page, base, keyText('countyOwn'));

    const bad = { ...tenancyScenario(['a1']), name: '有错的情景' } as Record<string, unknown>;
    bad.villages = [{ id: 'x1', name: '', townId: 'T1', kind: 'village', location: [200, 23] }];
    const badFile = join(tmpdir(), `ovola-e2e-bad-${process.pid}.json`);
    writeFileSync(badFile, JSON.stringify(bad));
    await page.getByLabel('上传情景(工作簿 .xlsx 或 JSON)').setInputFiles(badFile);
    await page.getByRole('button', { name: '上传', exact: true }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    const text = await alert.textContent();
    expect(text).toContain('villages[0].name');
    expect(text).toContain('villages[0].location');
    expect(await seriousViolations(page)).toEqual([]);

    const good = join(tmpdir(), `ovola-e2e-good-${process.pid}.json`);
    writeFileSync(good, JSON.stringify(tenancyScenario(['a2'], { name: '东区 补充' })));
    await page.getByLabel('上传情景(工作簿 .xlsx 或 JSON)').setInputFiles(good);
    await page.getByRole('button', { name: '上传', exact: true }).click();
    await page.getByRole('link', { name: '东区 补充' }).waitFor();
    expect(watch.problems).toEqual([]);
    await context.close();
  });

  it('a workbook upload: a bad cell is named by sheet, row and column; a good workbook becomes a scenario', async () => {
    const { context, page, watch } = await newPage(browser);
    watch.expect(422, /\/v1\/scenarios$/);
    await signIn(page, base, keyText('countyOwn'));

    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await scenarioWorkbook(tenancyScenario(['a1', 'a2'], { name: '工作簿 东区' }))) as unknown as ArrayBuffer);
    const lawyers = book.getWorksheet('律师')!;
    const column = (lawyers.getRow(1).values as unknown[]).findIndex((v) => v === '执业状态');
    lawyers.getRow(2).getCell(column).value = '退休';
    const badFile = join(tmpdir(), `ovola-e2e-bad-${process.pid}.xlsx`);
    await book.xlsx.writeFile(badFile);
    await page.getByLabel('上传情景(工作簿 .xlsx 或 JSON)').setInputFiles(badFile);
    await page.getByRole('button', { name: '上传', exact: true }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('律师 表第 2 行「执业状态」');

    const good = join(tmpdir(), `ovola-e2e-good-${process.pid}.xlsx`);
    writeFileSync(good, await scenarioWorkbook(tenancyScenario(['a1', 'a2'], { name: '工作簿 东区' })));
    await page.getByLabel('上传情景(工作簿 .xlsx 或 JSON)').setInputFiles(good);
    await page.getByRole('button', { name: '上传', exact: true }).click();
    await page.getByRole('link', { name: '工作簿 东区' }).waitFor();
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: '下载工作簿模板' }).click();
    expect((await download).suggestedFilename()).toMatch(/\.xlsx$/);
    expect(watch.problems).toEqual([]);
    await context.close();
  });

  it('publishing shows first which cards change and how, then publishes; the county prints its notice with QR codes', async () => {
    const { context, page, watch } = await newPage(browser);
    await signIn(page, base, keyText('countyOwn'));
    await page.goto(`${base}/#/solutions/${nextPlan}/publish`);
    await page.getByRole('heading', { name: '发布方案' }).waitFor();
    const figures = await page.locator('.figures').textContent();
    // a1 and a2 belong to this county; b1 to the neighbour, outside the key's reach
    expect(figures).toMatch(/发布后 2 个村\(社区\)显示本方案/);
    expect(figures).toContain('1 个不在本次发布范围内');
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: '确认发布' }).click();
    expect(await page.getByRole('status').textContent()).toContain('已发布:2 个村(社区)');

    await page.getByRole('link', { name: '公示打印' }).click();
    await page.getByRole('heading', { name: /东区 一村\(社区\)一法律顾问公示/ }).waitFor();
    await expect.poll(() => page.locator('img.qr').count()).toBe(2);
    expect(await page.locator('article.notice-page h2').allTextContents()).toEqual(['a1村 法律顾问公示', 'a2村 法律顾问公示']);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'notice');
    expect(watch.problems).toEqual([]);
    await context.close();
  });

  it('re-plan after a lawyer leaves: pick the lawyer, run with progress, land on the comparison, export it', async () => {
    const { context, page, watch } = await newPage(browser);
    await signIn(page, base, keyText('countyOwn'));
    await page.goto(`${base}/#/solutions/${ownPlan}/replan`);
    const lawyer = page.getByLabel('变动的律师');
    await lawyer.waitFor();
    // the busiest lawyer comes first; the county key's scope is its county, fixed
    const busiest = await lawyer.locator('option').nth(1).getAttribute('value');
    await lawyer.selectOption(busiest!);
    expect(await page.getByLabel('可调整的范围').isDisabled()).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: '开始重排' }).click();
    await page.getByRole('heading', { name: '方案比较' }).waitFor({ timeout: 60_000 });
    expect(await page.getByRole('status').textContent()).toMatch(/更换顾问 [1-9]\d* 个村/);
    const rows = page.locator('table.moved tbody tr');
    expect(await rows.count()).toBeGreaterThan(0);
    expect(await seriousViolations(page)).toEqual([]);
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: '导出 CSV' }).click();
    expect((await download).suggestedFilename()).toMatch(/^方案比较-.*\.csv$/);
    await screenshot(page, 'compare');
    expect(watch.problems).toEqual([]);
    await context.close();
  });

  it('the calendar: a month grid per lawyer and per village, with kinds, the May Day holidays and an .ics download', async () => {
    const admin = { authorization: `Bearer ${keyText('admin')}` };
    const job = (await app.inject({ method: 'POST', url: `/v1/solutions/${ownPlan}/calendars`, headers: admin, payload: { year: 2026, months: ['2026-05'] } })).json();
    let calendarId: string | undefined;
    for (let i = 0; i < 300 && !calendarId; i++) {
      const j = (await app.inject({ url: `/v1/jobs/${job.jobId}`, headers: admin })).json();
      if (j.status === 'failed') throw new Error(j.error);
      calendarId = j.calendarId;
      if (!calendarId) await new Promise((r) => setTimeout(r, 200));
    }
    const { context, page, watch } = await newPage(browser);
    await signIn(page, base, keyText('countyOwn'));
    await page.goto(`${base}/#/calendars/${calendarId}`);
    await page.getByRole('heading', { name: '走访日历 2026 年' }).waitFor();
    // 1–5 May are days off, 9 May a make-up working day
    expect(await page.locator('td.off').count()).toBe(5);
    expect(await page.locator('td.workday .tag').allTextContents()).toEqual(['班']);
    await expect.poll(() => page.locator('table.month .visit').count()).toBeGreaterThan(0);
    expect(await page.locator('table.month').textContent()).toContain('现场服务');
    // no visit falls on a day off
    expect(await page.locator('td.off .visit').count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'calendar');
    await page.getByLabel('查看').selectOption('village');
    await expect.poll(() => page.locator('table.month caption').textContent()).toMatch(/a[12]村/);
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: /下载 .ics/ }).click();
    expect((await download).suggestedFilename()).toMatch(/\.ics$/);
    expect(watch.problems).toEqual([]);
    await context.close();
  });

  it("the villager page on a phone: the adviser, a phone to tap, who to complain to; plain words when there is none", async () => {
    const { context, page, watch } = await newPage(browser, { mobile: true });
    watch.expect(404, /\/v\/440103999999$/);
    await page.goto(`${base}/v/a1`);
    await page.getByRole('heading', { name: 'a1村' }).waitFor();
    expect(await page.getByRole('link', { name: /拨打电话/ }).getAttribute('href')).toMatch(/^tel:/);
    expect(await page.textContent('body')).toContain('投诉邮箱');
    expect(await seriousViolations(page)).toEqual([]);
    // no script, and small: a slow phone loads one page
    expect(await page.locator('script').count()).toBe(0);
    const bytes = await page.evaluate<number>("performance.getEntriesByType('navigation')[0].transferSize");
    expect(bytes).toBeLessThan(8_000);
    await screenshot(page, 'villager-page');

    await page.goto(`${base}/v/440103999999`);
    expect(await page.getByRole('status').textContent()).toContain('暂未公布法律顾问');
    expect(watch.problems).toEqual([]);
    await context.close();
  });
});
