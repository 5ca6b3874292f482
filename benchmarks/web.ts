/**
 * The plan on the map at province scale, in Debian's headless Chromium (`npm run bench:web`).
 *
 * Starts the service in-process on a fresh SQLite store, stores the generated province
 * (`generateScenario({ preset: 'province', seed: 1 })`, ~26,500 villages) and its optimal plan, then opens
 * `#/scenarios/<id>` cold (a new browser context per sample) and measures:
 *
 * - interactive: from navigation start to the later of the app's `ovola:map-drawn` (every village drawn on
 *   the canvas) and `ovola:table-filled` (the first page of the table rendered) marks;
 * - filter: from setting a filter (town, county, lawyer, text, clearing) to the next frame, in the page;
 * - select: from clicking a village in the table to the next frame (row marked, ring and line drawn,
 *   explanation panel open and its request sent).
 *
 * Prints a table and writes benchmarks/results/<date>-web.json. Flags: --samples N (default 3 loads, 9 filters/selections).
 */
import { spawnSync } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type Page } from 'playwright-core';
import { parseScenario } from '../src/domain/index.js';
import { summarize } from '../src/domain/summary.js';
import { generateScenario } from '../src/gen/index.js';
import { buildApp } from '../src/http/app.js';
import { hashKey } from '../src/http/auth.js';
import { solve } from '../src/solver/solve.js';
import { createStore } from '../src/store/index.js';

const ROOT = join(import.meta.dirname, '..');
const CHROMIUM = process.env.OVOLA_CHROMIUM ?? '/usr/bin/chromium';
const { values: flags } = parseArgs({ options: { samples: { type: 'string', default: '3' } } });
const LOADS = Number(flags.samples);
const REPEATS = LOADS * 3;

