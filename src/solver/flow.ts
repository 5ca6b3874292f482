import { LazyMinHeap } from './heap.js';

/**
 * The individual-mode assignment as a min-cost flow (SPEC §4): every village sends one unit,
 * either along a candidate arc to a lawyer or along its "uncovered" arc to the node U; a lawyer passes
 * at most `cap` units on to the sink T, the k-th unit at `loadStep[k]` (convex load, R1 cap); U passes
 * any number at no cost. All costs are integers (thousandths), so every sum is exact.
 */
export interface TransportProblem {
  nV: number;
  nL: number;
  /** candidate arcs in compressed rows by village; `head` is the adviser node (lawyer or merged lawyers) */
  start: Int32Array;
  head: Int32Array;
  cost: Float64Array;
  /** per village; `Infinity` when the village may not stay uncovered (a pin) */
  uncoveredCost: Float64Array;
  cap: Int32Array;
  /** cost of a lawyer's (k+1)-th village; non-decreasing */
  loadStep: Float64Array;
  /** lawyers merged into each adviser node: its k-th unit (from 0) costs `loadStep[floor(k / share)]` */
  share: Int32Array;
  /** villages to route first (pins), then the rest in index order */
  first?: Int32Array;
  /**
   * Groups of adviser nodes (optional): an arc whose head is `nL + k` reaches group k, which passes units
   * on to its nodes `groupNode[groupStart[k] .. groupStart[k+1])` at `groupCost` each, without limit.
   * One arc to a group stands for an arc to each of its nodes, whose costs differ only by the node's own term.
   */
  groupStart?: Int32Array;
  groupNode?: Int32Array;
  groupCost?: Float64Array;
}

/** An arc to add to a solved flow: village v to lawyer l at `cost`. */
export interface NewArc {
  v: number;
  l: number;
  cost: number;
}

const UNROUTED = -2;
/** Re-route villages one by one only while they are fewer than one in this many; else route all again. */
const REPAIR_LIMIT = 200;
const UNCOVERED = -1;

/**
 * Successive shortest paths with potentials: each search is a Dijkstra on reduced costs
 * c + pi(from) − pi(to) ≥ 0 that stops at the first node that can absorb the unit. Arcs can be
 * added after solving (pricing): an arc with a negative reduced cost is fixed by re-routing its village,
 * so a solve never starts over.
 *
 * Nodes: villages 0..nV−1, lawyers nV..nV+nL−1, groups nV+nL..nV+nL+nG−1, U = nV+nL+nG, T = U+1.
 * A head h of a village's arc is node nV+h: a lawyer when h < nL, else a group.
 */
export class TransportFlow {
  readonly nV: number;
  readonly nL: number;
  readonly nG: number;
  start: Int32Array;
  head: Int32Array;
  cost: Float64Array;
  private arcVillage: Int32Array;
  readonly uncoveredCost: Float64Array;
  readonly cap: Int32Array;
  readonly loadStep: Float64Array;
  readonly share: Int32Array;
  /** arc index per village, −1 when uncovered */
  readonly assignedArc: Int32Array;
  /** slots of the lawyer→sink arcs in use, per lawyer; the villages attached may be one fewer while re-routing */
  readonly used: Int32Array;
  private readonly attached: Int32Array;
  private readonly slotStart: Int32Array;
  private readonly slots: Int32Array;
  private readonly groupStart: Int32Array;
  private readonly groupNode: Int32Array;
  private readonly groupCost: Float64Array;
  /** group of each lawyer node (−1 none) and that node's entry in groupNode */
  private readonly groupOfNode: Int32Array;
  private readonly groupEntry: Int32Array;
  /** units each lawyer node receives from its group, and each group passes on in all */
  private readonly fromGroup: Int32Array;
  private readonly groupOut: Int32Array;
  /** arcs attached to each group (villages reaching their lawyer through it), like `slots` */
  private readonly groupAttached: Int32Array;
  private readonly groupSlotStart: Int32Array;
  private readonly groupSlots: Int32Array;
  private readonly uncovered: number[] = [];
  private readonly uncoveredPos: Int32Array;
  /** units U passes to T */
  private uUsed = 0;
  readonly pi: Float64Array;
  private readonly dist: Float64Array;
  private readonly pred: Int32Array;
  private readonly predArc: Int32Array;
  private readonly mark: Int32Array;
  private readonly heap = new LazyMinHeap();
  /** per search: nodes given a distance, and nodes settled */
  private readonly touched: Int32Array;
  private readonly settled: Int32Array;
  private epoch = 0;
  /** villages still to route; while positive the sink T takes units */
  private pendingAtSink = 0;
  /** nodes taken from the heap over all searches: the work done */
  settledTotal = 0;
  searches = 0;

