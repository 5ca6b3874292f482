/** The io worker thread: tasks in, results out, in turn; a failing task rejects; a closed worker takes no more. */
import { describe, expect, it } from 'vitest';
import { IoWorker, runIoTask } from '../../src/io/index.js';
import { solve } from '../../src/solver/solve.js';
import { east, world } from '../fixtures/small.js';

const scenario = world({ villages: [{ id: 'V1', at: east(2) }], lawyers: [{ id: 'L1' }] });
const scenarioText = JSON.stringify(scenario);
const solutionText = JSON.stringify(solve(scenario));

describe('IoWorker', () => {
  it('gives the same result as running the task here, for several tasks at once', async () => {
    const io = new IoWorker(2);
    try {
      const formats = ['csv', 'geojson', 'xlsx', 'csv'] as const;
      const results = await Promise.all(formats.map((format) => io.run({ op: 'export', format, scenarioText, solutionText })));
      const csvHere = await runIoTask({ op: 'export', format: 'csv', scenarioText, solutionText });
      expect(results.map((r) => r.op)).toEqual(['export', 'export', 'export', 'export']);
      if (results[0].op !== 'export' || csvHere.op !== 'export') throw new Error('unexpected');
      expect(Buffer.from(results[0].body).equals(Buffer.from(csvHere.body))).toBe(true);
      if (results[1].op !== 'export') throw new Error('unexpected');
      expect(JSON.parse(Buffer.from(results[1].body).toString('utf8')).type).toBe('FeatureCollection');
    } finally {
      await io.close();
    }
  });

  it('a task that throws rejects with its message; the worker goes on', async () => {
    const io = new IoWorker();
    try {
      await expect(io.run({ op: 'export', format: 'csv', scenarioText: '{not json', solutionText })).rejects.toThrow(/JSON/);
      const ok = await io.run({ op: 'import', kind: 'lawyers', mode: 'replace', data: new TextEncoder().encode('编号,姓名\n'), scenarioText });
      expect(ok).toMatchObject({ op: 'import', ok: false, what: 'sheet' });
    } finally {
      await io.close();
    }
    await expect(io.run({ op: 'export', format: 'csv', scenarioText, solutionText })).rejects.toThrow(/closed/);
  });
});
