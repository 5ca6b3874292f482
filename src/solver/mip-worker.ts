// Worker thread: solves one model with HiGHS per message, so a solve can run several at once (HiGHS is
// single-threaded) and a model past its deadline can be stopped by terminating the thread.
import { parentPort } from 'node:worker_threads';
import { highsEngine } from './lp/highs.js';
import type { LpResult, LpSolveOptions, SparseLp } from './lp/sparse.js';

export interface MipRequest {
  id: number;
  lp: SparseLp;
  opts: LpSolveOptions;
}
export type MipReply = { id: number; ok: true; result: LpResult } | { id: number; ok: false; message: string };

const port = parentPort;
if (!port) throw new Error('mip-worker must run in a worker thread');

port.on('message', ({ id, lp, opts }: MipRequest) => {
  Promise.resolve(highsEngine.solve(lp, opts)).then(
    (result) => port.postMessage({ id, ok: true, result } satisfies MipReply),
    (err: unknown) => port.postMessage({ id, ok: false, message: err instanceof Error ? err.message : String(err) } satisfies MipReply),
  );
});