  private readonly first: Int32Array | undefined;

  constructor(p: TransportProblem, onProgress?: (done: number, total: number) => void) {
    this.nV = p.nV;
    this.nL = p.nL;
    this.start = p.start;
    this.head = p.head;
    this.cost = p.cost;
    this.arcVillage = arcVillages(p.nV, p.start, p.head.length);
    this.uncoveredCost = p.uncoveredCost;
    this.cap = p.cap;
    this.loadStep = p.loadStep;
    this.share = p.share;
    this.groupStart = p.groupStart ?? new Int32Array(1);
    this.groupNode = p.groupNode ?? new Int32Array(0);
    this.groupCost = p.groupCost ?? new Float64Array(0);
    this.nG = this.groupStart.length - 1;
    const nNodes = p.nV + p.nL + this.nG + 2;
    this.assignedArc = new Int32Array(p.nV).fill(UNROUTED);
    this.used = new Int32Array(p.nL);
    this.attached = new Int32Array(p.nL);
    this.slotStart = new Int32Array(p.nL + 1);
    for (let l = 0; l < p.nL; l++) this.slotStart[l + 1] = this.slotStart[l] + p.cap[l];
    this.slots = new Int32Array(this.slotStart[p.nL]);
    this.groupOfNode = new Int32Array(p.nL).fill(-1);
    this.groupEntry = new Int32Array(p.nL).fill(-1);
    this.groupSlotStart = new Int32Array(this.nG + 1);
    for (let k = 0; k < this.nG; k++) {
      let room = 0;
      for (let j = this.groupStart[k]; j < this.groupStart[k + 1]; j++) {
        const l = this.groupNode[j];
        if (this.groupOfNode[l] >= 0) throw new Error(`internal: adviser node ${l} is in two groups`);
        this.groupOfNode[l] = k;
        this.groupEntry[l] = j;
        room += p.cap[l];
      }
      this.groupSlotStart[k + 1] = this.groupSlotStart[k] + room;
    }
    this.groupSlots = new Int32Array(this.groupSlotStart[this.nG]);
    this.groupAttached = new Int32Array(this.nG);
    this.groupOut = new Int32Array(this.nG);
    this.fromGroup = new Int32Array(p.nL);
    this.uncoveredPos = new Int32Array(p.nV).fill(-1);
    this.pi = new Float64Array(nNodes);
    this.dist = new Float64Array(nNodes).fill(Infinity);
    this.pred = new Int32Array(nNodes).fill(-1);
    this.predArc = new Int32Array(nNodes).fill(-1);
    this.mark = new Int32Array(nNodes).fill(-1);
    this.touched = new Int32Array(nNodes);
    this.settled = new Int32Array(nNodes);
    this.first = p.first;
    this.routeAll(p.first, onProgress);
  }

  private routeAll(first: Int32Array | undefined, onProgress?: (done: number, total: number) => void): void {
    const order = new Int32Array(this.nV);
    const placed = new Uint8Array(this.nV);
    let n = 0;
    for (const v of first ?? []) {
      if (placed[v]) continue;
      placed[v] = 1;
      order[n++] = v;
    }
    for (let v = 0; v < this.nV; v++) if (!placed[v]) order[n++] = v;
    this.pendingAtSink = this.nV;
    for (let i = 0; i < n; i++) {
      this.route(order[i]);
      this.pendingAtSink--;
      if (onProgress && (i & 4095) === 4095) onProgress(i + 1, n);
    }
  }

  /** The model as it stands now, priced pairs included (for checking against an LP engine). */
  problem(): TransportProblem {
    return {
      nV: this.nV,
      nL: this.nL,
      start: this.start,
      head: this.head,
      cost: this.cost,
      uncoveredCost: this.uncoveredCost,
      cap: this.cap,
      loadStep: this.loadStep,
      share: this.share,
      ...(this.nG > 0 ? { groupStart: this.groupStart, groupNode: this.groupNode, groupCost: this.groupCost } : {}),
    };
  }

