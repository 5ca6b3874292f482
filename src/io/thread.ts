import { Worker } from 'node:worker_threads';

/**
 * A worker thread running the module `name` next to `callerUrl`: the compiled `.js`, or under the test
 * runner the `.ts` source through tsx (`--import tsx` in execArgv does not reach a worker's loader on
 * Node 20, so tsx is registered from inside the worker).
 */
export function moduleWorker(callerUrl: string, name: string): Worker {
  if (callerUrl.endsWith('.ts')) {
    const source = new URL(`./${name}.ts`, callerUrl).href;
    return new Worker(`import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(source)}); });`, { eval: true });
  }
  return new Worker(new URL(`./${name}.js`, callerUrl));
}
