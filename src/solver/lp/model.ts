import type { TransportProblem } from '../flow.js';
import { LpBuilder, type SparseLp } from './sparse.js';

/**
 * The individual-mode assignment (the same model `TransportFlow` solves) as a linear program, for checking
 * the flow against an LP engine. Costs stay in the problem's thousandths.
 *
 * Rows: one per village (0..nV−1), then one per adviser node (nV..nV+nL−1), then one per group of nodes.
 * Columns: x_e for every candidate arc e, in arc order (column e is arc e); then u_v for every village
 * that may stay uncovered, in village order; then y_{g,k} for every slot k < cap[g] of every node g;
 * then z_{k,g} for every node g of every group k.
 * The matrix is a network matrix, so the LP optimum is integral and equals the flow's optimum.
 */
export function transportLp(p: TransportProblem): SparseLp {
  const b = new LpBuilder();
  const cover = coverRows(b, p);
  const balance = balanceRows(b, p);
  const groups = groupRows(b, p);
  arcColumns(b, p, cover, balance);
  uncoveredColumns(b, p, cover);
  slotColumns(b, p, balance);
  passColumns(b, p, balance, groups);
  return b.build();
}

/** Where each column family of `transportLp(p)` starts. */
export function transportLayout(p: TransportProblem): { arcs: number; uncovered: Int32Array; slots: number } {
  const uncovered = new Int32Array(p.nV).fill(-1);
  let col = p.head.length;
  for (let v = 0; v < p.nV; v++) if (p.uncoveredCost[v] !== Infinity) uncovered[v] = col++;
  return { arcs: 0, uncovered, slots: col };
}

/** The head (adviser node, or nL + group) each village is given in an LP solution (−1 uncovered), reading x_e > 0.5. */
export function transportAssignment(p: TransportProblem, x: Float64Array): Int32Array {
  const node = new Int32Array(p.nV).fill(-1);
  for (let v = 0; v < p.nV; v++) {
    for (let e = p.start[v]; e < p.start[v + 1]; e++) if (x[e] > 0.5) node[v] = p.head[e];
  }
  return node;
}

function coverRows(b: LpBuilder, p: TransportProblem): number {
  // Every village is advised along exactly one arc or left uncovered: Σ_e x_e + u_v = 1.
  return b.addRows(p.nV, 1, 1);
}

function balanceRows(b: LpBuilder, p: TransportProblem): number {
  // An adviser node passes on to its load slots exactly the villages it takes: Σ_{head[e]=g} x_e − Σ_k y_{g,k} = 0.
  return b.addRows(p.nL, 0, 0);
}

function groupRows(b: LpBuilder, p: TransportProblem): number {
  // A group passes on to its nodes exactly the villages that reach it: Σ_{head[e]=nL+k} x_e − Σ_g z_{k,g} = 0.
  return b.addRows(p.groupStart ? p.groupStart.length - 1 : 0, 0, 0);
}

function arcColumns(b: LpBuilder, p: TransportProblem, cover: number, balance: number): void {
  // A candidate pair (village v, node or group g) is taken at most once, at its pair cost: x_e ∈ [0, 1], in v's cover row and g's balance row.
  const rows = [0, 0];
  const values = [1, 1];
  for (let v = 0; v < p.nV; v++) {
    for (let e = p.start[v]; e < p.start[v + 1]; e++) {
      rows[0] = cover + v;
      rows[1] = balance + p.head[e];
      b.addCol(p.cost[e], 0, 1, rows, values);
    }
  }
}

function uncoveredColumns(b: LpBuilder, p: TransportProblem, cover: number): void {
  // A village may stay uncovered at its uncovered cost, unless that cost is infinite (R6: a pinned village): u_v ∈ [0, 1].
  for (let v = 0; v < p.nV; v++) if (p.uncoveredCost[v] !== Infinity) b.addCol(p.uncoveredCost[v], 0, 1, [cover + v], [1]);
}

function slotColumns(b: LpBuilder, p: TransportProblem, balance: number): void {
  // R1 and the convex load: node g has cap[g] slots, its k-th (from 0) costing loadStep[floor(k / share[g])]: y_{g,k} ∈ [0, 1].
  for (let g = 0; g < p.nL; g++) {
    for (let k = 0; k < p.cap[g]; k++) b.addCol(p.loadStep[Math.floor(k / p.share[g])], 0, 1, [balance + g], [-1]);
  }
}

function passColumns(b: LpBuilder, p: TransportProblem, balance: number, groups: number): void {
  // A group passes any number of villages to each of its nodes at that node's own cost: z_{k,g} ≥ 0, out of k's row, into g's.
  if (!p.groupStart || !p.groupNode || !p.groupCost) return;
  for (let k = 0; k + 1 < p.groupStart.length; k++) {
    for (let j = p.groupStart[k]; j < p.groupStart[k + 1]; j++) b.addCol(p.groupCost[j], 0, Infinity, [balance + p.groupNode[j], groups + k], [1, -1]);
  }
}
