/**
 * `npm run bench:calendar` (also a step of `npm run bench`): a full year's visit calendar for the city and
 * province presets (seed 3), as a bureau meets it through the CLI.
 *
 *   - inputs: `ovola generate --preset <p> --seed 3`, then `ovola solve` (not timed here);
 *   - `ovola calendar <scenario> <solution> --year <y> --out …`: wall clock and peak RSS (/usr/bin/time, else
 *     benchmarks/rss-wrapper.mjs);
 *   - the calendar's visits, shortfalls by rule, and the independent validator's violations (must be 0),
 *     counted in this process with `validateCalendar`.
 *
 * Flags: --presets city,province  --seed n  --no-readme
 * Writes benchmarks/results/<date>-calendar.json and refreshes the table in benchmarks/README.md.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { CLI, ensureBuilt, ROOT } from '../scripts/dist.js';
import { parseCalendar, parseScenario, parseSolution } from '../src/domain/index.js';
import { validateCalendar } from '../src/validate/index.js';

const START = '<!-- bench:calendar:start -->';
const END = '<!-- bench:calendar:end -->';
/** The bar of issue 5: a province year in under a minute on the 2-core machine. */
const PROVINCE_TARGET_S = 60;
const CALENDAR_TEXT = `\`npm run bench:calendar\` (also a step of \`npm run bench\`) generates the city and province presets (seed 3),
solves them, and times \`ovola calendar <scenario> <solution> --year <year> --out …\` (wall clock and peak RSS of
the process, JSON written); the calendar then goes through the independent validator, which must report no
violation. Shortfalls are the rules the calendar itself declares it cannot meet, by village and month — in the
generated presets they come from lawyers whose \`monthlyHours\` are fewer than their villages need.`;
const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

const { values: flags } = parseArgs({
  options: {
    presets: { type: 'string', default: 'city,province' },
    seed: { type: 'string', default: '3' },
    'no-readme': { type: 'boolean', default: false },
  },
});

function run(args: string[], what: string): void {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8', timeout: 1_200_000 });
  if (r.status !== 0) throw new Error(`${what} exited ${r.status ?? r.signal}: ${r.stderr.trim().slice(-500)}`);
}

interface Row {
  preset: string;
  villages: number;
  lawyers: number;
  year: number;
  wallS: number;
  peakRssMb: number;
  visits: number;
  shortfalls: number;
  shortfallsByRule: Record<string, number>;
  villageMonthsShort: number;
  violations: number;
  validateS: number;
  provisional: boolean;
}

