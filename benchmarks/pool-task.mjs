// The IO tasks (dist/io/tasks.js) as a piscina / tinypool worker module, for benchmarks/pools.ts.
import { runIoTask } from '../dist/io/tasks.js';

export default function ({ task, parts }) {
  return runIoTask(task, parts);
}