  /** Total cost of the current flow, in thousandths. */
  objective(): number {
    let total = 0;
    for (let v = 0; v < this.nV; v++) total += this.assignedArc[v] >= 0 ? this.cost[this.assignedArc[v]] : this.uncoveredCost[v];
    for (let l = 0; l < this.nL; l++) for (let k = 0; k < this.used[l]; k++) total += this.loadStep[(k / this.share[l]) | 0];
    for (let l = 0; l < this.nL; l++) if (this.fromGroup[l] > 0) total += this.fromGroup[l] * this.groupCost[this.groupEntry[l]];
    return total;
  }

  /**
   * The lawyer node of each village (−1 uncovered): its arc's head, or for an arc to a group, one of the
   * group's nodes, shared out in village order by the units each node takes from the group.
   */
  adviserNodes(): Int32Array {
    const out = new Int32Array(this.nV).fill(-1);
    const left = Int32Array.from(this.fromGroup);
    const next = Int32Array.from(this.groupStart.subarray(0, this.nG));
    for (let v = 0; v < this.nV; v++) {
      const a = this.assignedArc[v];
      if (a < 0) continue;
      const h = this.head[a];
      if (h < this.nL) {
        out[v] = h;
        continue;
      }
      const k = h - this.nL;
      while (left[this.groupNode[next[k]]] === 0) next[k]++;
      const l = this.groupNode[next[k]];
      left[l]--;
      out[v] = l;
    }
    return out;
  }

  /**
   * Adds arcs (pricing). Villages with a new arc of negative reduced cost are detached and routed again
   * from where they stand; the potentials stay valid throughout, so the result is optimal for the larger model.
   */
  addArcs(arcs: NewArc[]): void {
    if (arcs.length === 0) return;
    const { nV } = this;
    const byVillage = new Int32Array(nV + 1);
    for (const a of arcs) byVillage[a.v + 1]++;
    const start = new Int32Array(nV + 1);
    for (let v = 0; v < nV; v++) start[v + 1] = start[v] + (this.start[v + 1] - this.start[v]) + byVillage[v + 1];
    const lawyer = new Int32Array(start[nV]);
    const cost = new Float64Array(start[nV]);
    const remap = new Int32Array(this.head.length);
    const fill = Int32Array.from(start.subarray(0, nV));
    for (let v = 0; v < nV; v++) {
      for (let e = this.start[v]; e < this.start[v + 1]; e++) {
        const at = fill[v]++;
        lawyer[at] = this.head[e];
        cost[at] = this.cost[e];
        remap[e] = at;
      }
    }
    const sorted = [...arcs].sort((a, b) => a.v - b.v || a.l - b.l);
    const troubled: number[] = [];
    for (const a of sorted) {
      const at = fill[a.v]++;
      lawyer[at] = a.l;
      cost[at] = a.cost;
      if (a.cost + this.pi[a.v] - this.pi[nV + a.l] < 0 && troubled[troubled.length - 1] !== a.v) troubled.push(a.v);
    }
    for (let v = 0; v < nV; v++) if (this.assignedArc[v] >= 0) this.assignedArc[v] = remap[this.assignedArc[v]];
    for (let l = 0; l < this.nL; l++) {
      for (let i = this.slotStart[l]; i < this.slotStart[l] + this.attached[l]; i++) this.slots[i] = remap[this.slots[i]];
    }
    for (let k = 0; k < this.nG; k++) {
      for (let i = this.groupSlotStart[k]; i < this.groupSlotStart[k] + this.groupAttached[k]; i++) this.groupSlots[i] = remap[this.groupSlots[i]];
    }
    this.start = start;
    this.head = lawyer;
    this.cost = cost;
    this.arcVillage = arcVillages(nV, start, lawyer.length);

    if (troubled.length * REPAIR_LIMIT > nV) {
      this.restart();
      return;
    }
    // Detach each troubled village but leave its lawyer's slot in use: the lawyer now owes one unit
    // to the sink. A detached village has no arc into it, so raising its potential until every arc
    // out of it has a non-negative reduced cost is free.
    for (const v of troubled) this.detach(v);
    for (const v of troubled) {
      let p = this.pi[v];
      for (let e = start[v]; e < start[v + 1]; e++) p = Math.max(p, this.pi[nV + lawyer[e]] - cost[e]);
      if (this.uncoveredCost[v] !== Infinity) p = Math.max(p, this.pi[nV + this.nL + this.nG] - this.uncoveredCost[v]);
      this.pi[v] = p;
    }
    for (const v of troubled) this.route(v);
  }

