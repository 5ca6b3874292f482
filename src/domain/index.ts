export * from './common.js';
export * from './limits.js';
export * from './rules.js';
export * from './scenario.js';
export * from './solution.js';
export * from './calendar.js';
export * from './check.js';
export * from './holidays.js';
