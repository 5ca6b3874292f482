/**
 * Browser tests' harness: Debian's Chromium (`/usr/bin/chromium`, `apt-get install chromium`) through
 * playwright-core, never Playwright's own download; a page that fails its test on any console error
 * or failed request the test did not expect; axe-core's serious and critical findings.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM = process.env.OVOLA_CHROMIUM ?? '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM);
export const SCREENSHOTS = resolve(import.meta.dirname, '..', '..', 'docs', 'screenshots');

export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    // On a closed network Chromium stalls on its background services without these.
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--lang=zh-CN'],
  });
}

/** What went wrong on a page that the test did not say to expect. */
export interface Watch {
  problems: string[];
  /** answers with these statuses on URLs matching the pattern are part of the test (a refused upload, say) */
  expect(status: number, url: RegExp): void;
}

export async function newPage(browser: Browser, opts: { mobile?: boolean } = {}): Promise<{ context: BrowserContext; page: Page; watch: Watch }> {
  const context = await browser.newContext({
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: opts.mobile ? { width: 390, height: 844 } : { width: 1280, height: 860 },
    deviceScaleFactor: 1,
    isMobile: opts.mobile ?? false,
    hasTouch: opts.mobile ?? false,
  });
  const page = await context.newPage();
  const expected: { status: number; url: RegExp }[] = [];
  const problems: string[] = [];
  const isExpected = (status: number, url: string) => expected.some((e) => e.status === status && e.url.test(url));
  page.on('console', (msg) => {
    if (msg.type() !== 'error') return;
    // Chromium reports every 4xx as "Failed to load resource"; the response handler judges those.
    if (/Failed to load resource: the server responded with a status of \d+/.test(msg.text())) return;
    problems.push(`console: ${msg.text()}`);
  });
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  page.on('requestfailed', (req) => {
    // a download the page itself let go of (an object URL revoked) is no failure
    if (req.url().startsWith('blob:')) return;
    problems.push(`request failed: ${req.method()} ${req.url()} ${req.failure()?.errorText ?? ''}`);
  });
  page.on('response', (res) => {
    if (res.status() >= 400 && !isExpected(res.status(), res.url())) problems.push(`HTTP ${res.status()}: ${res.request().method()} ${res.url()}`);
  });
  return { context, page, watch: { problems, expect: (status, url) => expected.push({ status, url }) } };
}

const require = createRequire(import.meta.url);
const AXE = readFileSync(join(require.resolve('axe-core'), '..', 'axe.min.js'), 'utf8');

/** axe-core's serious and critical violations on the page as it is now (run in an isolated world, so the page's CSP holds). */
export async function seriousViolations(page: Page): Promise<string[]> {
  const session = await page.context().newCDPSession(page);
  try {
    const { executionContextId } = await createWorld(session);
    const { result } = await session.send('Runtime.evaluate', {
      expression: `${AXE}\n;axe.run(document, { resultTypes: ['violations'] }).then(r => JSON.stringify(r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical').map(v => v.id + ': ' + v.help + ' — ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', '))))`,
      contextId: executionContextId,
      awaitPromise: true,
      returnByValue: true,
    });
    return JSON.parse(result.value as string) as string[];
  } finally {
    await session.detach();
  }
}

async function createWorld(session: import('playwright-core').CDPSession): Promise<{ executionContextId: number }> {
  const { frameTree } = await session.send('Page.getFrameTree');
  return session.send('Page.createIsolatedWorld', { frameId: frameTree.frame.id, worldName: 'axe', grantUniveralAccess: true });
}

/** Opens the console and signs in with `key`, as a clerk would; resolves once the scenario list is shown. */
export async function signIn(page: Page, base: string, key: string): Promise<void> {
  await page.goto(`${base}/`);
  await page.getByLabel('API 密钥').fill(key);
  await page.getByRole('button', { name: '登录' }).click();
  await page.getByRole('heading', { name: '情景' }).waitFor();
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: false });
}
