/**
 * `npm run bench`: the individual-mode assignment on each generated preset (seed 1), measured as a user
 * meets it and against the npm LP engines on the very same model.
 *
 *   - ovola's CLI end to end (`node dist/cli/ovola.js solve`), wall clock and peak RSS, median of samples;
 *   - `solve()` in this process (candidates, flow, pricing, report) and its `metrics.solveMs`;
 *   - the objective, against the greedy nearest-with-room plan (benchmarks/greedy.ts);
 *   - HiGHS (structured API) on `transportLp(flow.problem())`: build + solve time and objective;
 *   - javascript-lp-solver on county and city only, in a child process under a time and memory limit.
 *
 * Flags: --presets county,city  --quick (one sample, shorter jsLP limit)  --samples n  --seed n
 *        --jslp-timeout s  --jslp-mem-gb n  --no-jslp  --no-readme  --no-service (skip benchmarks/service.ts at the end)
 *        --no-calendar (skip benchmarks/calendar.ts)
 * Writes benchmarks/results/<date>-assign.json and refreshes the table in benchmarks/README.md.
 */
import { ensureBuilt } from '../scripts/dist.js';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { parseScenario } from '../src/domain/index.js';
import { generateScenario, PRESETS, type PresetName } from '../src/gen/index.js';
import { Geography } from '../src/geo/geography.js';
import { CostModel } from '../src/solver/costs.js';
import { solveIndividual } from '../src/solver/individual.js';
import { loadHighs, solveWithHighs } from '../src/solver/lp/highs.js';
import { transportLp } from '../src/solver/lp/model.js';
import { LpBuilder } from '../src/solver/lp/sparse.js';
import { objectiveOf, solve } from '../src/solver/solve.js';
import { greedyAssignment } from './greedy.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const CLI = join(ROOT, 'dist', 'cli', 'ovola.js');
const JSLP_PRESETS: PresetName[] = ['county', 'city'];
/** Objectives in cost units; the models are solved in thousandths, so equal optima agree far below this. */
const SAME = 1e-6;

const { values: flags } = parseArgs({
  options: {
    presets: { type: 'string', default: PRESETS.join(',') },
    quick: { type: 'boolean', default: false },
    samples: { type: 'string' },
    seed: { type: 'string', default: '1' },
    'jslp-timeout': { type: 'string' },
    'jslp-mem-gb': { type: 'string', default: '12' },
    'no-jslp': { type: 'boolean', default: false },
    'no-readme': { type: 'boolean', default: false },
    'no-service': { type: 'boolean', default: false },
    'no-calendar': { type: 'boolean', default: false },
  },
});
const presets = flags.presets.split(',').map((p) => p.trim()) as PresetName[];
for (const p of presets) if (!PRESETS.includes(p)) throw new Error(`--presets: unknown preset ${p}; expected some of ${PRESETS.join(', ')}`);
const samples = Number(flags.samples ?? (flags.quick ? 1 : 3));
const seed = Number(flags.seed);
const jslpTimeoutS = Number(flags['jslp-timeout'] ?? (flags.quick ? 30 : 120));
const jslpMemBytes = Number(flags['jslp-mem-gb']) * 2 ** 30;

interface JslpOutcome {
  outcome: 'solved' | 'timed out' | 'out of memory' | 'failed' | 'skipped';
  status?: string;
  objective?: number;
  seconds?: number;
  wallSeconds?: number;
  maxRssMb?: number;
  rows?: number;
  cols?: number;
  message?: string;
}