  /**
   * Raises each village's potential as far as its own arc allows (its reduced cost to zero). A village
   * has only that one arc into it, so this is free; it leaves the most room on the village's other arcs,
   * so fewer left-out pairs look attractive when pricing.
   */
  tightenVillagePotentials(): void {
    const { nV, nL, nG, pi } = this;
    const U = nV + nL + nG;
    for (let v = 0; v < nV; v++) {
      const a = this.assignedArc[v];
      if (a >= 0) pi[v] = pi[nV + this.head[a]] - this.cost[a];
      else if (a === UNCOVERED) pi[v] = pi[U] - this.uncoveredCost[v];
    }
  }

  /**
   * Starts routing over with the current arcs. Re-routing many villages one by one costs more than
   * routing all again: each re-route must return its unit to the lawyer that lost it.
   */
  private restart(): void {
    this.assignedArc.fill(UNROUTED);
    this.used.fill(0);
    this.attached.fill(0);
    this.fromGroup.fill(0);
    this.groupOut.fill(0);
    this.groupAttached.fill(0);
    this.uncovered.length = 0;
    this.uncoveredPos.fill(-1);
    this.uUsed = 0;
    this.pi.fill(0);
    this.routeAll(this.first);
  }

  /** Sends the unit of village s along a shortest path to a node that can take it. */
  private route(s: number): void {
    const { nV, nL, nG, start, head, cost, uncoveredCost, cap, loadStep, share, pi, dist, pred, predArc, mark, heap, used, attached, slots, slotStart, assignedArc, arcVillage, touched, settled } = this;
    const { fromGroup, groupOut, groupAttached, groupSlots, groupSlotStart, groupStart, groupNode, groupCost, groupOfNode, groupEntry } = this;
    const G0 = nV + nL;
    const U = G0 + nG;
    const T = U + 1;
    const round = ++this.epoch;
    let nTouched = 0;
    let nSettled = 0;
    touched[nTouched++] = s;
    dist[s] = 0;
    heap.push(s, 0);
    let target = -1;
    // An upper bound on the distance to the target: a node at least this far can never come first.
    let ub = Infinity;
    const sinkOpen = this.pendingAtSink > 0;
    const relax = (node: number, d: number, from: number, arc: number) => {
      if (dist[node] === Infinity) touched[nTouched++] = node;
      dist[node] = d;
      pred[node] = from;
      predArc[node] = arc;
      heap.push(node, d);
    };
    // Lawyer g, reached at distance d, bounds the target's distance: through its next free slot to the
    // sink while the sink takes units, or at once when it owes a unit.
    const boundAt = (g: number, d: number) => {
      if (sinkOpen) {
        if (used[g] < cap[g]) {
          const dt = d + loadStep[(used[g] / share[g]) | 0] + pi[nV + g] - pi[T];
          if (dt < ub) ub = dt;
        }
      } else if (attached[g] + fromGroup[g] < used[g]) ub = d;
    };
    while (heap.length > 0) {
      const x = heap.pop();
      if (mark[x] === round || heap.lastKey > dist[x]) continue; // settled already, or a stale entry
      mark[x] = round;
      settled[nSettled++] = x;
      const dx = dist[x];
      if (x < nV) {
        const own = assignedArc[x];
        const px = pi[x];
        for (let e = start[x], end = start[x + 1]; e < end; e++) {
          if (e === own) continue;
          const node = nV + head[e];
          if (mark[node] === round) continue;
          const d = dx + cost[e] + px - pi[node];
          if (d < dist[node] && d < ub) {
            relax(node, d, x, e);
            if (node < G0) boundAt(node - nV, d);
            else if (groupAttached[node - G0] < groupOut[node - G0]) ub = d;
          }
        }
        const uc = uncoveredCost[x];
        if (own !== UNCOVERED && uc !== Infinity && mark[U] !== round) {
          const d = dx + uc + px - pi[U];
          if (d < dist[U] && d < ub) relax(U, d, x, UNCOVERED);
        }
      } else if (x < G0) {
        const l = x - nV;
        // A lawyer owing a unit to the sink (a detached village's slot) absorbs this one.
        if (attached[l] + fromGroup[l] < used[l]) {
          target = x;
          break;
        }
        const px = pi[x];
        for (let i = slotStart[l], end = slotStart[l] + attached[l]; i < end; i++) {
          const e = slots[i];
          const v = arcVillage[e];
          if (mark[v] === round) continue;
          const d = dx - cost[e] + px - pi[v];
          if (d < dist[v] && d < ub) relax(v, d, x, e);
        }
        // Back to its group, along a unit the group passed on.
        if (fromGroup[l] > 0) {
          const node = G0 + groupOfNode[l];
          if (mark[node] !== round) {
            const d = dx - groupCost[groupEntry[l]] + px - pi[node];
            if (d < dist[node] && d < ub) relax(node, d, x, -1);
          }
        }
        if (used[l] < cap[l] && mark[T] !== round) {
          const d = dx + loadStep[(used[l] / share[l]) | 0] + px - pi[T];
          if (d < dist[T]) relax(T, d, x, -1);
        }
      } else if (x < U) {
        const k = x - G0;
        // A group owing a unit to its lawyers (a detached village came through it) absorbs this one.
        if (groupAttached[k] < groupOut[k]) {
          target = x;
          break;
        }
        const px = pi[x];
        for (let j = groupStart[k], end = groupStart[k + 1]; j < end; j++) {
          const node = nV + groupNode[j];
          if (mark[node] === round) continue;
          const d = dx + groupCost[j] + px - pi[node];
          if (d < dist[node] && d < ub) {
            relax(node, d, x, -1);
            boundAt(node - nV, d);
          }
        }
        for (let i = groupSlotStart[k], end = groupSlotStart[k] + groupAttached[k]; i < end; i++) {
          const e = groupSlots[i];
          const v = arcVillage[e];
          if (mark[v] === round) continue;
          const d = dx - cost[e] + px - pi[v];
          if (d < dist[v] && d < ub) relax(v, d, x, e);
        }
      } else if (x === U) {
        if (this.uUsed > this.uncovered.length) {
          target = x;
          break;
        }
        for (const v of this.uncovered) {
          if (mark[v] === round) continue;
          const d = dx - uncoveredCost[v] + pi[U] - pi[v];
          if (d < dist[v] && d < ub) relax(v, d, U, UNCOVERED);
        }
        if (mark[T] !== round) {
          const d = dx + pi[U] - pi[T];
          if (d < dist[T]) relax(T, d, U, -1);
        }
      } else {
        // T: while villages are still to be routed the sink takes the unit; otherwise the unit goes
        // back up a used slot to a lawyer (or to U), freeing that slot.
        if (this.pendingAtSink > 0) {
          target = x;
          break;
        }
        for (let l = 0; l < nL; l++) {
          const node = nV + l;
          if (used[l] === 0 || mark[node] === round) continue;
          const d = dx - loadStep[((used[l] - 1) / share[l]) | 0] + pi[T] - pi[node];
          if (d < dist[node] && d < ub) {
            relax(node, d, T, -1);
            if (attached[l] + fromGroup[l] < used[l]) ub = d;
          }
        }
        if (this.uUsed > 0 && mark[U] !== round) {
          const d = dx + pi[T] - pi[U];
          if (d < dist[U]) relax(U, d, T, -1);
        }
      }
    }
    heap.clear();
    if (target < 0) throw new Error(`internal: no augmenting path from village #${s}`);
    this.settledTotal += nSettled;
    this.searches++;

    // Walk the path back from the target, moving each unit one step.
    let y = target;
    while (y !== s) {
      const x = pred[y];
      if (y === T) {
        // x → T: x takes one more slot to the sink.
        if (x === U) this.uUsed++;
        else used[x - nV]++;
      } else if (x === T) {
        // T → y: y gives one slot back.
        if (y === U) this.uUsed--;
        else used[y - nV]--;
      } else if (x < nV) {
        // village x → lawyer, group or U y: x leaves where it was (the step before on the path) for y.
        this.detach(x);
        this.attach(x, predArc[y]);
      } else if (x >= G0 && x < U && y >= nV && y < G0) {
        // group → lawyer: the group passes one more unit to y.
        fromGroup[y - nV]++;
        groupOut[x - G0]++;
      } else if (x >= nV && x < G0 && y >= G0 && y < U) {
        // lawyer → group: the lawyer takes one unit fewer from its group.
        fromGroup[x - nV]--;
        groupOut[y - G0]--;
      }
      // lawyer, group or U → village y: nothing to do here; y moved on in the step above.
      y = x;
    }
    // Potentials: pi += min(dist, D) − D keeps every reduced cost non-negative.
    const D = dist[target];
    for (let i = 0; i < nSettled; i++) pi[settled[i]] += dist[settled[i]] - D;
    for (let i = 0; i < nTouched; i++) dist[touched[i]] = Infinity;
  }

