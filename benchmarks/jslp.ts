import jslpImport, { type Model } from 'javascript-lp-solver';
import { isMip, lpObjective, type LpEngine, type LpResult, type LpSolveOptions, type SparseLp } from '../src/solver/lp/sparse.js';

/**
 * javascript-lp-solver through its JSON model. It keeps a dense tableau (~8 bytes × rows × columns: many GB
 * from a few thousand villages on), so run it in a child process with a memory cap and a wall-clock timeout.
 * Per docs ENGINES.md: it has no status field; its MIP time limit is checked only between branch-and-bound
 * nodes, and on a MIP time-out it can return a fractional point marked `feasible: true`, so a MIP answer is
 * trusted only when `isIntegral === true`. Every variable is ≥ 0 unless declared unrestricted, and there are no
 * column bounds: finite bounds become rows, except upper bounds some row already implies.
 */
export const jslpEngine: LpEngine = {
  name: 'javascript-lp-solver',
  solve: (lp: SparseLp, opts: LpSolveOptions = {}): LpResult => solveWithJslp(lp, opts),
};

type Solver = typeof jslpImport.default;
/** The package is CommonJS-typed but ships an ES module whose default export is the solver itself. */
const solver: Solver = (jslpImport as unknown as { default?: Solver }).default ?? (jslpImport as unknown as Solver);

/** Column and row names in the JSON model. */
const col = (j: number) => `c${j}`;
const row = (i: number) => `r${i}`;
const OBJECTIVE = 'cost';

/** The JSON model of `lp`. */
export function jslpModel(lp: SparseLp, opts: LpSolveOptions = {}): Model {
  const { starts, indices, values } = lp.matrix;
  const implied = impliedUpperBounds(lp);
  const constraints: Model['constraints'] = {};
  for (let i = 0; i < lp.numRows; i++) {
    const lo = lp.rowLower[i];
    const hi = lp.rowUpper[i];
    if (lo === hi) constraints[row(i)] = { equal: lo };
    else if (lo > -Infinity || hi < Infinity) constraints[row(i)] = { ...(lo > -Infinity ? { min: lo } : {}), ...(hi < Infinity ? { max: hi } : {}) };
  }
  const variables: Model['variables'] = {};
  const unrestricted: Record<string, 1> = {};
  const ints: Record<string, 1> = {};
  for (let j = 0; j < lp.numCols; j++) {
    const coefficients: Record<string, number> = { [OBJECTIVE]: lp.colCost[j] };
    for (let k = starts[j]; k < starts[j + 1]; k++) coefficients[row(indices[k])] = values[k];
    const lo = lp.colLower[j];
    const hi = lp.colUpper[j];
    if (lo < 0) unrestricted[col(j)] = 1;
    if (lo !== 0 && lo > -Infinity) {
      constraints[`l${j}`] = { min: lo };
      coefficients[`l${j}`] = 1;
    }
    if (hi < Infinity && !(implied[j] <= hi)) {
      constraints[`u${j}`] = { max: hi };
      coefficients[`u${j}`] = 1;
    }
    variables[col(j)] = coefficients;
    if (lp.integrality?.[j]) ints[col(j)] = 1;
  }
  return {
    optimize: OBJECTIVE,
    opType: 'min',
    constraints,
    variables,
    ...(Object.keys(unrestricted).length > 0 ? { unrestricted } : {}),
    // `ints`, not `binaries`: binaries add a row per variable (ENGINES.md)
    ...(Object.keys(ints).length > 0 ? { ints } : {}),
    ...(opts.timeLimitS !== undefined ? { options: { timeout: Math.max(1, Math.round(opts.timeLimitS * 1000)) } } : {}),
  };
}

export function solveWithJslp(lp: SparseLp, opts: LpSolveOptions = {}): LpResult {
  const started = performance.now();
  const seconds = () => (performance.now() - started) / 1000;
  const mip = isMip(lp);
  const empty = new Float64Array(lp.numCols);
  let raw: Record<string, unknown>;
  try {
    raw = solver.Solve(jslpModel(lp, opts), 1e-9, false, false) as Record<string, unknown>;
  } catch (err) {
    return { status: 'error', objective: NaN, x: empty, seconds: seconds(), message: String(err) };
  }
  const elapsed = seconds();
  // A MIP search that used its whole time limit may have stopped early: its answer is not proven.
  const limitHit = mip && opts.timeLimitS !== undefined && elapsed >= opts.timeLimitS;
  if (raw.feasible !== true) return { status: limitHit ? 'time-limit' : 'infeasible', objective: NaN, x: empty, seconds: elapsed };
  if (raw.bounded === false) return { status: 'error', objective: NaN, x: empty, seconds: elapsed, message: 'unbounded' };
  if (mip && raw.isIntegral !== true) return { status: 'time-limit', objective: NaN, x: empty, seconds: elapsed, message: 'fractional point marked feasible' };
  // Only variables away from zero are reported.
  const x = new Float64Array(lp.numCols);
  for (let j = 0; j < lp.numCols; j++) {
    const value = raw[col(j)];
    if (typeof value === 'number') x[j] = value;
  }
  return { status: limitHit ? 'feasible' : 'optimal', objective: lpObjective(lp, x), x, seconds: elapsed };
}

/**
 * Per column, the smallest upper bound some row implies: in a row whose entries are all ≥ 0 on columns
 * that are all ≥ 0, a_ij·x_j ≤ rowUpper[i]. Such a bound needs no row of its own.
 */
function impliedUpperBounds(lp: SparseLp): Float64Array {
  const { starts, indices, values } = lp.matrix;
  const nonNegativeRow = new Uint8Array(lp.numRows).fill(1);
  for (let j = 0; j < lp.numCols; j++) {
    for (let k = starts[j]; k < starts[j + 1]; k++) if (values[k] < 0 || lp.colLower[j] < 0) nonNegativeRow[indices[k]] = 0;
  }
  const implied = new Float64Array(lp.numCols).fill(Infinity);
  for (let j = 0; j < lp.numCols; j++) {
    for (let k = starts[j]; k < starts[j + 1]; k++) {
      const i = indices[k];
      if (nonNegativeRow[i] && values[k] > 0 && lp.rowUpper[i] < Infinity) implied[j] = Math.min(implied[j], lp.rowUpper[i] / values[k]);
    }
  }
  return implied;
}