interface Row {
  preset: PresetName;
  villages: number;
  lawyers: number;
  modelArcs: number;
  adviserNodes: number;
  cli: { wallS: number[]; medianWallS: number; peakRssMb: number[]; medianPeakRssMb: number } | { error: string };
  inProcess: { wallS: number[]; medianWallS: number; solveMs: number[]; medianSolveMs: number; solveIndividualS: number };
  objective: number;
  bound: number;
  status: string;
  uncovered: number;
  greedy: { objective: number; uncovered: number; ratio: number };
  highs: { status: string; objective: number; buildS: number; solveS: number; totalS: number; matches: boolean; delta: number; ratioToOvola: number; rows: number; cols: number; message?: string };
  jslp: JslpOutcome & { matches?: boolean };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const round = (x: number, d = 3) => Math.round(x * 10 ** d) / 10 ** d;

const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

/** One CLI solve: wall seconds and peak RSS in MB (via /usr/bin/time -f %M, else an in-process wrapper). */
function runCli(scenarioFile: string, dir: string): { wallS: number; rssMb: number } {
  const out = join(dir, 'solution.json');
  const rssFile = join(dir, 'rss.txt');
  rmSync(rssFile, { force: true });
  const [cmd, args] = TIME
    ? [TIME, ['-f', '%M', '-o', rssFile, process.execPath, CLI, 'solve', scenarioFile, '--out', out, '--quiet']]
    : [process.execPath, [join(ROOT, 'benchmarks', 'rss-wrapper.mjs'), rssFile, CLI, 'solve', scenarioFile, '--out', out, '--quiet']];
  const started = performance.now();
  const r = spawnSync(cmd, args, { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8', timeout: 600_000 });
  const wallS = (performance.now() - started) / 1000;
  if (r.status !== 0) throw new Error(`ovola solve exited ${r.status ?? r.signal}: ${r.stderr.trim().slice(-500)}`);
  const kib = Number(readFileSync(rssFile, 'utf8').trim().split('\n').pop());
  return { wallS, rssMb: kib / 1024 };
}

/** javascript-lp-solver in a child process, killed at the wall-clock limit or when its RSS passes the memory limit. */
function runJslp(scenarioFile: string): Promise<JslpOutcome> {
  // Leave the machine some room: never let the child take more than what is free now, less 2 GB.
  const limit = Math.min(jslpMemBytes, os.freemem() - 2 * 2 ** 30);
  if (limit < 2 ** 30) return Promise.resolve({ outcome: 'skipped', message: `only ${(os.freemem() / 2 ** 30).toFixed(1)} GB free` });
  return new Promise((resolve) => {
    const started = performance.now();
    const child = spawn(process.execPath, ['--max-old-space-size=8192', '--import', 'tsx', join(ROOT, 'benchmarks', 'jslp-child.ts'), scenarioFile], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-4000)));
    let killed: 'timed out' | 'out of memory' | undefined;
    let peakRss = 0;
    const poll = setInterval(() => {
      try {
        const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
        const rss = m ? Number(m[1]) * 1024 : 0;
        peakRss = Math.max(peakRss, rss);
        if (rss > limit && !killed) {
          killed = 'out of memory';
          child.kill('SIGKILL');
        }
      } catch {
        // the process is gone, or /proc is not there
      }
    }, 200);
    const timer = setTimeout(() => {
      if (killed) return;
      killed = 'timed out';
      child.kill('SIGKILL');
    }, jslpTimeoutS * 1000);
    child.on('close', (code, signal) => {
      clearInterval(poll);
      clearTimeout(timer);
      const wallSeconds = round((performance.now() - started) / 1000, 2);
      const maxRssMb = Math.round(peakRss / 2 ** 20);
      if (killed === 'timed out') return resolve({ outcome: 'timed out', wallSeconds, maxRssMb, message: `killed after ${jslpTimeoutS} s` });
      if (killed === 'out of memory') return resolve({ outcome: 'out of memory', wallSeconds, maxRssMb, message: `killed at ${(limit / 2 ** 30).toFixed(1)} GB RSS` });
      if (code !== 0) {
        const oom = /heap out of memory|Array buffer allocation failed|Invalid typed array length|RangeError/i.test(stderr);
        return resolve({ outcome: oom ? 'out of memory' : 'failed', wallSeconds, maxRssMb, message: `exit ${code ?? signal}: ${stderr.trim().split('\n').slice(-3).join(' | ')}` });
      }
      try {
        const r = JSON.parse(stdout.trim().split('\n').pop()!) as JslpOutcome;
        resolve({ ...r, outcome: 'solved', wallSeconds, maxRssMb: Math.max(maxRssMb, r.maxRssMb ?? 0) });
      } catch {
        resolve({ outcome: 'failed', wallSeconds, message: `unreadable output: ${stdout.slice(-300)}` });
      }
    });
  });
}

/** The HiGHS runtime, loaded and warmed on a tiny LP so that one-time WebAssembly compilation is not timed. */
async function warmHighs() {
  const highs = await loadHighs();
  const b = new LpBuilder();
  const r = b.addRows(1, 1, 1);
  b.addCol(1, 0, 1, [r], [1]);
  b.addCol(2, 0, 1, [r], [1]);
  solveWithHighs(highs, b.build());
  return highs;
}

async function benchPreset(preset: PresetName, buildError: string | undefined): Promise<Row> {
  const dir = mkdtempSync(join(os.tmpdir(), `ovola-bench-${preset}-`));
  try {
    process.stderr.write(`[${preset}] generate (seed ${seed}) …\n`);
    const input = generateScenario({ preset, seed });
    const file = join(dir, 'scenario.json');
    writeFileSync(file, JSON.stringify(input));
    const scenario = parseScenario(input);

    // ovola's CLI, end to end: read, check, solve, report, write.
    let cli: Row['cli'];
    if (buildError !== undefined && !existsSync(CLI)) cli = { error: buildError };
    else {
      try {
        const runs = Array.from({ length: samples }, (_, i) => {
          process.stderr.write(`[${preset}] CLI sample ${i + 1}/${samples} …\n`);
          return runCli(file, dir);
        });
        const wallS = runs.map((r) => round(r.wallS));
        const peakRssMb = runs.map((r) => Math.round(r.rssMb));
        cli = { wallS, medianWallS: median(wallS), peakRssMb, medianPeakRssMb: median(peakRssMb) };
      } catch (err) {
        cli = { error: String(err) };
      }
    }

    // In this process: solve() as a library user calls it.
    process.stderr.write(`[${preset}] solve() in process ×${samples} …\n`);
    const wall: number[] = [];
    const solveMs: number[] = [];
    let solution = solve(scenario);
    for (let i = 0; i < samples; i++) {
      const t = performance.now();
      solution = solve(scenario);
      wall.push(round((performance.now() - t) / 1000));
      solveMs.push(solution.metrics.solveMs);
    }
    const geo = new Geography(scenario);
    const weights = scenario.policy.weights;
    const cm = new CostModel(geo, weights);
    const greedyPlan = greedyAssignment(geo);
    const greedyObjective = objectiveOf(geo, cm, greedyPlan);

    // HiGHS on the same model the flow solved (candidates, merged lawyers, priced pairs).
    process.stderr.write(`[${preset}] HiGHS …\n`);
    let t = performance.now();
    const individual = solveIndividual(geo, weights);
    const solveIndividualS = (performance.now() - t) / 1000;
    const problem = individual.flow.problem();
    let highs = await warmHighs();
    t = performance.now();
    const lp = transportLp(problem);
    const buildS = (performance.now() - t) / 1000;
    let h = solveWithHighs(highs, lp, { timeLimitS: 300 });
    let note: string | undefined;
    if (h.status === 'error' && /abort/i.test(h.message ?? '')) {
      // The 2 GiB WebAssembly heap ran out (in presolve, on the largest models): a fresh runtime, no presolve.
      note = `aborted with default options after ${h.seconds.toFixed(1)} s (2 GiB WebAssembly heap); time shown: presolve off`;
      process.stderr.write(`[${preset}] HiGHS aborted (${h.message}); again with presolve off …\n`);
      highs = await warmHighs();
      h = solveWithHighs(highs, lp, { timeLimitS: 300 }, { presolve: 'off' });
    }
    const highsObjective = h.objective / 1000;
    const highsTotal = buildS + h.seconds;
    const objective = solution.metrics.objective;
    const ovolaS = median(wall);

    let jslp: Row['jslp'] = { outcome: 'skipped' };
    if (!flags['no-jslp'] && JSLP_PRESETS.includes(preset)) {
      process.stderr.write(`[${preset}] javascript-lp-solver (child, ${jslpTimeoutS} s, ${flags['jslp-mem-gb']} GB) …\n`);
      jslp = await runJslp(file);
      if (jslp.outcome === 'solved' && jslp.objective !== undefined) jslp.matches = Math.abs(jslp.objective - objective) <= SAME;
    }

    return {
      preset,
      villages: scenario.villages.length,
      lawyers: scenario.lawyers.length,
      modelArcs: problem.head.length,
      adviserNodes: problem.nL,
      cli,
      inProcess: { wallS: wall, medianWallS: ovolaS, solveMs, medianSolveMs: median(solveMs), solveIndividualS: round(solveIndividualS) },
      objective,
      bound: solution.metrics.bound,
      status: solution.status,
      uncovered: solution.uncovered.length,
      greedy: { objective: round(greedyObjective), uncovered: greedyPlan.filter((l) => l < 0).length, ratio: round(objective / greedyObjective, 4) },
      highs: {
        status: h.status,
        objective: round(highsObjective, 6),
        buildS: round(buildS),
        solveS: round(h.seconds),
        totalS: round(highsTotal),
        matches: h.status === 'optimal' && Math.abs(highsObjective - objective) <= SAME,
        delta: highsObjective - objective,
        ratioToOvola: round(highsTotal / ovolaS, 2),
        rows: lp.numRows,
        cols: lp.numCols,
        ...(h.message || note ? { message: [note, h.message].filter(Boolean).join('; ') } : {}),
      },
      jslp,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function jslpCell(r: Row): string {
  const j = r.jslp;
  if (j.outcome === 'skipped') return j.message ? `skipped (${j.message})` : '—';
  if (j.outcome === 'solved') return `${j.seconds?.toFixed(1)} s, ${j.maxRssMb} MB, ${j.matches ? 'same objective' : `objective ${j.objective} (${j.status})`}`;
  return `${j.outcome} (${j.wallSeconds} s, ${j.maxRssMb} MB)`;
}

function table(rows: Row[]): string {
  const head = [
    'preset',
    'villages',
    'lawyers',
    'model arcs',
    'CLI wall s (median)',
    'CLI peak MB',
    'solve() s',
    'objective',
    '÷ greedy',
    'uncovered (greedy)',
    'HiGHS build+solve s',
    'HiGHS ÷ ovola',
    'HiGHS objective',
    'javascript-lp-solver',
  ];
  const lines = rows.map((r) => [
    r.preset,
    String(r.villages),
    String(r.lawyers),
    String(r.modelArcs),
    'error' in r.cli ? 'error' : r.cli.medianWallS.toFixed(2),
    'error' in r.cli ? '—' : String(r.cli.medianPeakRssMb),
    r.inProcess.medianWallS.toFixed(2),
    r.objective.toFixed(3),
    r.greedy.ratio.toFixed(4),
    `${r.uncovered} (${r.greedy.uncovered})`,
    `${r.highs.buildS.toFixed(2)}+${r.highs.solveS.toFixed(2)}`,
    `${r.highs.ratioToOvola.toFixed(1)}×`,
    (r.highs.status !== 'optimal' ? `${r.highs.status}` : r.highs.matches ? 'same' : `DIFFERS by ${r.highs.delta}`) + (r.highs.message ? ` (${r.highs.message})` : ''),
    jslpCell(r),
  ]);
  return [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...lines.map((l) => `| ${l.join(' | ')} |`)].join('\n');
}

function writeReadme(rows: Row[], facts: Record<string, unknown>, resultFile: string): void {
  const path = join(ROOT, 'benchmarks', 'README.md');
  const start = '<!-- bench:table:start -->';
  const end = '<!-- bench:table:end -->';
  const block = [
    start,
    `Measured ${facts.date} (seed ${seed}, ${samples} sample${samples === 1 ? '' : 's'}) on ${facts.cpu}, ${facts.cores} cores, Node ${facts.node}; raw figures in \`${resultFile}\`.`,
    '',
    table(rows),
    end,
  ].join('\n');
  const intro = `# Benchmarks

\`npm run bench\` solves each generated preset (seed 1) in individual mode and measures:

- **ovola's CLI end to end** (\`node dist/cli/ovola.js solve <file> --out <tmp> --quiet\`; \`dist/\` is rebuilt
  first when stale): wall clock and peak RSS (\`/usr/bin/time -f %M\`), median of the samples;
- **\`solve()\` in process** (candidates, min-cost flow, pricing, report), median wall clock;
- the **objective** and its ratio to a greedy nearest-with-room plan (\`greedy.ts\`; the same greedy bounds the
  objective in \`test/solver/properties.test.ts\`); "uncovered (greedy)" is ours, then the greedy's;
- **HiGHS** (npm \`highs\`, structured API, LP) on the very model the flow solved
  (\`transportLp(flow.problem())\`: the candidate pairs, merged lawyers and priced pairs): time to build the
  LP plus time to solve it, that time over ovola's \`solve()\` time, and whether its optimum equals ours;
- **javascript-lp-solver** on county and city only, in a child process with \`--max-old-space-size=8192\`,
  killed at a wall-clock limit (120 s) or when its RSS passes a memory limit (12 GB, less if less is free):
  it keeps a dense tableau and can take many GB.

Run:

    npm run bench                         # every preset, 3 samples (a few minutes)
    npm run bench -- --presets county,city --quick   # one sample, 30 s jsLP limit
    npm run bench -- --no-jslp --samples 5

Each run writes \`benchmarks/results/<date>-assign.json\` (with node version, CPU model, cores) and refreshes
the table below. The figures come from one run on a shared 2-core machine: read them as ratios and orders of
magnitude, not as absolute timings. HiGHS's time does not include finding the candidate pairs, which
ovola's does.

`;
  let text = existsSync(path) ? readFileSync(path, 'utf8') : intro + `${start}\n${end}\n`;
  if (!text.includes(start) || !text.includes(end)) text = `${text.trimEnd()}\n\n${start}\n${end}\n`;
  text = text.slice(0, text.indexOf(start)) + block + text.slice(text.indexOf(end) + end.length);
  writeFileSync(path, text);
}

async function main(): Promise<void> {
  const started = performance.now();
  let buildError: string | undefined;
  try {
    ensureBuilt((line) => process.stderr.write(`${line}\n`));
  } catch (err) {
    buildError = (err as Error).message.split('\n').slice(0, 6).join(' | ');
  }
  if (buildError) process.stderr.write(`warning: ${buildError}\n`);
  const rows: Row[] = [];
  for (const preset of presets) rows.push(await benchPreset(preset, buildError));
  const now = new Date();
  const date = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
  const facts = {
    date,
    node: process.version,
    cpu: os.cpus()[0]?.model ?? 'unknown',
    cores: os.cpus().length,
    memoryGb: round(os.totalmem() / 2 ** 30, 1),
    platform: `${os.platform()} ${os.release()}`,
  };
  const out = table(rows);
  process.stdout.write(`\n${out}\n\n`);
  const mismatches = rows.filter((r) => !r.highs.matches || (r.jslp.outcome === 'solved' && !r.jslp.matches));
  for (const r of mismatches) {
    process.stdout.write(`MISMATCH ${r.preset} seed ${seed}: ovola ${r.objective}, HiGHS ${r.highs.status} ${r.highs.objective}${r.jslp.outcome === 'solved' ? `, jsLP ${r.jslp.objective}` : ''}\n`);
  }
  const resultsDir = join(ROOT, 'benchmarks', 'results');
  mkdirSync(resultsDir, { recursive: true });
  const resultFile = join('benchmarks', 'results', `${date}-assign.json`);
  const options = { presets, samples, seed, quick: flags.quick, jslpTimeoutS, jslpMemGb: Number(flags['jslp-mem-gb']), timeProgram: TIME ?? 'rss-wrapper.mjs' };
  writeFileSync(join(ROOT, resultFile), `${JSON.stringify({ machine: facts, options, totalSeconds: round((performance.now() - started) / 1000, 1), rows }, null, 2)}\n`);
  if (!flags['no-readme']) writeReadme(rows, facts, resultFile);
  process.stdout.write(`wrote ${resultFile}${flags['no-readme'] ? '' : ' and benchmarks/README.md'} in ${((performance.now() - started) / 1000).toFixed(0)} s\n`);
  if (mismatches.length > 0) process.exitCode = 1;
  // Then a year's visit calendar for city and province (benchmarks/calendar.ts; alone: npm run bench:calendar).
  if (!flags['no-calendar']) {
    const calendar = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'benchmarks', 'calendar.ts'), ...(flags['no-readme'] ? ['--no-readme'] : [])], { cwd: ROOT, stdio: 'inherit' });
    if (calendar.status !== 0) process.exitCode = 1;
  }
  // Then the HTTP service under load (benchmarks/service.ts; alone: npm run bench:service).
  if (!flags['no-service']) {
    const service = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'benchmarks', 'service.ts'), ...(flags['no-readme'] ? ['--no-readme'] : [])], { cwd: ROOT, stdio: 'inherit' });
    if (service.status !== 0) process.exitCode = 1;
  }
}

await main();
