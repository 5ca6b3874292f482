// Worker thread: runs exports and imports (tasks.ts) so the service's event loop stays free.
import { parentPort } from 'node:worker_threads';
import { runIoTask, type IoTask } from './tasks.js';

export type IoRequest = { id: number; task: IoTask };
export type IoReply = { id: number; ok: true; result: Awaited<ReturnType<typeof runIoTask>> } | { id: number; ok: false; message: string };

const port = parentPort;
if (!port) throw new Error('io worker must run in a worker thread');

port.on('message', ({ id, task }: IoRequest) => {
  runIoTask(task).then(
    (result) => port.postMessage({ id, ok: true, result } satisfies IoReply),
    (err: unknown) => port.postMessage({ id, ok: false, message: err instanceof Error ? err.message : String(err) } satisfies IoReply),
  );
});
