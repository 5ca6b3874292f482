/**
 * `npx tsx benchmarks/pools.ts`: ovola's IO worker (src/io/offload.ts) against piscina and tinypool running
 * the same tasks (dist/io/tasks.js, through benchmarks/pool-task.mjs), all on the built code (`npm run
 * build` first when dist/ is stale), one thread each, two tasks at a time in it, as the service runs it:
 *
 *   - first task: a new pool, the time until its first `outline` task (a small scenario) answers, which is
 *     the worker's start and its import of tasks.js (median of REPS fresh pools, the pools taking turns; `xlsx` also for a first
 *     XLSX export, the heaviest import);
 *   - throughput: TASKS small `outline` tasks given at once, tasks per second on a started pool;
 *   - out of memory: a task whose parse needs more heap than a worker bound to 48 MB (the timings use the service's 1536 MB): how the task fails
 *     (the error code the HTTP layer maps to 413), whether the pool answers the next task, and after how long.
 *
 * Prints a table; writes benchmarks/results/<date>-pools[-$LABEL].json. POOLS=ovola,piscina,tinypool picks pools,
 * REPS and TASKS the repetitions (5) and the tasks of the throughput run (1000).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import { Tinypool } from 'tinypool';
import { ensureBuilt } from '../scripts/dist.js';
import { generateScenario } from '../src/gen/index.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const REPS = Number(process.env.REPS ?? 5);
const TASKS = Number(process.env.TASKS ?? 1000);
/** the service's bound (app.ts, workerHeapMb) for the timings; a small one for the out-of-memory test */
const HEAP_MB = 1536;
const OOM_HEAP_MB = 48;

ensureBuilt((l) => console.error(l));
// ovola's worker is unref'd (it never keeps the service alive): this keeps the benchmark's loop alive instead
const keepAlive = setInterval(() => {}, 1000);
const { IoWorker } = (await import(join(ROOT, 'dist/io/offload.js'))) as typeof import('../src/io/offload.js');
type IoTask = import('../src/io/tasks.js').IoTask;

interface Pool {
  run(task: IoTask, parts: (string | Uint8Array)[]): Promise<unknown>;
  close(): Promise<void>;
}

const HANDLER = join(ROOT, 'benchmarks', 'pool-task.mjs');
const POOLS = (process.env.POOLS ?? 'ovola,piscina,tinypool').split(',');

const pools: Record<string, (heapMb?: number) => Pool> = {
  ovola: (heapMb = HEAP_MB) => {
    const limits = { maxOldGenerationSizeMb: heapMb };
    const io = new IoWorker(2, { resourceLimits: limits });
    return {
      run: (task, parts) =>
        io.run(
          task,
          (async function* () {
            yield* parts;
          })(),
        ),
      close: () => io.close(),
    };
  },
  piscina: (heapMb = HEAP_MB) => {
    const limits = { maxOldGenerationSizeMb: heapMb };
    const p = new Piscina({ filename: HANDLER, minThreads: 1, maxThreads: 1, concurrentTasksPerWorker: 2, resourceLimits: limits });
    return { run: (task, parts) => p.run({ task, parts }), close: () => p.destroy() };
  },
  tinypool: (heapMb = HEAP_MB) => {
    const limits = { maxOldGenerationSizeMb: heapMb };
    const p = new Tinypool({ filename: HANDLER, minThreads: 1, maxThreads: 1, concurrentTasksPerWorker: 2, resourceLimits: limits });
    return { run: (task, parts) => p.run({ task, parts }), close: () => p.destroy() };
  },
};

const small = JSON.stringify(generateScenario({ preset: 'county', seed: 1 }));
const outline: IoTask = { op: 'outline' };
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const ms = (t0: bigint) => Number(process.hrtime.bigint() - t0) / 1e6;

async function firstTask(make: () => Pool, task: IoTask, parts: (string | Uint8Array)[]): Promise<number> {
  const t0 = process.hrtime.bigint();
  const pool = make();
  await pool.run(task, parts);
  const t = ms(t0);
  await pool.close();
  return t;
}

