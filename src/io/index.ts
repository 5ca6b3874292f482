export * from './table.js';
export * from './import.js';
export * from './export.js';
export * from './tasks.js';
export { IoWorker } from './offload.js';
