import { randomUUID } from 'node:crypto';
import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import { moduleWorker } from '../io/thread.js';
import type { FastifyBaseLogger } from 'fastify';
import type { JobRecord, Store } from '../store/types.js';
import type { SolveTask, WorkerMessage } from './solve-worker.js';

interface Running {
  job: JobRecord;
  worker?: Worker;
  cancelled: boolean;
  /** settles once the job's final status is stored */
  done?: Promise<void>;
}

/** The solve phases in order, so one 0–1 progress figure can span them. */
const PHASES = ['candidates', 'solve', 'pricing', 'report'];

function overallProgress(phase: string, fraction: number): number {
  const i = PHASES.findIndex((p) => phase.startsWith(p));
  if (i < 0) return NaN;
  return Math.min(0.99, (i + Math.max(0, Math.min(1, fraction))) / PHASES.length);
}

/**
 * Runs solve jobs in worker threads, at most one per core at a time, keeping each job's status and
 * progress in the store. A cancelled job's worker is terminated at once.
 */
export class JobRunner {
  private readonly queue: { job: JobRecord; task: SolveTask }[] = [];
  private readonly running = new Map<string, Running>();
  private closed = false;

  constructor(
    private readonly store: Store,
    private readonly log: FastifyBaseLogger,
    private readonly size = Math.max(1, availableParallelism()),
  ) {}

  /** Queues a solve of `scenarioText`; the job record must already be stored. */
  submit(job: JobRecord, task: SolveTask): void {
    this.queue.push({ job, task });
    this.pump();
  }

  /** Cancels a queued or running job; false when it is not here (finished, or unknown). */
  async cancel(jobId: string): Promise<boolean> {
    const q = this.queue.findIndex((e) => e.job.id === jobId);
    if (q >= 0) {
      this.queue.splice(q, 1);
      await this.store.updateJob(jobId, { status: 'cancelled', phase: 'cancelled' });
      return true;
    }
    const r = this.running.get(jobId);
    if (!r) return false;
    r.cancelled = true;
    await r.worker?.terminate();
    await r.done;
    return true;
  }

  /** Stops taking work and cancels what runs; their jobs end `cancelled`, never left `running`. */
  async close(): Promise<void> {
    this.closed = true;
    for (const { job } of this.queue.splice(0)) await this.store.updateJob(job.id, { status: 'cancelled', phase: 'server stopped' });
    await Promise.all([...this.running.keys()].map((id) => this.cancel(id)));
    while (this.running.size > 0) await new Promise((r) => setTimeout(r, 10));
  }

  private pump(): void {
    while (!this.closed && this.running.size < this.size && this.queue.length > 0) {
      const { job, task } = this.queue.shift()!;
      const entry: Running = { job, cancelled: false };
      this.running.set(job.id, entry);
      entry.done = this.run(entry, task)
        .catch((err) => this.log.error({ err, jobId: job.id }, 'job bookkeeping failed'))
        .finally(() => {
          this.running.delete(job.id);
          this.pump();
        });
    }
  }

  private async run(entry: Running, task: SolveTask): Promise<void> {
    const { job } = entry;
    await this.store.updateJob(job.id, { status: 'running', phase: 'starting', progress: 0 });
    const outcome = await new Promise<{ ok: true; text: string } | { ok: false; error: string }>((resolve) => {
      const worker = moduleWorker(import.meta.url, 'solve-worker');
      entry.worker = worker;
      let lastWrite = 0;
      worker.on('message', (m: WorkerMessage) => {
        if (m.type === 'progress') {
          const now = Date.now();
          if (now - lastWrite < 250) return;
          lastWrite = now;
          const progress = overallProgress(m.phase, m.fraction);
          this.store
            .updateJob(job.id, { phase: m.phase, ...(Number.isNaN(progress) ? {} : { progress }) })
            .catch((err) => this.log.warn({ err, jobId: job.id }, 'progress not saved'));
        } else if (m.type === 'done') resolve({ ok: true, text: m.solutionText });
        else resolve({ ok: false, error: m.message });
      });
      worker.on('error', (err) => resolve({ ok: false, error: err.message }));
      worker.on('exit', () => resolve({ ok: false, error: entry.cancelled ? 'cancelled' : 'the solver stopped unexpectedly' }));
      worker.postMessage(task);
    });
    await entry.worker?.terminate();
    if (entry.cancelled) {
      await this.store.updateJob(job.id, { status: 'cancelled', phase: 'cancelled' });
    } else if (outcome.ok) {
      await this.store.insertSolution({ id: randomUUID(), scenarioId: job.scenarioId }, outcome.text, job.id);
    } else {
      await this.store.updateJob(job.id, { status: 'failed', phase: 'failed', error: outcome.error });
    }
  }
}
