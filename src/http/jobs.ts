import { randomUUID } from 'node:crypto';
import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import { moduleWorker } from '../io/thread.js';
import type { FastifyBaseLogger } from 'fastify';
import type { CalendarRecord, JobRecord, Store } from '../store/types.js';
import type { CalendarTask, CalendarWorkerMessage } from './calendar-worker.js';
import type { SolveTask, WorkerMessage } from './solve-worker.js';

/** What a job does: solve a scenario, or build a solution's visit calendar. */
export type JobTask = { kind: 'solve'; task: SolveTask } | { kind: 'calendar'; task: CalendarTask; solutionId: string };

interface Running {
  job: JobRecord;
  worker?: Worker;
  cancelled: boolean;
  /** settles once the job's final status is stored */
  done?: Promise<void>;
}

type Phases = [phase: string, share: number][];

/** Each kind's phases in order with their share of the run, so one 0–1 progress figure can span them. */
const PHASES: Record<JobTask['kind'], Phases> = {
  solve: [
    ['candidates', 1],
    ['solve', 1],
    ['pricing', 1],
    ['report', 1],
  ],
  // the calendar builder spends nearly all its time planning the advisers' months
  calendar: [
    ['plan visits', 17],
    ['team visits', 2],
    ['summary', 1],
  ],
};

/** Team and individual villages as integer programs (solveAsync): options, their LP, the MIP parts. */
const OPTION_PHASES: Phases = [
  ['team options', 1],
  ['LP relaxation', 4],
  ['MIP', 2],
  ['report', 1],
];
/** Firm-town counties first (their flows, LP, dive and MIPs), then the other villages as above. */
const FIRM_TOWN_PHASES: Phases = [
  ['firm-town groups', 1],
  ['firm-town group costs', 3],
  ['firm-town LP', 2],
  ['firm-town dive', 1],
  ['firm-town MIP on', 3],
  ['firm-town MIP', 5],
  ...OPTION_PHASES,
];

/** The phases of a run, told by its first phase: a solve in team or firm-town mode has its own. */
function phasesOf(kind: JobTask['kind'], firstPhase: string): Phases {
  if (kind === 'solve' && firstPhase.startsWith('firm-town')) return FIRM_TOWN_PHASES;
  if (kind === 'solve' && firstPhase.startsWith('team options')) return OPTION_PHASES;
  return PHASES[kind];
}

function overallProgress(phases: Phases, phase: string, fraction: number): number {
  const i = phases.findIndex(([p]) => phase.startsWith(p));
  if (i < 0) return NaN;
  const total = phases.reduce((sum, [, share]) => sum + share, 0);
  const before = phases.slice(0, i).reduce((sum, [, share]) => sum + share, 0);
  return Math.min(0.99, (before + phases[i][1] * Math.max(0, Math.min(1, fraction))) / total);
}

const WORKERS = { solve: 'solve-worker', calendar: 'calendar-worker' } as const;

/**
 * Runs solve and calendar jobs in worker threads, at most one per core at a time, keeping each
 * job's status and progress in the store. A cancelled job's worker is terminated at once.
 */
export class JobRunner {
  private readonly queue: { job: JobRecord; work: JobTask }[] = [];
  private readonly running = new Map<string, Running>();
  private closed = false;

  constructor(
    private readonly store: Store,
    private readonly log: FastifyBaseLogger,
    private readonly size = Math.max(1, availableParallelism()),
    /** called once a calendar is stored (the public look-up shows the newest of a published solution) */
    private readonly onCalendar: (calendar: CalendarRecord) => Promise<void> = async () => {},
  ) {}

  /** Queues a solve of `scenarioText`; the job record must already be stored. */
  submit(job: JobRecord, task: SolveTask): void {
    this.queue.push({ job, work: { kind: 'solve', task } });
    this.pump();
  }

  /** Queues the building of a calendar for `solutionId`; the job record must already be stored. */
  submitCalendar(job: JobRecord, solutionId: string, task: CalendarTask): void {
    this.queue.push({ job, work: { kind: 'calendar', task, solutionId } });
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
      const { job, work } = this.queue.shift()!;
      const entry: Running = { job, cancelled: false };
      this.running.set(job.id, entry);
      entry.done = this.run(entry, work)
        .catch((err) => this.log.error({ err, jobId: job.id }, 'job bookkeeping failed'))
        .finally(() => {
          this.running.delete(job.id);
          this.pump();
        });
    }
  }

  private async run(entry: Running, work: JobTask): Promise<void> {
    const { job } = entry;
    await this.store.updateJob(job.id, { status: 'running', phase: 'starting', progress: 0 });
    type Done = Extract<WorkerMessage | CalendarWorkerMessage, { type: 'done' }>;
    /** a calendar's document, posted in parts so that no one message holds the event loop */
    const parts: string[] = [];
    const outcome = await new Promise<{ ok: true; done: Done } | { ok: false; error: string }>((resolve) => {
      const worker = moduleWorker(import.meta.url, WORKERS[work.kind]);
      entry.worker = worker;
      let lastWrite = 0;
      let phases: Phases | undefined;
      // a phase met again (firm-town flows between LP rounds) does not take the figure back
      let shown = 0;
      worker.on('message', (m: WorkerMessage | CalendarWorkerMessage) => {
        if (m.type === 'part') parts.push(m.text);
        else if (m.type === 'progress') {
          phases ??= phasesOf(work.kind, m.phase);
          const progress = overallProgress(phases, m.phase, m.fraction);
          if (!Number.isNaN(progress)) shown = Math.max(shown, progress);
          const now = Date.now();
          if (now - lastWrite < 250) return;
          lastWrite = now;
          this.store
            .updateJob(job.id, { phase: m.phase, ...(Number.isNaN(progress) ? {} : { progress: shown }) })
            .catch((err) => this.log.warn({ err, jobId: job.id }, 'progress not saved'));
        } else if (m.type === 'done') resolve({ ok: true, done: m });
        else resolve({ ok: false, error: m.message });
      });
      worker.on('error', (err) => resolve({ ok: false, error: err.message }));
      const who = work.kind === 'solve' ? 'the solver' : 'the calendar builder';
      worker.on('exit', () => resolve({ ok: false, error: entry.cancelled ? 'cancelled' : `${who} stopped unexpectedly` }));
      worker.postMessage(work.task);
    });
    await entry.worker?.terminate();
    if (entry.cancelled) {
      await this.store.updateJob(job.id, { status: 'cancelled', phase: 'cancelled' });
    } else if (outcome.ok && 'solutionText' in outcome.done) {
      await this.store.insertSolution({ id: randomUUID(), scenarioId: job.scenarioId }, outcome.done.solutionText, job.id);
    } else if (outcome.ok && 'parts' in outcome.done && work.kind === 'calendar' && outcome.done.parts === parts.length) {
      const { months, provisional } = outcome.done;
      const rec = { id: randomUUID(), solutionId: work.solutionId, scenarioId: job.scenarioId, year: work.task.year, months, provisional, scope: work.task.scope ?? null };
      const calendar = await this.store.insertCalendar(rec, parts.splice(0), job.id);
      await this.onCalendar(calendar).catch((err) => this.log.error({ err, jobId: job.id, calendarId: calendar.id }, 'after storing a calendar'));
    } else if (outcome.ok) {
      await this.store.updateJob(job.id, { status: 'failed', phase: 'failed', error: 'the worker answered with another kind of result' });
    } else {
      await this.store.updateJob(job.id, { status: 'failed', phase: 'failed', error: outcome.error });
    }
  }
}
