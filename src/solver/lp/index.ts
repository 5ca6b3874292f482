export { allPairsProblem } from './full.js';
export { highsEngine, loadHighs, solveWithHighs } from './highs.js';
export { transportAssignment, transportLayout, transportLp } from './model.js';
export { isMip, LpBuilder, lpObjective, type LpEngine, type LpResult, type LpSolveOptions, type LpStatus, type SparseLp } from './sparse.js';
