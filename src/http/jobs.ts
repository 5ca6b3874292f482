import { randomUUID } from 'node:crypto';
import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import { moduleWorker } from '../io/thread.js';
import type { FastifyBaseLogger, FastifyRequest } from 'fastify';
import { isStoreError } from '../store/errors.js';
import { breathe, decodeParts } from '../store/parts.js';
import type { CalendarRecord, JobRecord, Store } from '../store/types.js';
import { type Principal, scopeText } from './auth.js';
import type { CalendarTask, CalendarWorkerMessage } from './calendar-worker.js';
import { HttpProblem } from './problem.js';
import type { SolveTask, WorkerMessage } from './solve-worker.js';

/**
 * What a job does: solve its scenario, or build a solution's visit calendar. Only this is kept while the
 * job waits; the documents (megabytes each) are read from the store when it starts.
 */
export type JobWork = { kind: 'solve'; options: SolveTask['options'] } | { kind: 'calendar'; solutionId: string; year: number; months?: string[]; scope?: string | null };

/** The job record's own fields, as a route gives them (id, key and scope are added here). */
export type JobRequest = Pick<JobRecord, 'kind' | 'scenarioId' | 'params'>;

/** How many jobs are taken, and how hard a finished job's result is pressed into the store. */
export interface JobLimits {
  /** jobs queued or running at once, over every caller */
  maxJobs: number;
  /** jobs queued or running at once for one API key */
  maxJobsPerKey: number;
  /** the `Retry-After` of a refused submission, in seconds */
  retryAfterS: number;
  /** waits (ms) before the second, third… try of a finished job's result write; a few tries over ~30 s */
  resultRetryMs: readonly number[];
  /** after those: how often (ms) the job's `failed` status is tried again, in the background… */
  statusRetryMs: number;
  /** …and for how long (ms) at most; after that, `failInterruptedJobs` at the next start ends the job */
  statusRetryForMs: number;
}

export const DEFAULT_JOB_LIMITS: JobLimits = {
  maxJobs: 32,
  maxJobsPerKey: 4,
  retryAfterS: 30,
  resultRetryMs: [1_000, 2_000, 4_000, 8_000, 15_000],
  statusRetryMs: 5_000,
  statusRetryForMs: 10 * 60_000,
};

declare module 'fastify' {
  interface FastifyRequest {
    /** a place in the job queue this request holds until it submits its job (or ends) */
    jobSlot: JobSlot | null;
  }
}

/**
 * A place in the job queue, held for a job about to be stored: taken by `submit`, or given back by
 * `release` (the app releases a request's slot when its answer is sent, whatever happened).
 */
export class JobSlot {
  private state: 'held' | 'used' | 'released' = 'held';

  constructor(
    private readonly runner: JobRunner,
    readonly principal: Principal,
  ) {}

  /** Stores the job (with the caller's key and scope) and queues it; the place is given back if that fails. */
  async submit(request: JobRequest, work: JobWork): Promise<JobRecord> {
    if (this.state !== 'held') throw new Error(`this job slot was ${this.state}`);
    try {
      const job = await this.runner.store.insertJob({ id: randomUUID(), ...request, keyId: this.principal.keyId, scope: scopeText(this.principal) });
      this.state = 'used';
      this.runner.enqueue(job, work, this.principal.keyId);
      return job;
    } catch (err) {
      this.release();
      throw err;
    }
  }

  release(): void {
    if (this.state !== 'held') return;
    this.state = 'released';
    this.runner.release(this.principal.keyId);
  }
}

interface Running {
  job: JobRecord;
  keyId: string;
  worker?: Worker;
  cancelled: boolean;
  /** settles once the job's final status is stored */
  done?: Promise<void>;
}

/** A job that cannot start: its documents are gone, or the store did not give them. */
class NotStarted extends Error {}

type Phases = [phase: string, share: number][];

