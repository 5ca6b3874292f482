import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import { moduleWorker } from '../io/thread.js';
import { highsEngine } from './lp/highs.js';
import type { LpResult, LpSolveOptions, SparseLp } from './lp/sparse.js';
import type { MipReply } from './mip-worker.js';

/** Models smaller than this many columns are solved in this thread: starting a worker costs more. */
const IN_PROCESS_COLUMNS = 4_000;
/** HiGHS may overshoot its time limit (docs ENGINES.md): a worker this long past it is terminated. */
const GRACE_S = 5;
/** The least time limit a deadline leaves a model: enough to load it and check its start. */
const MIN_LIMIT_S = 1;

/** A deadline turned into the time left now (at least MIN_LIMIT_S, so a late model still returns its start). */
export function withDeadline(opts: LpSolveOptions): LpSolveOptions {
  if (opts.deadlineMs === undefined) return opts;
  const { deadlineMs, ...rest } = opts;
  const left = (deadlineMs - performance.now()) / 1000;
  return { ...rest, timeLimitS: Math.max(MIN_LIMIT_S, Math.min(rest.timeLimitS ?? Infinity, left)) };
}

/**
 * A MIP that failed after searching a while is solved once more in this share of the time it lasted: its
 * tree can outgrow HiGHS's 2 GiB WebAssembly heap (city seed 12 at `--time-limit 300` lost its MIP, and
 * with it the bound, after 60 s).
 */
const RETRY_SHARE = 0.7;

/** A failed MIP is not solved again in less time than this. */
const RETRY_MIN_SECONDS = 5;

/**
 * `solve`, and once more in less time when it failed, if the time it had left (to `opts.deadlineMs`, else of
 * `opts.timeLimitS`) allows at least `minSeconds`.
 */
export async function solveOnceMore(
  solve: (lp: SparseLp, opts: LpSolveOptions) => Promise<LpResult>,
  lp: SparseLp,
  opts: LpSolveOptions,
  minSeconds = RETRY_MIN_SECONDS,
): Promise<LpResult> {
  const first = await solve(lp, opts);
  if (first.status !== 'error') return first;
  const left = opts.deadlineMs !== undefined ? (opts.deadlineMs - performance.now()) / 1000 : (opts.timeLimitS ?? Infinity) - first.seconds;
  const retryS = Math.min(RETRY_SHARE * first.seconds, left);
  if (!(retryS >= minSeconds)) return first;
  const { deadlineMs: _, ...rest } = opts;
  return solve(lp, { ...rest, timeLimitS: retryS });
}

/**
 * HiGHS models solved in worker threads, at most `size` at once (HiGHS is single-threaded, so one per
 * core). A model past its time limit plus a grace is stopped by terminating its thread; `close()`
 * terminates every thread, and so does the end of the thread that owns the pool.
 */
export class MipPool {
  private readonly idle: Worker[] = [];
  private readonly all = new Set<Worker>();
  private readonly waiting: (() => void)[] = [];
  private busy = 0;
  private nextId = 1;
  private closed = false;

  constructor(readonly size = Math.max(1, Math.min(2, availableParallelism()))) {}

  async solve(lp: SparseLp, opts: LpSolveOptions = {}): Promise<LpResult> {
    if (lp.numCols < IN_PROCESS_COLUMNS || this.size === 0) return highsEngine.solve(lp, withDeadline(opts));
    if (this.closed) throw new Error('the MIP pool is closed');
    while (this.busy >= this.size) await new Promise<void>((resolve) => this.waiting.push(resolve));
    opts = withDeadline(opts);
    this.busy++;
    const worker = this.idle.pop() ?? this.start();
    try {
      return await this.run(worker, lp, opts);
    } finally {
      this.busy--;
      if (this.all.has(worker) && !this.closed) this.idle.push(worker);
      this.waiting.shift()?.();
    }
  }

  private run(worker: Worker, lp: SparseLp, opts: LpSolveOptions): Promise<LpResult> {
    const id = this.nextId++;
    const started = performance.now();
    return new Promise<LpResult>((resolve) => {
      const finish = (r: LpResult) => {
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('exit', onExit);
        resolve(r);
      };
      const failed = (message: string): LpResult => ({ status: 'error', objective: NaN, x: new Float64Array(lp.numCols), seconds: (performance.now() - started) / 1000, message });
      const onMessage = (m: MipReply) => {
        if (m.id !== id) return;
        finish(m.ok ? m.result : failed(m.message));
      };
      const onExit = (code: number) => {
        this.all.delete(worker);
        finish(failed(`the MIP worker stopped (exit code ${code})`));
      };
      const timer =
        opts.timeLimitS !== undefined
          ? setTimeout(() => {
              this.all.delete(worker);
              void worker.terminate();
              finish({ status: 'time-limit', objective: NaN, x: new Float64Array(lp.numCols), seconds: (performance.now() - started) / 1000, message: 'terminated past its time limit' });
            }, (opts.timeLimitS + GRACE_S) * 1000)
          : undefined;
      worker.on('message', onMessage);
      worker.on('exit', onExit);
      worker.postMessage({ id, lp, opts });
    });
  }

  private start(): Worker {
    const worker = moduleWorker(import.meta.url, 'mip-worker');
    worker.unref();
    worker.on('error', () => this.all.delete(worker));
    this.all.add(worker);
    return worker;
  }

  async close(): Promise<void> {
    this.closed = true;
    const workers = [...this.all];
    this.all.clear();
    this.idle.length = 0;
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
