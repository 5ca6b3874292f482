// Worker thread: parses a scenario and solves it, so the service's event loop stays free.
import { parentPort } from 'node:worker_threads';
import { parseScenario } from '../domain/index.js';
import { solveAsync, type SolveOptions } from '../solver/solve.js';

export interface SolveTask {
  scenarioText: string;
  options: Pick<SolveOptions, 'method' | 'proposing' | 'weights' | 'timeLimitS'>;
}

export type WorkerMessage =
  | { type: 'progress'; phase: string; fraction: number }
  | { type: 'done'; solutionText: string }
  | { type: 'error'; message: string };

const port = parentPort;
if (!port) throw new Error('solve-worker must run in a worker thread');

port.once('message', (task: SolveTask) => {
  void run(task);
});

async function run(task: SolveTask): Promise<void> {
  if (!port) return;
  try {
    const scenario = parseScenario(JSON.parse(task.scenarioText));
    let last = 0;
    const solution = await solveAsync(scenario, {
      ...task.options,
      onProgress: (p) => {
        const now = Date.now();
        if (now - last < 100 && p.fraction > 0 && p.fraction < 1) return;
        last = now;
        port.postMessage({ type: 'progress', phase: p.phase, fraction: p.fraction } satisfies WorkerMessage);
      },
    });
    port.postMessage({ type: 'done', solutionText: JSON.stringify(solution) } satisfies WorkerMessage);
  } catch (err) {
    port.postMessage({ type: 'error', message: err instanceof Error ? err.message : String(err) } satisfies WorkerMessage);
  }
}