/** dist/web is rebuilt when any file under web/ (or src/) is newer than its index.html. */
function ensureWebBuilt(): void {
  const index = join(ROOT, 'dist', 'web', 'index.html');
  const newest = (d: string): number =>
    Math.max(0, ...readdirSync(d, { withFileTypes: true }).map((e) => (e.isDirectory() ? newest(join(d, e.name)) : statSync(join(d, e.name)).mtimeMs)));
  if (existsSync(index) && statSync(index).mtimeMs >= Math.max(newest(join(ROOT, 'web')), newest(join(ROOT, 'src')))) return;
  process.stderr.write('building (npm run build) …\n');
  const build = spawnSync('npm', ['run', 'build'], { cwd: ROOT, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`npm run build failed:\n${build.stdout}${build.stderr}`);
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const round = (x: number) => Math.round(x * 10) / 10;

/** In the page: run `act`, then wait for the frame it causes (rAF, then a task after the paint). */
async function timed(page: Page, act: string, arg: unknown): Promise<number> {
  return page.evaluate<number>(`(async (a) => {
      const t0 = performance.now();
      ${act}
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      return performance.now() - t0;
    })(${JSON.stringify(arg)})`);
}

const optionValues = (page: Page, name: string) =>
  page.evaluate<string[]>(`[...document.querySelectorAll('select[name="${name}"] option')].map((o) => o.value).filter(Boolean)`);

/** Resolves once the app has marked the villages drawn and the table filled (polled in the page: the CSP forbids eval). */
const DRAWN = `new Promise((resolve) => {
  const ready = () => performance.getEntriesByName('ovola:map-drawn').length > 0 && performance.getEntriesByName('ovola:table-filled').length > 0;
  const poll = () => (ready() ? resolve(true) : setTimeout(poll, 20));
  poll();
})`;
const SET_SELECT = `const s = document.querySelector('select[name="' + a[0] + '"]'); s.value = String(a[1]); s.dispatchEvent(new Event('change', { bubbles: true }));`;
const SET_TEXT = `const s = document.querySelector('input[name="q"]'); s.value = a; s.dispatchEvent(new Event('input', { bubbles: true }));`;
const CLICK_ROW = `document.querySelectorAll('.villages tbody tr button')[a].click();`;

async function main(): Promise<void> {
  if (!existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM} (apt-get install chromium, or set OVOLA_CHROMIUM)`);
  ensureWebBuilt();
  const tmp = mkdtempSync(join(os.tmpdir(), 'ovola-bench-web-'));
  const store = createStore({ sqlitePath: join(tmp, 'bench.db') });
  await store.migrate();
  const key = `ovk_bench_${randomBytes(12).toString('hex')}`;
  await store.insertApiKey({ id: 'k-bench', scope: 'admin', label: 'bench' }, hashKey(key));

  const t = performance.now();
  const scenario = parseScenario(generateScenario({ preset: 'province', seed: 1 }));
  const { summary, regions } = summarize(scenario);
  const rec = await store.insertScenario({ id: randomUUID(), parentId: null, name: scenario.name, summary, regions }, JSON.stringify(scenario));
  const plan = solve(scenario);
  await store.insertSolution({ id: randomUUID(), scenarioId: rec.id }, JSON.stringify(plan));
  const prepS = (performance.now() - t) / 1000;
  process.stderr.write(`province: ${scenario.villages.length} villages, ${scenario.lawyers.length} lawyers, generated and solved in ${prepS.toFixed(1)} s\n`);

  const app = await buildApp({ store, workers: 1, logger: false });
  const base = await app.listen({ port: 0, host: '127.0.0.1' });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--lang=zh-CN'],
  });
  const chromiumVersion = browser.version();
  const url = `${base}/#/scenarios/${rec.id}`;
  const loads: { interactiveMs: number; mapDrawnMs: number; tableFilledMs: number; bytes: number }[] = [];
  const filter: Record<string, number[]> = { town: [], county: [], lawyer: [], text: [], clear: [] };
  const select: number[] = [];
  try {
    for (let s = 0; s < LOADS; s++) {
      const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 860 }, deviceScaleFactor: 1 });
      await context.addInitScript(`sessionStorage.setItem('ovola.key', ${JSON.stringify(key)})`);
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(url);
      await page.evaluate(DRAWN);
      const [map, table] = await page.evaluate<number[]>(`['ovola:map-drawn', 'ovola:table-filled'].map((n) => performance.getEntriesByName(n)[0].startTime)`);
      if (errors.length) throw new Error(errors.join('\n'));
      const bytes = await page.evaluate<number>(`performance.getEntriesByType('resource').reduce((n, r) => n + r.encodedBodySize, 0)`);
      if (s === 0) process.stderr.write(`${await page.evaluate<string>(`performance.getEntriesByType('mark').filter((m) => m.name.startsWith('ovola:')).map((m) => m.name + ' ' + Math.round(m.startTime)).join('\\n')`)}\n`);
      loads.push({ interactiveMs: round(Math.max(map, table)), mapDrawnMs: round(map), tableFilledMs: round(table), bytes });

      if (s === 0) {
        // warm-up, then each filter several times, each from the unfiltered plan
        // warm-up; then, from the whole province: a county, a town and a lawyer in it, back to the province; a text search
        const counties = await optionValues(page, 'county');
        await timed(page, SET_SELECT, ['county', counties[0]]);
        await timed(page, SET_SELECT, ['county', '']);
        for (let k = 0; k < REPEATS; k++) {
          filter.county.push(await timed(page, SET_SELECT, ['county', counties[(k * 7) % counties.length]]));
          const towns = await optionValues(page, 'town');
          filter.town.push(await timed(page, SET_SELECT, ['town', towns[(k * 3) % towns.length]]));
          await timed(page, SET_SELECT, ['town', '']);
          const lawyers = await optionValues(page, 'lawyer');
          filter.lawyer.push(await timed(page, SET_SELECT, ['lawyer', lawyers[(k * 5) % lawyers.length]]));
          await timed(page, SET_SELECT, ['lawyer', '']);
          filter.clear.push(await timed(page, SET_SELECT, ['county', '']));
          filter.text.push(await timed(page, SET_TEXT, ['大', '新', '村', '社区', '东'][k % 5]));
          await timed(page, SET_TEXT, '');
        }
        for (let k = 0; k < REPEATS; k++) select.push(await timed(page, CLICK_ROW, (k * 7) % 50));
        await page.locator('.explain .summary').first().waitFor({ timeout: 30_000 });
      }
      await context.close();
    }
  } finally {
    await browser.close();
    await app.close();
    rmSync(tmp, { recursive: true, force: true });
  }

  const rows = [
    { what: 'interactive (points drawn + table filled)', medianMs: median(loads.map((l) => l.interactiveMs)), samples: loads.map((l) => l.interactiveMs), target: 3000 },
    { what: '  of which map drawn', medianMs: median(loads.map((l) => l.mapDrawnMs)), samples: loads.map((l) => l.mapDrawnMs) },
    { what: '  of which table filled', medianMs: median(loads.map((l) => l.tableFilledMs)), samples: loads.map((l) => l.tableFilledMs) },
    ...Object.entries(filter).map(([k, v]) => ({ what: `filter: ${k === 'clear' ? 'clear (back to the province)' : k}`, medianMs: round(median(v)), samples: v.map(round), target: 100 })),
    { what: 'select a village (table click)', medianMs: round(median(select)), samples: select.map(round), target: 100 },
  ];
  console.log(`\nplan on the map, ${scenario.villages.length} villages, Chromium headless 1280×860 (${os.cpus().length} cores, load average ${os.loadavg().map(round).join(' ')})\n`);
  console.log('| measure | median ms | max ms | target |');
  console.log('|---|---:|---:|---:|');
  for (const r of rows) console.log(`| ${r.what} | ${r.medianMs} | ${round(Math.max(...r.samples))} | ${r.target ? `< ${r.target}` : ''} |`);
  const date = new Date().toISOString().slice(0, 10);
  mkdirSync(join(ROOT, 'benchmarks', 'results'), { recursive: true });
  const file = join(ROOT, 'benchmarks', 'results', `${date}-web.json`);
  writeFileSync(
    file,
    `${JSON.stringify(
      {
        machine: { date, node: process.version, loadAverage: os.loadavg().map(round), cpu: os.cpus()[0]?.model, cores: os.cpus().length, chromium: chromiumVersion },
        scenario: { preset: 'province', seed: 1, villages: scenario.villages.length, lawyers: scenario.lawyers.length, firms: scenario.firms.length },
        transferredBytes: loads[0]?.bytes,
        loads,
        rows,
      },
      null,
      2,
    )}\n`,
  );
  console.log(`\nwrote ${file}`);
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