  private detach(v: number): void {
    const a = this.assignedArc[v];
    if (a === UNCOVERED) {
      const i = this.uncoveredPos[v];
      const last = this.uncovered.pop()!;
      if (last !== v) {
        this.uncovered[i] = last;
        this.uncoveredPos[last] = i;
      }
      this.uncoveredPos[v] = -1;
    } else if (a >= 0) {
      const h = this.head[a];
      if (h < this.nL) {
        this.attached[h]--;
        removeFrom(this.slots, this.slotStart[h], this.slotStart[h] + this.attached[h], a);
      } else {
        const k = h - this.nL;
        this.groupAttached[k]--;
        removeFrom(this.groupSlots, this.groupSlotStart[k], this.groupSlotStart[k] + this.groupAttached[k], a);
      }
    }
    this.assignedArc[v] = UNROUTED;
  }

  private attach(v: number, arc: number): void {
    this.assignedArc[v] = arc;
    if (arc === UNCOVERED) {
      this.uncoveredPos[v] = this.uncovered.length;
      this.uncovered.push(v);
    } else {
      const h = this.head[arc];
      if (h < this.nL) this.slots[this.slotStart[h] + this.attached[h]++] = arc;
      else this.groupSlots[this.groupSlotStart[h - this.nL] + this.groupAttached[h - this.nL]++] = arc;
    }
  }

