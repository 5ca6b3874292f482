export * from './table.js';
export * from './import.js';
export * from './export.js';
export * from './tasks.js';
export { IoWorker } from './offload.js';
export { IoBusyError, type IoWorkerOptions } from './offload.js';
export { DocumentWorker } from './document-worker.js';
export { type CheckedScenario, type RegionOutline, RefusedInputError } from './documents.js';
export { DEFAULT_SCAN_LIMITS, scanJson, type ScanLimits } from './json-scan.js';
