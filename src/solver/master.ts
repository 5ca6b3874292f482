/**
 * The team-mode integer program over options (R1, R2, R3, R5, R6): each village takes one option or
 * stays uncovered; a lawyer's options, in any role, fill their load slots. Costs are in thousandths.
 *
 * Rows: one cover row per village (in `villages` order), then one load row per lawyer in `lawyers`.
 * Columns: x_o per option (in `options` order), then u_v per village that may stay uncovered, then the
 * load slots s_{l,k} of each lawyer.
 */
import type { TeamOption } from './options.js';
import { LpBuilder, type SparseLp } from './lp/sparse.js';

export interface MasterInput {
  villages: number[];
  options: TeamOption[];
  /** per village (global index): cost of staying uncovered, Infinity when it may not (R6: a pin) */
  uncoveredUnits: (v: number) => number;
  /** per lawyer (global index): load slots open to this model (R1) */
  slots: Int32Array;
  /** per lawyer: how many villages they already serve outside this model; their slots continue from there */
  loadBefore: Int32Array;
  /** cost of a lawyer's (k+1)-th village, non-decreasing */
  loadStep: Float64Array;
  /** binary options (a MIP) or their relaxation (an LP) */
  integer: boolean;
}

export interface Master {
  lp: SparseLp;
  /** lawyers with a load row, in row order (row = villages.length + index) */
  lawyers: number[];
  /** row of each village's cover row */
  coverRow: Map<number, number>;
  /** column of each village's uncovered column (absent when pinned) */
  uncoveredCol: Map<number, number>;
}

export function buildMaster(p: MasterInput): Master {
  const b = new LpBuilder();
  const coverRow = coverRows(b, p);
  const { lawyers, loadRow } = loadRows(b, p);
  optionColumns(b, p, coverRow, loadRow);
  const uncoveredCol = uncoveredColumns(b, p, coverRow);
  slotColumns(b, p, lawyers, loadRow);
  return { lp: b.build(), lawyers, coverRow, uncoveredCol };
}

function coverRows(b: LpBuilder, p: MasterInput): Map<number, number> {
  // Every village takes exactly one option or stays uncovered: Σ_o x_o + u_v = 1.
  const first = b.addRows(p.villages.length, 1, 1);
  return new Map(p.villages.map((v, i) => [v, first + i]));
}

function loadRows(b: LpBuilder, p: MasterInput): { lawyers: number[]; loadRow: Map<number, number> } {
  // R1 in any role: the options a lawyer is on (as adviser or member) fill their slots: Σ_{o ∋ l} x_o − Σ_k s_{l,k} = 0.
  const seen = new Set<number>();
  for (const o of p.options) {
    seen.add(o.adviser);
    for (const m of o.members) seen.add(m);
  }
  const lawyers = [...seen].sort((a, c) => a - c);
  const first = b.addRows(lawyers.length, 0, 0);
  return { lawyers, loadRow: new Map(lawyers.map((l, i) => [l, first + i])) };
}

function optionColumns(b: LpBuilder, p: MasterInput, coverRow: Map<number, number>, loadRow: Map<number, number>): void {
  // An option serves its village once at its cost (pair + members + missing needs): x_o ∈ {0, 1}.
  for (const o of p.options) {
    const rows = [coverRow.get(o.v)!, ...[o.adviser, ...o.members].map((l) => loadRow.get(l)!)].sort((a, c) => a - c);
    b.addCol(o.units, 0, 1, rows, rows.map(() => 1), p.integer);
  }
}

function uncoveredColumns(b: LpBuilder, p: MasterInput, coverRow: Map<number, number>): Map<number, number> {
  // A village may stay uncovered at its uncovered cost, unless pinned (R6): u_v ∈ [0, 1].
  const out = new Map<number, number>();
  for (const v of p.villages) {
    const cost = p.uncoveredUnits(v);
    if (cost !== Infinity) out.set(v, b.addCol(cost, 0, 1, [coverRow.get(v)!], [1]));
  }
  return out;
}

function slotColumns(b: LpBuilder, p: MasterInput, lawyers: number[], loadRow: Map<number, number>): void {
  // R1 and the convex load: lawyer l's slots continue after the loadBefore[l] villages served elsewhere, the k-th costing loadStep[k].
  for (const l of lawyers) {
    for (let k = 0; k < p.slots[l]; k++) b.addCol(p.loadStep[p.loadBefore[l] + k], 0, 1, [loadRow.get(l)!], [-1]);
  }
}
