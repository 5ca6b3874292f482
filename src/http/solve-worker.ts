// Worker thread: parses a scenario and solves it, so the service's event loop stays free.
import { parentPort } from 'node:worker_threads';
import { parseScenario } from '../domain/index.js';
import { solveAsync, type SolveOptions } from '../solver/solve.js';
import { buffersOf, encodeParts } from '../store/parts.js';

/** The scenario comes first as `{ part }` messages (as the store reads it), then the task. */
export interface SolveTask {
  options: Pick<SolveOptions, 'method' | 'proposing' | 'weights' | 'timeLimitS'>;
}

export type SolveRequest = { part: string } | SolveTask;

export type WorkerMessage =
  | { type: 'progress'; phase: string; fraction: number }
  /** the solution as UTF-8 parts, transferred (a province's is megabytes: as text, decoding it would hold the receiving event loop) */
  | { type: 'done'; solution: Uint8Array[] }
  | { type: 'error'; message: string };

const port = parentPort;
if (!port) throw new Error('solve-worker must run in a worker thread');

const parts: string[] = [];
port.on('message', (m: SolveRequest) => {
  if ('part' in m) parts.push(m.part);
  else void run(parts.splice(0).join(''), m);
});

async function run(scenarioText: string, task: SolveTask): Promise<void> {
  if (!port) return;
  try {
    const scenario = parseScenario(JSON.parse(scenarioText));
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
    const encoded = encodeParts(JSON.stringify(solution));
    port.postMessage({ type: 'done', solution: encoded } satisfies WorkerMessage, buffersOf(encoded));
  } catch (err) {
    port.postMessage({ type: 'error', message: err instanceof Error ? err.message : String(err) } satisfies WorkerMessage);
  }
}