  /**
   * The LP dual value of the potentials: a lower bound on every plan of the model, computed from the
   * duals alone (node potentials, plus the capacity duals they imply on saturated arcs).
   * NaN if an unsaturated arc has a negative reduced cost, i.e. the duals are not feasible.
   */
  dualBound(): number {
    const { nV, nL, nG, start, head, cost, uncoveredCost, cap, loadStep, share, pi, assignedArc, used } = this;
    const U = nV + nL + nG;
    const T = U + 1;
    // Node terms: each village supplies 1 and the sink takes nV, with φ = −pi.
    let bound = nV * pi[T];
    for (let v = 0; v < nV; v++) bound -= pi[v];
    const capacityDual = (rc: number, saturated: boolean): number => (saturated ? Math.max(0, -rc) : rc < 0 ? NaN : 0);
    for (let v = 0; v < nV; v++) {
      for (let e = start[v]; e < start[v + 1]; e++) bound -= capacityDual(cost[e] + pi[v] - pi[nV + head[e]], assignedArc[v] === e);
      if (uncoveredCost[v] !== Infinity) bound -= capacityDual(uncoveredCost[v] + pi[v] - pi[U], assignedArc[v] === UNCOVERED);
    }
    for (let l = 0; l < nL; l++) {
      for (let k = 0; k < cap[l]; k++) bound -= capacityDual(loadStep[(k / share[l]) | 0] + pi[nV + l] - pi[T], k < used[l]);
    }
    // A group passes any amount to its lawyers, and U to the sink: those reduced costs must not be negative.
    for (let k = 0; k < nG; k++) {
      for (let j = this.groupStart[k]; j < this.groupStart[k + 1]; j++) {
        if (this.groupCost[j] + pi[nV + nL + k] - pi[nV + this.groupNode[j]] < 0) return NaN;
      }
    }
    if (pi[U] - pi[T] < 0) return NaN;
    return bound;
  }
}

/** Removes `value` from `list[from .. end]` (inclusive; `end` is the last entry before removal), moving the last entry into its place. */
function removeFrom(list: Int32Array, from: number, end: number, value: number): void {
  for (let i = from; i <= end; i++) {
    if (list[i] === value) {
      list[i] = list[end];
      return;
    }
  }
}

function arcVillages(nV: number, start: Int32Array, nArcs: number): Int32Array {
  const out = new Int32Array(nArcs);
  for (let v = 0; v < nV; v++) out.fill(v, start[v], start[v + 1]);
  return out;
}
