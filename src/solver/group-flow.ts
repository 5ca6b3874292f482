/**
 * The exact cost of a firm serving a group of towns alone (firm-town mode, R4): a min-cost flow of the
 * towns' villages to the firm's lawyers. A solve costs tens of thousands of these flows, all independent:
 * `GroupCoster` solves a batch in this thread and in a worker thread at once (the second core is idle
 * while the LPs are priced).
 */
import type { Worker } from 'node:worker_threads';
import { moduleWorker } from '../io/thread.js';
import { TransportFlow, type TransportProblem } from './flow.js';

/** A firm's arcs to one town's villages (in town order): lawyers by their index in the firm's list. */
export interface TownArcs {
  /** per village, its arcs are `head/cost[start[i] .. start[i+1])` */
  start: Int32Array;
  head: Int32Array;
  cost: Float64Array;
  uncoveredCost: Float64Array;
  /** a pinned village of the town cannot be served by this firm */
  blocked: boolean;
}

/** Everything a group's flow reads: each town's arcs by firm, and each firm's slots and shares. */
export interface GroupFlowData {
  arcsByTown: Map<number, TownArcs>[];
  /** a town's villages with no arc, for the firms absent from `arcsByTown` */
  noArcs: TownArcs[];
  firmCap: Int32Array[];
  firmShare: Int32Array[];
  loadStep: Float64Array;
}

/** A group to cost: a firm and its towns. */
export interface GroupKey {
  firm: number;
  towns: number[];
}

/**
 * The exact cost of a firm serving a group of towns alone: the towns' villages (in order) to the firm's
 * lawyers (by index) over their arcs, with caps and convex load (R1). Undefined when a pinned village
 * cannot be served by this firm.
 */
export function groupFlow(data: GroupFlowData, firm: number, towns: number[]): { units: number; lawyerIndex: Int32Array } | undefined {
  const solved = solveGroup(data, firm, towns);
  if (!solved) return undefined;
  const { flow, head } = solved;
  const lawyerIndex = new Int32Array(flow.nV).fill(-1);
  for (let v = 0; v < flow.nV; v++) {
    const arc = flow.assignedArc[v];
    if (arc >= 0) lawyerIndex[v] = head[arc];
  }
  return { units: flow.objective(), lawyerIndex };
}

/** The group's flow, solved, with the arc heads it was given. */
function solveGroup(data: GroupFlowData, firm: number, towns: number[]): { flow: TransportFlow; head: Int32Array } | undefined {
  const parts = towns.map((t) => data.arcsByTown[t].get(firm) ?? data.noArcs[t]);
  if (parts.some((p) => p.blocked)) return undefined;
  const nV = parts.reduce((a, p) => a + p.uncoveredCost.length, 0);
  const nArcs = parts.reduce((a, p) => a + p.head.length, 0);
  const start = new Int32Array(nV + 1);
  const head = new Int32Array(nArcs);
  const cost = new Float64Array(nArcs);
  const uncoveredCost = new Float64Array(nV);
  let i = 0;
  let arcs = 0;
  for (const part of parts) {
    head.set(part.head, arcs);
    cost.set(part.cost, arcs);
    uncoveredCost.set(part.uncoveredCost, i);
    for (let k = 1; k < part.start.length; k++) start[i + k] = arcs + part.start[k];
    i += part.uncoveredCost.length;
    arcs += part.head.length;
  }
  const cap = data.firmCap[firm];
  const p: TransportProblem = { nV, nL: cap.length, start, head, cost, uncoveredCost, cap, loadStep: data.loadStep, share: data.firmShare[firm] };
  return { flow: new TransportFlow(p), head };
}

/** Progress reports in a batch, at most (each after 2,048 groups at least). */
const PROGRESS_REPORTS = 10;

/** Each group's cost in units (Infinity when the firm cannot serve it), in order; `onProgress` gets the share done. */
export function groupUnits(data: GroupFlowData, groups: GroupKey[], onProgress?: (fraction: number) => void): Float64Array {
  const out = new Float64Array(groups.length);
  const every = Math.max(2_048, Math.ceil(groups.length / PROGRESS_REPORTS));
  for (let i = 0; i < groups.length; i++) {
    out[i] = solveGroup(data, groups[i].firm, groups[i].towns)?.flow.objective() ?? Infinity;
    if (onProgress && (i + 1) % every === 0) onProgress((i + 1) / groups.length);
  }
  return out;
}

/** Of every 20 groups of a shared batch, the worker's (it has the round trip besides). */
const WORKER_SHARE = 9;
/** Batches below this many groups are solved in this thread alone: a worker round trip costs more. */
const MIN_SHARED_BATCH = 2_000;

export interface CostRequest {
  id: number;
  data?: GroupFlowData;
  groups: GroupKey[];
}
export type CostReply = { id: number; ok: true; units: Float64Array } | { id: number; ok: false; message: string };

/**
 * Costs batches of groups, sharing each large batch with one worker thread (given the data once).
 * `close()` ends the worker; a failed worker leaves its share to this thread.
 */
export class GroupCoster {
  private worker: Worker | undefined;
  private nextId = 1;
  private sentData = false;
  private data: GroupFlowData | undefined;

  /** `threads` < 2: every flow in this thread */
  constructor(private readonly threads: number) {}

  /** The data of every later batch (once). */
  load(data: GroupFlowData): void {
    this.data = data;
    this.sentData = false;
  }

  /** Costs of `groups` in order; `onProgress` gets the share of this thread's part done (the worker's runs alongside). */
  async units(groups: GroupKey[], onProgress?: (fraction: number) => void): Promise<Float64Array> {
    const data = this.data;
    if (!data) throw new Error('internal: GroupCoster has no data');
    if (this.threads < 2 || groups.length < MIN_SHARED_BATCH) return groupUnits(data, groups, onProgress);
    // The worker takes WORKER_SHARE of every 20 groups in turn (groups of one firm, alike in cost, come
    // together) while this thread solves the rest.
    const toWorker = (i: number) => i % 20 < WORKER_SHARE;
    const theirKeys = groups.filter((_, i) => toWorker(i));
    const theirs = this.remote(data, theirKeys);
    const mine = groupUnits(data, groups.filter((_, i) => !toWorker(i)), onProgress);
    const remote = (await theirs) ?? groupUnits(data, theirKeys);
    const out = new Float64Array(groups.length);
    let r = 0;
    let m = 0;
    for (let i = 0; i < groups.length; i++) out[i] = toWorker(i) ? remote[r++] : mine[m++];
    return out;
  }

  private remote(data: GroupFlowData, groups: GroupKey[]): Promise<Float64Array | undefined> {
    const worker = (this.worker ??= moduleWorker(import.meta.url, 'group-flow-worker'));
    worker.unref();
    const id = this.nextId++;
    const request: CostRequest = { id, groups, data: this.sentData ? undefined : data };
    this.sentData = true;
    return new Promise((resolve) => {
      const done = (units: Float64Array | undefined) => {
        worker.off('message', onMessage);
        worker.off('error', onGone);
        worker.off('exit', onGone);
        resolve(units);
      };
      const onMessage = (m: CostReply) => {
        if (m.id === id) done(m.ok ? m.units : undefined);
      };
      // A worker that failed or stopped is not used again: a new one is given the data.
      const onGone = () => {
        if (this.worker === worker) this.worker = undefined;
        this.sentData = false;
        done(undefined);
      };
      worker.on('message', onMessage);
      worker.on('error', onGone);
      worker.on('exit', onGone);
      worker.postMessage(request);
    });
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    await worker?.terminate();
  }
}
