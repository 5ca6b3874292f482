import highsImport, { type Highs } from 'highs';
import { isMip, type LpEngine, type LpResult, type LpSolveOptions, type SparseLp } from './sparse.js';

type Loader = typeof highsImport.default;
/** The package is CommonJS-typed but ships an ES module whose default export is the loader itself. */
const highsLoader: Loader = (highsImport as unknown as { default?: Loader }).default ?? (highsImport as unknown as Loader);

let runtime: Promise<Highs> | undefined;

/** The HiGHS WebAssembly runtime, loaded once per process (again after an abort: its heap is then unusable). */
export function loadHighs(): Promise<Highs> {
  const loading = (runtime ??= highsLoader().catch((err: unknown) => {
    runtime = undefined;
    throw err;
  }));
  return loading;
}

/**
 * Costs above this are scaled down by a power of two (exact) before HiGHS sees them: its dual simplex fails
 * ("run failed", status −1) on some models whose costs reach 1e10–1e11, as the uncovered penalty does in
 * thousandths, and it warns of "excessively large costs" well below that. Measured on firm-town city MIPs
 * (seeds 1–12): with costs up to 2^12 its root cuts close far more of the gap than with 2^24 (seed 4: 0.05%
 * of the model's objective at 9 s against 0.20%), so 10 seeds of 12 end under 1% in 60 s against 8; 2^8
 * does worse again.
 */
const COST_LIMIT = 2 ** 12;

/** `primal_solution_status` value meaning a feasible primal point is held. */
const PRIMAL_FEASIBLE = 2;

/**
 * HiGHS through its structured API (`createModel`): no LP text to parse. The model is always disposed
 * (WebAssembly memory is not garbage collected), and values are read only after the status allows it.
 * Its time limit may overshoot (docs ENGINES.md): callers with hard deadlines run it in a worker.
 */
export const highsEngine: LpEngine = {
  name: 'highs',
  solve: (lp: SparseLp, opts: LpSolveOptions = {}): Promise<LpResult> => loadHighs().then((h) => solveWithHighs(h, lp, opts)),
};

/**
 * Solves `lp` on a loaded runtime. `native` passes HiGHS options by their snake_case names, e.g.
 * `{ presolve: 'off' }`: presolve of a 1.8M-column LP outgrows the 2 GiB heap, solving it without does not.
 */
export function solveWithHighs(h: Highs, lp: SparseLp, opts: LpSolveOptions = {}, native: Record<string, string | number | boolean> = {}): LpResult {
  const started = performance.now();
  const mip = isMip(lp);
  const empty = new Float64Array(lp.numCols);
  const seconds = () => (performance.now() - started) / 1000;
  let model: ReturnType<Highs['createModel']> | undefined;
  let maxCost = 0;
  for (let j = 0; j < lp.numCols; j++) maxCost = Math.max(maxCost, Math.abs(lp.colCost[j]));
  const scale = maxCost > COST_LIMIT ? 2 ** -Math.ceil(Math.log2(maxCost / COST_LIMIT)) : 1;
  try {
    model = h.createModel({
      numCols: lp.numCols,
      numRows: lp.numRows,
      colCost: scale === 1 ? lp.colCost : lp.colCost.map((c) => c * scale),
      colLower: lp.colLower,
      colUpper: lp.colUpper,
      rowLower: lp.rowLower,
      rowUpper: lp.rowUpper,
      matrix: { format: 'csc', numRows: lp.numRows, numCols: lp.numCols, starts: lp.matrix.starts, indices: lp.matrix.indices, values: lp.matrix.values },
      ...(mip ? { integrality: Int32Array.from(lp.integrality!) } : {}),
    });
    model.options.set({ output_flag: false, ...(opts.timeLimitS !== undefined ? { time_limit: opts.timeLimitS } : {}),
      ...(mip && opts.relativeGap !== undefined ? { mip_rel_gap: opts.relativeGap } : {}),
      ...(opts.presolve === false ? { presolve: 'off' } : {}),
      ...native,
    });
    if (mip && opts.start) model.setSolution({ colValue: opts.start });
    const { modelStatus } = model.run();
    const codes = h.constants.modelStatus;
    const hasPoint = Number(model.info.get('primal_solution_status')) === PRIMAL_FEASIBLE;
    const read = (status: 'optimal' | 'feasible'): LpResult => {
      const objective = model!.getObjectiveValue() / scale;
      const bound = mip ? Number(model!.info.get('mip_dual_bound')) / scale : status === 'optimal' ? objective : undefined;
      const sol = model!.getSolution();
      const duals = !mip && status === 'optimal' ? { rowDual: sol.rowDual.map((y) => y / scale) } : {};
      return { status, objective, ...(bound !== undefined ? { bound } : {}), x: sol.colValue, ...duals, seconds: seconds() };
    };
    const none = (status: 'infeasible' | 'time-limit' | 'error', message?: string): LpResult => ({
      status,
      objective: NaN,
      x: empty,
      seconds: seconds(),
      ...(message ? { message } : {}),
    });
    if (modelStatus === codes.optimal) return read('optimal');
    if (modelStatus === codes.empty && lp.numCols === 0) return { status: 'optimal', objective: 0, bound: 0, x: empty, ...(mip ? {} : { rowDual: new Float64Array(lp.numRows) }), seconds: seconds() };
    if (modelStatus === codes.infeasible) return none('infeasible');
    if (modelStatus === codes.timeLimit || modelStatus === codes.iterationLimit || modelStatus === codes.interrupted) {
      return hasPoint ? read('feasible') : none('time-limit', `HiGHS model status ${modelStatus}`);
    }
    return none('error', `HiGHS model status ${modelStatus}`);
  } catch (err) {
    // An abort (the 2 GiB WebAssembly heap ran out) leaves the runtime unusable: load a fresh one next time.
    if (/abort/i.test(String(err))) runtime = undefined;
    return { status: 'error', objective: NaN, x: empty, seconds: seconds(), message: String(err) };
  } finally {
    try {
      model?.dispose();
    } catch {
      // disposing after an abort may throw; the runtime is dropped anyway
    }
  }
}