async function throughput(make: () => Pool): Promise<number> {
  const pool = make();
  // warmed up: the worker started, its code compiled and optimised
  await Promise.all(Array.from({ length: 200 }, () => pool.run(outline, [small])));
  const t0 = process.hrtime.bigint();
  await Promise.all(Array.from({ length: TASKS }, () => pool.run(outline, [small])));
  const s = ms(t0) / 1000;
  await pool.close();
  return TASKS / s;
}

/** ~2.5 M small objects: ~20 MB of JSON, far more than 48 MB of heap once parsed. */
function bomb(): Uint8Array {
  const body = `{"villages":[${Array.from({ length: 2_500_000 }, (_, i) => `{"i":${i}}`).join(',')}]}`;
  return Buffer.from(body, 'utf8');
}

async function outOfMemory(make: (heapMb?: number) => Pool): Promise<{ error: string; code: string | undefined; nextTaskOk: boolean; recoveryMs: number; failMs: number }> {
  const pool = make(OOM_HEAP_MB);
  await pool.run(outline, [small]);
  const scan = { depth: 64, text: 1e9, entries: 1e9, paths: {} };
  const t0 = process.hrtime.bigint();
  let error = 'none';
  let code: string | undefined;
  try {
    await pool.run({ op: 'check-scenario', scan } as IoTask, [bomb()]);
  } catch (err) {
    error = err instanceof Error ? err.message : String(err);
    code = (err as { code?: string }).code;
  }
  const failMs = ms(t0);
  const t1 = process.hrtime.bigint();
  let nextTaskOk = false;
  try {
    await pool.run(outline, [small]);
    nextTaskOk = true;
  } catch {
    // stays false
  }
  const recoveryMs = ms(t1);
  await pool.close();
  return { error: error.slice(0, 120), code, nextTaskOk, recoveryMs, failMs };
}

const xlsxTask = { op: 'export', format: 'xlsx', scenarioText: small, solutionText: JSON.stringify({ assignments: [], uncovered: [] }) } as unknown as IoTask;

// the pools take turns in every repetition, so a busy moment of a shared machine falls on all of them
const samples: Record<string, { first: number[]; firstXlsx: number[]; perSecond: number[] }> = {};
for (let r = 0; r < REPS; r++) {
  for (const [name, make] of Object.entries(pools).filter(([n]) => POOLS.includes(n))) {
    const s = (samples[name] ??= { first: [], firstXlsx: [], perSecond: [] });
    s.first.push(await firstTask(make, outline, [small]));
    s.firstXlsx.push(await firstTask(make, xlsxTask, []));
    s.perSecond.push(await throughput(make));
  }
  console.error(`repetition ${r + 1} of ${REPS} done`);
}
const rows: Record<string, unknown>[] = [];
for (const [name, make] of Object.entries(pools).filter(([n]) => POOLS.includes(n))) {
  const s = samples[name]!;
  const oom = await outOfMemory(make);
  rows.push({ pool: name, firstOutlineMs: +median(s.first).toFixed(0), firstXlsxMs: +median(s.firstXlsx).toFixed(0), tasksPerSecond: +median(s.perSecond).toFixed(0), oomCode: oom.code ?? '-', oomFailMs: +oom.failMs.toFixed(0), oomNextTaskOk: oom.nextTaskOk, oomRecoveryMs: +oom.recoveryMs.toFixed(0), oomError: oom.error });
}
console.table(rows.map(({ oomError: _, ...r }) => r));
for (const r of rows) console.log(`${r.pool as string}: ${r.oomError as string}`);

const out = join(ROOT, 'benchmarks', 'results', `${new Date().toISOString().slice(0, 10)}-pools${process.env.LABEL ? `-${process.env.LABEL}` : ''}.json`);
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, JSON.stringify({ at: new Date().toISOString(), node: process.version, reps: REPS, tasks: TASKS, heapMb: HEAP_MB, oomHeapMb: OOM_HEAP_MB, label: process.env.LABEL ?? '', rows }, null, 2) + '\n');
console.log(`wrote ${out}`);
clearInterval(keepAlive);
