import type { Worker } from 'node:worker_threads';
import { moduleWorker } from './thread.js';
import type { IoResult, IoTask } from './tasks.js';
import type { IoReply } from './worker.js';

interface Pending {
  resolve: (r: IoResult) => void;
  reject: (e: Error) => void;
}

/**
 * One worker thread for exports and imports, started on first use and kept: tasks go to it in turn,
 * at most `maxInFlight` at once (the rest wait here). If the thread dies, what it had fails and the next
 * task starts a new one.
 */
export class IoWorker {
  private worker?: Worker;
  private readonly pending = new Map<number, Pending>();
  private readonly waiting: (() => void)[] = [];
  private inFlight = 0;
  private nextId = 1;
  private closed = false;

  constructor(private readonly maxInFlight = 2) {}

  async run(task: IoTask): Promise<IoResult> {
    if (this.closed) throw new Error('the io worker is closed');
    if (this.inFlight >= this.maxInFlight) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.inFlight++;
    try {
      const worker = this.start();
      const id = this.nextId++;
      return await new Promise<IoResult>((resolve, reject) => {
        this.pending.set(id, { resolve, reject });
        worker.postMessage({ id, task });
      });
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
    const worker = moduleWorker(import.meta.url, 'worker');
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

