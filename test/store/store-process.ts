/**
 * Run as a separate process by store.test.ts (via `node --import tsx`) to check that several
 * processes can share one database: migrate at once, then write and publish concurrently.
 *   argv[2]: StoreOptions as JSON; argv[3]: a tag naming this process's rows
 */
import { createStore, type StoreOptions } from '../../src/store/index.js';

const options = JSON.parse(process.argv[2]) as StoreOptions;
const tag = process.argv[3];
const store = createStore(options);
try {
  await store.migrate();
  await store.insertScenario({ id: `S-${tag}`, parentId: null, name: tag, summary: {}, regions: ['4401'] }, '{}');
  for (let k = 0; k < 10; k++) {
    await store.insertJob({ id: `J-${tag}-${k}`, kind: 'solve', scenarioId: `S-${tag}`, params: {} });
    await store.insertSolution({ id: `P-${tag}-${k}`, scenarioId: `S-${tag}` }, '{}', `J-${tag}-${k}`);
    await store.publishVillages(`P-${tag}-${k}`, [{ villageId: 'V1', countyId: '440103', cityId: '4401' }], { publisher: tag, keyId: null, keyLabel: tag }, () => true);
  }
  process.stdout.write(JSON.stringify({ ok: true }));
} finally {
  await store.close();
}
