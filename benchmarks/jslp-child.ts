/**
 * Runs javascript-lp-solver on one scenario's candidate model, in a process of its own: the run may need
 * many GB or never finish, and the parent kills it on a wall-clock or memory limit.
 * Usage: node --max-old-space-size=8192 --import tsx benchmarks/jslp-child.ts <scenario.json>
 * Prints one JSON line: { status, objective, seconds, buildSeconds, rows, cols, maxRssMb }.
 */
import { readFileSync } from 'node:fs';
import { parseScenario } from '../src/domain/index.js';
import { Geography } from '../src/geo/geography.js';
import { solveIndividual } from '../src/solver/individual.js';
import { solveWithJslp } from './jslp.js';
import { transportLp } from '../src/solver/lp/model.js';

const scenario = parseScenario(JSON.parse(readFileSync(process.argv[2], 'utf8')));
const problem = solveIndividual(new Geography(scenario), scenario.policy.weights).flow.problem();
const started = performance.now();
const lp = transportLp(problem);
const buildSeconds = (performance.now() - started) / 1000;
const res = solveWithJslp(lp);
process.stdout.write(
  `${JSON.stringify({
    status: res.status,
    objective: res.objective / 1000,
    seconds: res.seconds + buildSeconds,
    buildSeconds,
    rows: lp.numRows,
    cols: lp.numCols,
    maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    ...(res.message ? { message: res.message } : {}),
  })}\n`,
);
