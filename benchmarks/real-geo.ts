/**
 * `npm run bench:real`: the solver on Guangdong's real divisions. Each city (and with --province the whole
 * province) becomes a scenario whose regions and villages are the real ones (codes, names, points; read from
 * --geo, never copied into the project) and whose firms and lawyers are made up by the generator's stages
 * (src/gen/real.ts). On each, through the functions the CLI's solve, validate and replan use:
 *
 *   a  individual mode, optimal; validated
 *   b  stable mode (deferred acceptance, villages proposing); validated
 *   c  (a) as last year's plan, ~3 % of its advisers gone: re-solved at the default change weight, against a
 *      clerk who keeps every surviving pair and gives each vacated village the nearest lawyer with room
 *   d  (a) as the baseline of its own scenario, change weight 0: how many villages move among equals
 *   e  every point in GCJ-02 with crs "gcj02": the same plan and km as (a)
 *   f  team mode (PRD cities) or firm-town mode (the others), as integer programs; validated
 *
 * Flags: --geo dir (default ../shared/geo from the repository root)  --cities 4401,4403 (--cities '' with
 *        --province: the province alone)  --seed n  --skip b,f  --province  --time-limit s (per case f solve,
 *        default 30)  --out file  --no-write
 * Prints a table on stdout, progress on stderr; writes benchmarks/results/<date>-real-geo.json (or --out).
 * Without the divisions it prints "skipped: no geography at …" and exits 0.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { parseScenario } from '../src/domain/index.js';
import { RealProvince } from '../src/gen/real.js';
import {
  caseBaseline,
  caseDeclaredCrs,
  caseMode,
  caseOptimal,
  caseStable,
  caseTies,
  hasGeography,
  modeByClass,
  readDivisions,
  type BaselineCase,
  type DeclaredCrsCase,
  type ModeCase,
  type OptimalCase,
  type StableCase,
  type TiesCase,
} from './real-geo-lib.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const CASES = ['a', 'b', 'c', 'd', 'e', 'f'] as const;
type CaseId = (typeof CASES)[number];

const { values: flags } = parseArgs({
  options: {
    geo: { type: 'string', default: join(ROOT, '..', 'shared', 'geo') },
    cities: { type: 'string' },
    seed: { type: 'string', default: '1' },
    skip: { type: 'string', default: '' },
    province: { type: 'boolean', default: false },
    'time-limit': { type: 'string', default: '30' },
    'no-write': { type: 'boolean', default: false },
    out: { type: 'string' },
  },
});

const geoDir = resolve(flags.geo);
if (!hasGeography(geoDir)) {
  console.log(`skipped: no geography at ${geoDir}`);
  process.exit(0);
}
const seed = Number(flags.seed);
if (!Number.isSafeInteger(seed)) throw new Error(`--seed: expected a whole number, got ${flags.seed}`);
const timeLimitS = Number(flags['time-limit']);
if (!(timeLimitS > 0)) throw new Error(`--time-limit: expected seconds > 0, got ${flags['time-limit']}`);
const skip = new Set(flags.skip.split(',').map((x) => x.trim()).filter(Boolean));
for (const x of skip) if (!CASES.includes(x as CaseId)) throw new Error(`--skip: unknown case ${x}; expected some of ${CASES.join(',')}`);
if (skip.has('a') && [...CASES].some((c) => c !== 'a' && !skip.has(c))) throw new Error('--skip a: cases b–e compare with (a); skip them too');

const log = (msg: string) => process.stderr.write(`[real-geo ${new Date().toISOString().slice(11, 19)}] ${msg}\n`);

log(`reading divisions from ${geoDir}`);
const divisions = readDivisions(geoDir);
const province = new RealProvince(divisions, { seed });
// --cities '' with --province: the province alone
const wanted = flags.cities !== undefined ? flags.cities.split(',').map((c) => c.trim()).filter(Boolean) : province.cityCodes;
for (const c of wanted) if (!province.cityCodes.includes(c)) throw new Error(`--cities: unknown city ${c}; expected some of ${province.cityCodes.join(',')}`);
log(`${divisions.length} cities, ${province.villages.length} villages, ${province.staffing.lawyers.length} lawyers in ${province.staffing.firms.length} firms (seed ${seed})`);

interface Row {
  code: string;
  name: string;
  cls: string;
  towns: number;
  firms: number;
  parseS: number;
  a?: OptimalCase;
  b?: StableCase;
  c?: BaselineCase;
  d?: TiesCase;
  e?: DeclaredCrsCase;
  f?: ModeCase;
}

/** Problems worth a reader's eye: violations, moves among equals, a declared CRS that changed anything. */
const problems: string[] = [];