function measure(preset: string, seed: number, dir: string): Row {
  const scenarioFile = join(dir, `${preset}.json`);
  const solutionFile = join(dir, `${preset}-solution.json`);
  const calendarFile = join(dir, `${preset}-calendar.json`);
  process.stderr.write(`${preset}: generate and solve …\n`);
  run(['generate', '--preset', preset, '--seed', String(seed), '--out', scenarioFile], 'ovola generate');
  run(['solve', scenarioFile, '--out', solutionFile, '--quiet'], 'ovola solve');
  const scenario = parseScenario(JSON.parse(readFileSync(scenarioFile, 'utf8')));
  const solution = parseSolution(JSON.parse(readFileSync(solutionFile, 'utf8')));

  process.stderr.write(`${preset}: ovola calendar --year ${scenario.year} …\n`);
  const rssFile = join(dir, 'rss.txt');
  rmSync(rssFile, { force: true });
  const cli = [CLI, 'calendar', scenarioFile, solutionFile, '--year', String(scenario.year), '--out', calendarFile, '--quiet'];
  const [cmd, args] = TIME ? [TIME, ['-f', '%M', '-o', rssFile, process.execPath, ...cli]] : [process.execPath, [join(ROOT, 'benchmarks', 'rss-wrapper.mjs'), rssFile, ...cli]];
  const started = performance.now();
  const r = spawnSync(cmd, args, { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8', timeout: 1_200_000 });
  const wallS = (performance.now() - started) / 1000;
  if (r.status !== 0) throw new Error(`ovola calendar exited ${r.status ?? r.signal}: ${r.stderr.trim().slice(-500)}`);
  const peakRssMb = Number(readFileSync(rssFile, 'utf8').trim().split('\n').pop()) / 1024;

  process.stderr.write(`${preset}: validate …\n`);
  const calendar = parseCalendar(JSON.parse(readFileSync(calendarFile, 'utf8')));
  const t = performance.now();
  const violations = validateCalendar(scenario, solution, calendar);
  const validateS = (performance.now() - t) / 1000;
  for (const v of violations.slice(0, 5)) process.stderr.write(`  ${v.rule} ${v.message}\n`);
  const shortfallsByRule: Record<string, number> = {};
  for (const s of calendar.shortfalls) shortfallsByRule[s.rule] = (shortfallsByRule[s.rule] ?? 0) + 1;
  const short = new Set(calendar.shortfalls.map((s) => `${s.villageId} ${s.month}`));
  return {
    preset,
    villages: scenario.villages.length,
    lawyers: scenario.lawyers.length,
    year: scenario.year,
    wallS: Math.round(wallS * 100) / 100,
    peakRssMb: Math.round(peakRssMb),
    visits: calendar.visits.length,
    shortfalls: calendar.shortfalls.length,
    shortfallsByRule,
    villageMonthsShort: short.size,
    violations: violations.length,
    validateS: Math.round(validateS * 100) / 100,
    provisional: calendar.provisional,
  };
}

function table(rows: Row[]): string {
  const cpu = os.cpus();
  const date = new Date().toISOString().slice(0, 10);
  const lines = [
    `Measured ${date} on ${cpu[0]?.model ?? 'unknown CPU'}, ${cpu.length} cores, Node ${process.version}; seed ${flags.seed}; raw figures in \`benchmarks/results/${date}-calendar.json\`.`,
    '',
    '| preset | villages | lawyers | year | `ovola calendar` wall s | peak RSS MB | visits | shortfalls (by rule) | validator violations | validate s |',
    '|---|---|---|---|---|---|---|---|---|---|',
    ...rows.map(
      (r) =>
        `| ${r.preset} | ${r.villages} | ${r.lawyers} | ${r.year}${r.provisional ? ' (provisional)' : ''} | ${r.wallS} | ${r.peakRssMb} | ${r.visits} | ${r.shortfalls} (${
          Object.entries(r.shortfallsByRule)
            .sort()
            .map(([k, v]) => `${k} ${v}`)
            .join(', ') || 'none'
        }) | ${r.violations} | ${r.validateS} |`,
    ),
  ];
  const province = rows.find((r) => r.preset === 'province');
  if (province) {
    const ok = province.wallS < PROVINCE_TARGET_S && province.violations === 0;
    lines.push('', `**${ok ? 'PASS' : 'FAIL'}: province year in ${province.wallS} s (target < ${PROVINCE_TARGET_S} s) with ${province.violations} validator violations (target 0).**`);
  }
  return lines.join('\n');
}

ensureBuilt((l) => process.stderr.write(`${l}\n`));
const dir = mkdtempSync(join(os.tmpdir(), 'ovola-bench-calendar-'));
try {
  const rows = flags.presets.split(',').map((p) => measure(p.trim(), Number(flags.seed), dir));
  const text = table(rows);
  process.stdout.write(`${text}\n`);
  const results = join(ROOT, 'benchmarks', 'results');
  mkdirSync(results, { recursive: true });
  writeFileSync(join(results, `${new Date().toISOString().slice(0, 10)}-calendar.json`), `${JSON.stringify({ seed: Number(flags.seed), rows }, null, 2)}\n`);
  if (!flags['no-readme']) {
    const readme = join(ROOT, 'benchmarks', 'README.md');
    const old = readFileSync(readme, 'utf8');
    const block = `${START}\n${text}\n${END}`;
    const i = old.indexOf(START);
    const j = old.indexOf(END);
    writeFileSync(readme, i >= 0 && j > i ? old.slice(0, i) + block + old.slice(j + END.length) : `${old.trimEnd()}\n\n## Calendar (issue 5)\n\n${CALENDAR_TEXT}\n\n${block}\n`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
