/**
 * A linear (or mixed-integer) program in a plain, engine-neutral form: minimise colCost·x subject to
 * rowLower ≤ A·x ≤ rowUpper and colLower ≤ x ≤ colUpper, A stored by columns (CSC). Open bounds are
 * ±Infinity. Every engine in this folder reads this and nothing else.
 */
export interface SparseLp {
  numCols: number;
  numRows: number;
  colCost: Float64Array;
  colLower: Float64Array;
  colUpper: Float64Array;
  rowLower: Float64Array;
  rowUpper: Float64Array;
  /** column j's entries are `indices/values[starts[j] .. starts[j+1])`, row indices ascending, no duplicates */
  matrix: { starts: Int32Array; indices: Int32Array; values: Float64Array };
  /** per column, 1 = integer, 0 = continuous; absent = every column continuous (an LP) */
  integrality?: Uint8Array;
  /** optional column names, for debugging and LP-text export */
  colNames?: string[];
}

export type LpStatus = 'optimal' | 'feasible' | 'infeasible' | 'time-limit' | 'error';

/**
 * An engine's answer. `objective` and `x` are meaningful for `optimal` and `feasible` only
 * (`feasible`: stopped at a limit holding a trustworthy feasible point, perhaps not the best);
 * `time-limit`: stopped with no trustworthy point. `bound` is a proven lower bound when the engine gives one.
 */
export interface LpResult {
  status: LpStatus;
  objective: number;
  bound?: number;
  x: Float64Array;
  /** LP only, when the engine gives them: row duals y, with reduced costs c − Aᵀy */
  rowDual?: Float64Array;
  /** wall-clock seconds spent inside the engine (model transfer and solve) */
  seconds: number;
  message?: string;
}

export interface LpSolveOptions {
  /** seconds; engines may overshoot it (see docs ENGINES.md), so enforce hard deadlines outside too */
  timeLimitS?: number;
  /**
   * When to stop, as a `performance.now()` time of the calling thread: a queue (the MIP pool) turns it
   * into `timeLimitS` when the model's solve starts, so models queued behind others keep one deadline.
   */
  deadlineMs?: number;
  /** MIP only: stop once (incumbent − bound) / |incumbent| is at most this (HiGHS `mip_rel_gap`) */
  relativeGap?: number;
  /** MIP only: a feasible point to start from (engines that cannot take one ignore it) */
  start?: Float64Array;
  /**
   * false skips the engine's presolve (engines without one ignore it): on a set packing with tens of
   * thousands of columns (firm-town on a city) HiGHS presolves for 16–23 s to drop under 1% of them.
   */
  presolve?: boolean;
}

export interface LpEngine {
  name: string;
  solve(lp: SparseLp, opts?: LpSolveOptions): Promise<LpResult> | LpResult;
}

/** Σ colCost·x, summed in column order. */
export function lpObjective(lp: SparseLp, x: Float64Array): number {
  let total = 0;
  for (let j = 0; j < lp.numCols; j++) if (x[j] !== 0) total += lp.colCost[j] * x[j];
  return total;
}

/** Whether the LP declares any integer column. */
export function isMip(lp: SparseLp): boolean {
  return lp.integrality !== undefined && lp.integrality.some((t) => t !== 0);
}

/**
 * Builds a SparseLp: declare rows first, then append columns with their entries (CSC order).
 * Arrays grow by doubling, so large models do not go through JS arrays of objects.
 */
export class LpBuilder {
  private nRows = 0;
  private rowLo: number[] = [];
  private rowHi: number[] = [];
  private nCols = 0;
  private cost = new Float64Array(1024);
  private lo = new Float64Array(1024);
  private hi = new Float64Array(1024);
  private int = new Uint8Array(1024);
  private starts = new Int32Array(1025);
  private idx = new Int32Array(4096);
  private val = new Float64Array(4096);
  private nnz = 0;
  private anyInt = false;
  private names: string[] | undefined;

  constructor(opts: { names?: boolean } = {}) {
    if (opts.names) this.names = [];
  }

  /** Adds `count` rows with the same bounds; returns the index of the first. */
  addRows(count: number, lower: number, upper: number): number {
    const first = this.nRows;
    for (let i = 0; i < count; i++) {
      this.rowLo.push(lower);
      this.rowHi.push(upper);
    }
    this.nRows += count;
    return first;
  }

  /** Appends a column; `rows` must be ascending and distinct. Returns its index. */
  addCol(cost: number, lower: number, upper: number, rows: ArrayLike<number>, values: ArrayLike<number>, integer = false, name?: string): number {
    const j = this.nCols;
    if (j === this.cost.length) this.growCols();
    while (this.nnz + rows.length > this.idx.length) this.growEntries();
    this.cost[j] = cost;
    this.lo[j] = lower;
    this.hi[j] = upper;
    this.int[j] = integer ? 1 : 0;
    if (integer) this.anyInt = true;
    for (let k = 0; k < rows.length; k++) {
      if (rows[k] < 0 || rows[k] >= this.nRows) throw new RangeError(`LpBuilder: column ${j} names row ${rows[k]} of ${this.nRows}`);
      if (k > 0 && rows[k] <= rows[k - 1]) throw new RangeError(`LpBuilder: column ${j}'s rows are not ascending`);
      this.idx[this.nnz] = rows[k];
      this.val[this.nnz++] = values[k];
    }
    this.nCols++;
    this.starts[this.nCols] = this.nnz;
    this.names?.push(name ?? `c${j}`);
    return j;
  }

  build(): SparseLp {
    const n = this.nCols;
    return {
      numCols: n,
      numRows: this.nRows,
      colCost: this.cost.slice(0, n),
      colLower: this.lo.slice(0, n),
      colUpper: this.hi.slice(0, n),
      rowLower: Float64Array.from(this.rowLo),
      rowUpper: Float64Array.from(this.rowHi),
      matrix: { starts: this.starts.slice(0, n + 1), indices: this.idx.slice(0, this.nnz), values: this.val.slice(0, this.nnz) },
      ...(this.anyInt ? { integrality: this.int.slice(0, n) } : {}),
      ...(this.names ? { colNames: this.names } : {}),
    };
  }

  private growCols(): void {
    const grow = <T extends Float64Array | Uint8Array | Int32Array>(a: T, size: number): T => {
      const b = new (a.constructor as new (n: number) => T)(size);
      b.set(a);
      return b;
    };
    const size = this.cost.length * 2;
    this.cost = grow(this.cost, size);
    this.lo = grow(this.lo, size);
    this.hi = grow(this.hi, size);
    this.int = grow(this.int, size);
    this.starts = grow(this.starts, size + 1);
  }

  private growEntries(): void {
    const idx = new Int32Array(this.idx.length * 2);
    idx.set(this.idx);
    this.idx = idx;
    const val = new Float64Array(this.val.length * 2);
    val.set(this.val);
    this.val = val;
  }
}
