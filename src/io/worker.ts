// Worker thread: runs exports and imports (tasks.ts) so the service's event loop stays free.
import { parentPort } from 'node:worker_threads';
import { runIoTask, transferOf, type IoTask } from './tasks.js';

/** A task, or one part of the large document a task comes with (sent before it), or the parts dropped. */
export type IoRequest = { id: number; task: IoTask } | { id: number; part: string | Uint8Array } | { id: number; drop: true };
export type IoReply = { id: number; ok: true; result: Awaited<ReturnType<typeof runIoTask>> } | { id: number; ok: false; message: string };

const port = parentPort;
if (!port) throw new Error('io worker must run in a worker thread');

/** parts received for tasks still to come, by request id */
const staged = new Map<number, (string | Uint8Array)[]>();

port.on('message', (m: IoRequest) => {
  const { id } = m;
  if ('part' in m) {
    let list = staged.get(id);
    if (!list) staged.set(id, (list = []));
    list.push(m.part);
    return;
  }
  const parts = staged.get(id) ?? [];
  staged.delete(id);
  if ('drop' in m) return;
  runIoTask(m.task, parts).then(
    // large results (the public cards, a new scenario's parts) are moved, not copied
    (result) => port.postMessage({ id, ok: true, result } satisfies IoReply, transferOf(result)),
    (err: unknown) => port.postMessage({ id, ok: false, message: err instanceof Error ? err.message : String(err) } satisfies IoReply),
  );
});