/** Each kind's phases in order with their share of the run, so one 0–1 progress figure can span them. */
const PHASES: Record<JobWork['kind'], Phases> = {
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
function phasesOf(kind: JobWork['kind'], firstPhase: string): Phases {
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

const messageOf = (err: unknown) => (err instanceof Error ? err.message : String(err));

type Done = Extract<WorkerMessage | CalendarWorkerMessage, { type: 'done' }>;
type StatusPatch = Parameters<Store['updateJob']>[1];

/**
 * Runs solve and calendar jobs in worker threads, at most one per core at a time, keeping each job's
 * status and progress in the store. Takes at most `maxJobs` queued or running jobs, `maxJobsPerKey` per
 * API key (429 beyond, before anything is stored). A cancelled job's worker is terminated at once. A
 * job always ends: a result the store does not take is tried again for ~30 s, then the job is ended
 * `failed` with the reason, that status being written again in the background until the store answers.
 *
 * Not piscina or tinypool: each job gets a thread of its own, ended with it (a province's solve leaves
 * a heap of a gigabyte or more behind it; cancelling terminates that thread at once), which talks back
 * while it runs (progress, then a calendar's ~130 MB in parts) — the libraries' abort of a running task
 * also terminates its thread, but their tasks answer once, so progress and parts would need a port of
 * their own per job; and the queue here is of stored jobs with per-key limits, which no pool's queue knows.
 */
export class JobRunner {
  private readonly queue: { job: JobRecord; work: JobWork; keyId: string }[] = [];
  private readonly running = new Map<string, Running>();
  /** places held per key: slots about to submit, queued and running jobs */
  private readonly held = new Map<string, number>();
  private heldTotal = 0;
  /** status writes still being tried after the store failed them */
  private readonly background = new Set<Promise<void>>();
  /** wakes every sleeping retry at close */
  private readonly sleepers = new Set<() => void>();
  private closed = false;
  private readonly limits: JobLimits;

  constructor(
    readonly store: Store,
    private readonly log: FastifyBaseLogger,
    private readonly size = Math.max(1, availableParallelism()),
    /** called once a calendar is stored (the public look-up shows the newest of a published solution) */
    private readonly onCalendar: (calendar: CalendarRecord) => Promise<void> = async () => {},
    limits: Partial<JobLimits> = {},
  ) {
    this.limits = { ...DEFAULT_JOB_LIMITS, ...limits };
  }

  /** Jobs queued or running, and places held for jobs about to be stored. */
  get occupancy(): { total: number; byKey: ReadonlyMap<string, number> } {
    return { total: this.heldTotal, byKey: this.held };
  }

  /**
   * Holds a place for a job of this caller, or refuses with 429 (and `Retry-After`) when the service or
   * the caller's key has as many jobs as it may. Nothing is stored yet: a refused request leaves nothing.
   */
  reserve(principal: Principal): JobSlot {
    if (this.closed) throw new HttpProblem(503, 'Service Unavailable', 'the service is stopping', undefined, { 'retry-after': String(this.limits.retryAfterS) });
    const mine = this.held.get(principal.keyId) ?? 0;
    const retry = { 'retry-after': String(this.limits.retryAfterS) };
    if (this.heldTotal >= this.limits.maxJobs) {
      throw new HttpProblem(429, 'Too Many Requests', `the service has ${this.heldTotal} jobs queued or running, the most it takes; try again later`, undefined, retry, { limit: this.limits.maxJobs });
    }
    if (mine >= this.limits.maxJobsPerKey) {
      throw new HttpProblem(429, 'Too Many Requests', `this API key has ${mine} jobs queued or running, the most one key may have; wait for one to end`, undefined, retry, { limit: this.limits.maxJobsPerKey });
    }
    this.held.set(principal.keyId, mine + 1);
    this.heldTotal++;
    return new JobSlot(this, principal);
  }

  /** `reserve`, the place given back when the request's answer is sent unless a job took it. */
  reserveFor(request: FastifyRequest): JobSlot {
    const slot = this.reserve(request.principal);
    request.jobSlot = slot;
    return slot;
  }

  /** Reserves a place, stores the job record and queues it: 429 before anything is stored when full. */
  submit(principal: Principal, request: JobRequest, work: JobWork): Promise<JobRecord> {
    return this.reserve(principal).submit(request, work);
  }

  /** Queues a stored job on the place its slot held. */
  enqueue(job: JobRecord, work: JobWork, keyId: string): void {
    this.queue.push({ job, work, keyId });
    this.pump();
  }

  /** Gives a place back. */
  release(keyId: string): void {
    const mine = (this.held.get(keyId) ?? 1) - 1;
    if (mine > 0) this.held.set(keyId, mine);
    else this.held.delete(keyId);
    this.heldTotal = Math.max(0, this.heldTotal - 1);
  }

  /** Cancels a queued or running job; false when it is not here (finished, or unknown). */
  async cancel(jobId: string): Promise<boolean> {
    const q = this.queue.findIndex((e) => e.job.id === jobId);
    if (q >= 0) {
      const [entry] = this.queue.splice(q, 1);
      try {
        await this.store.updateJob(jobId, { status: 'cancelled', phase: 'cancelled' });
      } catch (err) {
        // not cancelled after all: back in its place
        this.queue.splice(q, 0, entry);
        throw err;
      }
      this.release(entry.keyId);
      return true;
    }
    const r = this.running.get(jobId);
    if (!r) return false;
    r.cancelled = true;
    await r.worker?.terminate();
    await r.done;
    return true;
  }

  /** Stops taking work and cancels what runs; their jobs end `cancelled`, never left `running` (if the store answers). */
  async close(): Promise<void> {
    this.closed = true;
    for (const wake of this.sleepers) wake();
    for (const { job, keyId } of this.queue.splice(0)) {
      await this.store.updateJob(job.id, { status: 'cancelled', phase: 'server stopped' }).catch((err) => this.log.warn({ err, jobId: job.id }, 'a queued job could not be marked cancelled'));
      this.release(keyId);
    }
    await Promise.all([...this.running.keys()].map((id) => this.cancel(id)));
    while (this.running.size > 0) await new Promise((r) => setTimeout(r, 10));
    await Promise.all(this.background);
  }

  private pump(): void {
    while (!this.closed && this.running.size < this.size && this.queue.length > 0) {
      const { job, work, keyId } = this.queue.shift()!;
      const entry: Running = { job, keyId, cancelled: false };
      this.running.set(job.id, entry);
      entry.done = this.run(entry, work)
        .catch((err) => this.log.error({ err, jobId: job.id }, 'job bookkeeping failed'))
        .finally(() => {
          this.running.delete(job.id);
          this.release(keyId);
          this.pump();
        });
    }
  }

  /** Waits `ms`, or less when the runner closes. */
  private sleep(ms: number): Promise<void> {
    if (this.closed) return Promise.resolve();
    return new Promise((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        this.sleepers.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, ms);
      this.sleepers.add(wake);
    });
  }

  /**
   * Posts the job's documents to its worker as the store reads them, a part per message and a turn of the
   * event loop between two (a province's scenario posted whole holds the loop for ~150 ms), then its task.
   */
  private async start(worker: Worker, job: JobRecord, work: JobWork): Promise<void> {
    const scenario = await this.store.getScenarioParts(job.scenarioId);
    if (scenario === undefined) throw new NotStarted('the scenario was deleted before the job started');
    const solution = work.kind === 'calendar' ? await this.store.getSolutionParts(work.solutionId) : undefined;
    if (work.kind === 'calendar' && solution === undefined) throw new NotStarted('the solution was deleted before the job started');
    const post = async (parts: AsyncIterable<string>) => {
      let n = 0;
      try {
        for await (const part of parts) {
          worker.postMessage({ part });
          n++;
          await breathe();
        }
      } catch (err) {
        if (isStoreError(err, 'not_found')) throw new NotStarted('the scenario or solution was deleted before the job started');
        throw err;
      }
      return n;
    };
    const scenarioParts = await post(scenario);
    if (work.kind === 'solve') {
      worker.postMessage({ options: work.options } satisfies SolveTask);
      return;
    }
    await post(solution!);
    const holidays = await this.store.getHolidayTable(work.year);
    const task: CalendarTask = { scenarioParts, year: work.year, scope: work.scope ?? null, ...(work.months ? { months: work.months } : {}), ...(holidays ? { holidaysText: holidays.body } : {}) };
    worker.postMessage(task);
  }

  private async run(entry: Running, work: JobWork): Promise<void> {
    const { job } = entry;
    try {
      await this.store.updateJob(job.id, { status: 'running', phase: 'starting', progress: 0 });
    } catch (err) {
      this.log.warn({ err, jobId: job.id }, 'the job could not start');
      return this.end(job, { status: 'failed', phase: 'failed', error: `the job could not start: ${messageOf(err)}; submit it again` });
    }
    /** a calendar's document, posted in parts so that no one message holds the event loop */
    const parts: string[] = [];
    const worker = moduleWorker(import.meta.url, WORKERS[work.kind]);
    entry.worker = worker;
    const outcome = await new Promise<{ ok: true; done: Done } | { ok: false; error: string }>((resolve) => {
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
      // its documents read from the store now that the job starts, not while it waited
      this.start(worker, job, work).catch((err: unknown) => {
        this.log.warn({ err, jobId: job.id }, 'the job could not start');
        resolve({ ok: false, error: err instanceof NotStarted ? err.message : `the job could not start: ${messageOf(err)}; submit it again` });
      });
    });
    await entry.worker?.terminate();
    if (entry.cancelled) {
      await this.end(job, { status: 'cancelled', phase: 'cancelled' });
    } else if (outcome.ok && 'solution' in outcome.done) {
      const solution = outcome.done.solution;
      // One id for every try: a try whose commit got through but whose answer was lost makes the next a conflict.
      const rec = { id: randomUUID(), scenarioId: job.scenarioId };
      // the parts decoded one at a time as the store writes them
      await this.persist(job, () => this.store.insertSolution(rec, decodeParts(solution), job.id));
    } else if (outcome.ok && 'parts' in outcome.done && work.kind === 'calendar' && outcome.done.parts === parts.length) {
      const { months, provisional } = outcome.done;
      let calendar: CalendarRecord | undefined;
      // A new id for each try: the parts a failed try left have no calendar row and are removed.
      const stored = await this.persist(job, async () => {
        calendar = await this.store.insertCalendar({ id: randomUUID(), solutionId: work.solutionId, scenarioId: job.scenarioId, year: work.year, months, provisional, scope: work.scope ?? null }, parts, job.id);
      });
      parts.length = 0;
      if (stored && calendar) await this.onCalendar(calendar).catch((err) => this.log.error({ err, jobId: job.id, calendarId: calendar!.id }, 'after storing a calendar'));
    } else if (outcome.ok) {
      await this.end(job, { status: 'failed', phase: 'failed', error: 'the worker answered with another kind of result' });
    } else {
      await this.end(job, { status: 'failed', phase: 'failed', error: outcome.error });
    }
  }

  /**
   * Stores a finished job's result (the write also marks the job succeeded), trying again with backoff
   * while the store fails; true once stored. When every try failed, the job is ended `failed` with the
   * reason. A conflict means the job was ended meanwhile (cancelled, deleted) or an earlier try did get
   * through: nothing more to write then.
   */
  private async persist(job: JobRecord, write: () => Promise<unknown>): Promise<boolean> {
    const delays = this.limits.resultRetryMs;
    let last: unknown;
    for (let attempt = 0; attempt <= delays.length; attempt++) {
      if (attempt > 0) await this.sleep(delays[attempt - 1]);
      if (attempt > 0 && this.closed) break;
      try {
        await write();
        return true;
      } catch (err) {
        last = err;
        if (isStoreError(err, 'conflict') || isStoreError(err, 'not_found')) {
          const now = await this.store.getJob(job.id).catch(() => undefined);
          if (!now) return false; // deleted with its scenario
          if (now.status === 'succeeded') return true;
          if (now.status !== 'queued' && now.status !== 'running') return false;
          break; // a conflict of the result itself: trying again would not help
        }
        this.log.warn({ err, jobId: job.id, attempt: attempt + 1, of: delays.length + 1 }, "the job's result could not be stored");
      }
    }
    await this.end(job, { status: 'failed', phase: 'failed', error: `the result could not be stored (${messageOf(last)}); submit the job again` });
    return false;
  }

  /**
   * Writes a job's final status. When the store fails, the write is tried again in the background every
   * `statusRetryMs` for at most `statusRetryForMs`, so the job is ended as soon as the store answers;
   * what is still open after that (or at close) is ended by `failInterruptedJobs` at the next start.
   */
  private async end(job: JobRecord, patch: StatusPatch): Promise<void> {
    try {
      await this.store.updateJob(job.id, patch);
      return;
    } catch (err) {
      this.log.warn({ err, jobId: job.id, status: patch.status }, "the job's status could not be stored; trying again in the background");
    }
    const retrying = (async () => {
      const until = Date.now() + this.limits.statusRetryForMs;
      while (!this.closed && Date.now() < until) {
        await this.sleep(this.limits.statusRetryMs);
        if (this.closed) break;
        try {
          await this.store.updateJob(job.id, patch);
          this.log.info({ jobId: job.id, status: patch.status }, "the job's status was stored once the store answered again");
          return;
        } catch {
          // the store still does not answer
        }
      }
      this.log.error({ jobId: job.id, status: patch.status }, "gave up storing the job's status; it is ended at the next start");
    })();
    this.background.add(retrying);
    void retrying.finally(() => this.background.delete(retrying));
  }
}