async function runScenario(code: string | undefined): Promise<Row> {
  const city = province.cities.find((c) => c.id === code);
  const label = code === undefined ? '广东省' : `${code} ${city!.name}`;
  const input = province.scenario(code);
  const t0 = performance.now();
  const s = parseScenario(input);
  const row: Row = {
    code: code ?? '44',
    name: code === undefined ? '广东省' : city!.name,
    cls: code === undefined ? 'province' : city!.cls,
    towns: s.regions.filter((r) => r.level === 'town').length,
    firms: s.firms.length,
    parseS: Math.round(performance.now() - t0) / 1000,
  };
  const check = (id: CaseId, v: { violations: number; first: string[] }) => {
    if (v.violations > 0) problems.push(`${label} case ${id}: ${v.violations} violations, first: ${v.first.join(' | ')}`);
  };
  if (skip.has('a')) return row;
  log(`${label}: ${s.villages.length} villages, ${s.lawyers.length} lawyers — a (optimal)`);
  const { row: a, solution } = caseOptimal(s);
  row.a = a;
  check('a', a.validation);
  if (!skip.has('b')) {
    log(`${label}: b (stable)`);
    row.b = caseStable(s, solution);
    check('b', row.b.validation);
  }
  if (!skip.has('c')) {
    log(`${label}: c (last year's plan, ~3 % of advisers gone)`);
    row.c = await caseBaseline(s, solution, seed);
    check('c', row.c.validation);
  }
  if (!skip.has('d')) {
    log(`${label}: d (change weight 0)`);
    row.d = caseTies(s, solution);
    check('d', row.d.validation);
    if (row.d.moved > 0) problems.push(`${label} case d: ${row.d.moved} villages moved at change weight 0 (objective ${row.d.objective} vs ${row.d.objectiveA})`);
  }
  if (!skip.has('e')) {
    log(`${label}: e (GCJ-02 declared)`);
    row.e = caseDeclaredCrs(input, solution);
    check('e', row.e.validation);
    if (row.e.deltaKm > 0.01 || row.e.differing > 0) problems.push(`${label} case e: travel differs by ${row.e.deltaKm} km, ${row.e.differing} villages with another adviser`);
  }
  if (!skip.has('f')) {
    const mode = code === undefined ? modeByClass(input) : row.cls === 'prd' ? 'team' : 'firm-town';
    log(`${label}: f (${typeof mode === 'string' ? mode : 'team in PRD counties, firm-town elsewhere'}, time limit ${timeLimitS} s)`);
    row.f = await caseMode(input, mode, timeLimitS);
    check('f', row.f.validation);
  }
  log(`${label}: done`);
  return row;
}

const rows: Row[] = [];
for (const code of wanted) rows.push(await runScenario(code));
if (flags.province) rows.push(await runScenario(undefined));

const fmt = (x: number | undefined, d = 0) => (x === undefined ? '—' : x.toFixed(d));
const pct = (x: number | undefined) => (x === undefined ? '—' : `${(x * 100).toFixed(2)}%`);
const valid = (r: Row) => {
  const all = [r.a, r.b, r.c, r.d, r.e, r.f].filter((x) => x !== undefined).map((x) => x!.validation.violations);
  return all.length === 0 ? '—' : all.every((n) => n === 0) ? `ok ×${all.length}` : `${all.reduce((p, q) => p + q, 0)} violations`;
};
const header = [
  'city', 'class', 'villages', 'lawyers', 'a covered', 'a km', 'a gap', 'a s',
  'b uncov. covered by opt.', 'b km ÷ a',
  'c left', 'c vacated', 'c moved', 'c uncov.', 'c km', 'clerk moved', 'clerk uncov.', 'clerk km', 'clerk obj. ÷ c obj.',
  'd moved', 'e Δkm', 'e same plan', 'f mode', 'f status', 'f gap', 'f uncov.', 'f s', 'validator',
];
const lines = rows.map((r) => [
  `${r.code} ${r.name}`, r.cls, fmt(r.a?.villages), fmt(r.a?.lawyers), fmt(r.a?.covered), fmt(r.a?.travelKm, 1), pct(r.a?.gap), fmt(r.a?.solveS, 2),
  fmt(r.b?.uncoveredCoveredByOptimum), fmt(r.b?.travelRatio, 4),
  fmt(r.c?.left), fmt(r.c?.vacated), fmt(r.c?.vsBaseline), fmt(r.c?.uncovered), fmt(r.c?.travelKm, 1), fmt(r.c?.greedy.vsBaseline), fmt(r.c?.greedy.uncovered), fmt(r.c?.greedy.travelKm, 1),
  r.c ? (r.c.greedy.objective / r.c.objective).toFixed(4) : '—',
  fmt(r.d?.moved), fmt(r.e?.deltaKm, 6), r.e ? (r.e.differing === 0 ? 'yes' : `no (${r.e.differing})`) : '—',
  r.f ? (typeof r.f.mode === 'string' ? r.f.mode : 'by class') : '—', r.f?.status ?? '—', pct(r.f?.gap), fmt(r.f?.uncovered), fmt(r.f?.solveS, 1), valid(r),
]);
const table = [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`, ...lines.map((l) => `| ${l.join(' | ')} |`)].join('\n');

const date = new Date().toISOString().slice(0, 10);
const machine = { node: process.version, cpu: os.cpus()[0]?.model ?? 'unknown', cores: os.availableParallelism(), platform: `${os.platform()} ${os.arch()}` };
console.log(`Real Guangdong divisions (${geoDir}), seed ${seed}, ${date}; ${machine.cpu}, ${machine.cores} cores, Node ${machine.node}\n`);
console.log(table);
console.log(problems.length === 0 ? '\nno violations; no moves at change weight 0; declared GCJ-02 gave the same plans' : `\n${problems.length} problem(s):\n${problems.map((p) => `- ${p}`).join('\n')}`);

if (!flags['no-write']) {
  const dir = join(ROOT, 'benchmarks', 'results');
  mkdirSync(dir, { recursive: true });
  const file = flags.out !== undefined ? resolve(flags.out) : join(dir, `${date}-real-geo.json`);
  const doc = { date, machine, seed, geo: 'the ../shared/geo divisions (not stored here)', timeLimitS, skip: [...skip], rows, problems };
  writeFileSync(file, `${JSON.stringify(doc, null, 2)}\n`);
  log(`wrote ${file}`);
}
