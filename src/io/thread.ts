import { type ResourceLimits, Worker } from 'node:worker_threads';

/**
 * A worker thread running the module `name` next to `callerUrl`: the compiled `.js`, or under the test
 * runner the `.ts` source through tsx (`--import tsx` in execArgv does not reach a worker's loader on
 * Node 20, so tsx is registered from inside the worker). `resourceLimits` bound its heap: past them the
 * worker ends with ERR_WORKER_OUT_OF_MEMORY and the process goes on.
 */
export function moduleWorker(callerUrl: string, name: string, resourceLimits?: ResourceLimits): Worker {
  if (callerUrl.endsWith('.ts')) {
    const source = new URL(`./${name}.ts`, callerUrl).href;
    return new Worker(`import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(source)}); });`, { eval: true, resourceLimits });
  }
  return new Worker(new URL(`./${name}.js`, callerUrl), { resourceLimits });
}
