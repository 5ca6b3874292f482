// Worker thread: costs firm-town groups (group-flow.ts) for the thread that shares a batch with it. The
// first request brings the data every later one reads.
import { parentPort } from 'node:worker_threads';
import { groupUnits, type CostReply, type CostRequest, type GroupFlowData } from './group-flow.js';

const port = parentPort;
if (!port) throw new Error('group-flow-worker must run in a worker thread');

let data: GroupFlowData | undefined;
port.on('message', (request: CostRequest) => {
  try {
    data = request.data ?? data;
    if (!data) throw new Error('no group data was sent');
    const units = groupUnits(data, request.groups);
    port.postMessage({ id: request.id, ok: true, units } satisfies CostReply, [units.buffer as ArrayBuffer]);
  } catch (err) {
    port.postMessage({ id: request.id, ok: false, message: err instanceof Error ? err.message : String(err) } satisfies CostReply);
  }
});
