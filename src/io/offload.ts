import type { ResourceLimits, Worker } from 'node:worker_threads';
import { moduleWorker } from './thread.js';
import type { IoResult, IoTask } from './tasks.js';
import type { IoReply, IoRequest } from './worker.js';

/** Too many tasks are waiting for the worker already: try again later (503). */
export class IoBusyError extends Error {
  constructor(readonly waiting: number) {
    super(`the service is busy with ${waiting} documents already; try again shortly`);
    this.name = 'IoBusyError';
  }
}

export interface IoWorkerOptions {
  /** tasks that may wait for their turn (each may hold a document of megabytes); more are refused with IoBusyError */
  maxWaiting?: number;
  /** the worker's heap bound (see moduleWorker); a task that needs more fails with ERR_WORKER_OUT_OF_MEMORY */
  resourceLimits?: ResourceLimits;
}

interface Pending {
  resolve: (r: IoResult) => void;
  reject: (e: Error) => void;
}

/**
 * One worker thread for exports and imports, started on first use and kept: tasks go to it in turn,
 * at most `maxInFlight` at once (the rest wait here). If the thread dies, what it had fails and the next
 * task starts a new one.
 *
 * A task may come with `parts`: a large stored document (a calendar) read part by part from the store,
 * posted one message each before the task, so neither the reading nor the posting holds the event loop
 * for long; or a body's bytes in pieces (an upload, a sheet). The worker hands them to the task.
 *
 * Kept rather than piscina or tinypool (benchmarks/pools.ts, one thread, two tasks at a time, 2026-12-02 on
 * a shared 2-core machine): the first task of a new worker took 1.29 s here, 0.99 s with piscina, 1.37 s with
 * tinypool; small tasks ran at 1,215/s, 590/s, 1,237/s; a task past the heap bound failed the same way in all
 * three (ERR_WORKER_OUT_OF_MEMORY, answered 413) and the next task got a new worker. (Measured with tasks.ts
 * importing each op lazily; with its static imports, as now, a first task takes ~3.5 s: the lazy imports held
 * the service's loop up to 270 ms during a first upload under the tests' tsx, test/http/documents-responsive.) No measured gain, then,
 * and what the libraries do not do: a task there is one message, so its document would be read from the
 * store while it waits and posted whole (a province's holds the loop ~150 ms); here the parts are read and
 * posted one by one only when its turn comes, the task itself made after them (a re-plan counts them).
 */
export class IoWorker {
  private worker?: Worker;
  private readonly pending = new Map<number, Pending>();
  private readonly waiting: (() => void)[] = [];
  private inFlight = 0;
  private nextId = 1;
  private closed = false;

  constructor(
    private readonly maxInFlight = 2,
    private readonly options: IoWorkerOptions = {},
  ) {}

  /**
   * `task` may be made once its `parts` are sent, when it depends on them (how many there were).
   * `transfer`: buffers of the task moved to the worker, not copied (the caller must not use them after).
   */
  async run(task: IoTask | (() => IoTask), parts?: AsyncIterable<string | Uint8Array>, transfer: ArrayBuffer[] = []): Promise<IoResult> {
    if (this.closed) throw new Error('the io worker is closed');
    if (this.inFlight >= this.maxInFlight) {
      if (this.waiting.length >= (this.options.maxWaiting ?? Infinity)) throw new IoBusyError(this.waiting.length);
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    }
    this.inFlight++;
    try {
      const worker = this.start();
      const id = this.nextId++;
      const result = new Promise<IoResult>((resolve, reject) => this.pending.set(id, { resolve, reject }));
      result.catch(() => {}); // it may fail while the parts are still being read; it is awaited below
      try {
        if (parts) {
          for await (const part of parts) {
            if (!this.pending.has(id)) break; // the worker died meanwhile: `result` says why
            // a piece of bytes that is a buffer of its own is moved; anything else is copied
            const own = typeof part !== 'string' && part.byteOffset === 0 && part.byteLength === part.buffer.byteLength;
            worker.postMessage({ id, part } satisfies IoRequest, own ? [part.buffer as ArrayBuffer] : []);
          }
        }
      } catch (err) {
        // reading the parts failed: the worker drops what it holds for this id
        worker.postMessage({ id, drop: true } satisfies IoRequest);
        this.pending.delete(id);
        throw err;
      }
      worker.postMessage({ id, task: typeof task === 'function' ? task() : task } satisfies IoRequest, transfer);
      return await result;
    } finally {
      this.inFlight--;
      this.waiting.shift()?.();
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    const w = this.worker;
    this.worker = undefined;
    if (w) await w.terminate();
    this.failAll(new Error('the io worker was closed'));
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    const worker = moduleWorker(import.meta.url, 'worker', this.options.resourceLimits);
    worker.unref();
    worker.on('message', (m: IoReply) => {
      const p = this.pending.get(m.id);
      if (!p) return;
      this.pending.delete(m.id);
      if (m.ok) p.resolve(m.result);
      else p.reject(new Error(m.message));
    });
    const gone = (err: Error) => {
      if (this.worker === worker) this.worker = undefined;
      this.failAll(err);
    };
    worker.on('error', gone);
    worker.on('exit', (code) => gone(new Error(`the io worker stopped (exit code ${code})`)));
    this.worker = worker;
    return worker;
  }

  private failAll(err: Error): void {
    for (const [id, p] of this.pending) {
      this.pending.delete(id);
      p.reject(err);
    }
  }
}

