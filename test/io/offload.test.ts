/** The io worker thread: tasks in, results out, in turn; a failing task rejects; a closed worker takes no more. */
import { describe, expect, it } from 'vitest';
import { IoBusyError, IoWorker, runIoTask } from '../../src/io/index.js';
import { solve } from '../../src/solver/solve.js';
import { east, world } from '../fixtures/small.js';
import { buildCalendar, villageIcs } from '../../src/calendar/index.js';
import { plan, tiny } from '../calendar/fixtures.js';

const scenario = world({ villages: [{ id: 'V1', at: east(2) }], lawyers: [{ id: 'L1' }] });
const scenarioText = JSON.stringify(scenario);
/** A document as the store gives it: parts, read one by one. */
async function* inParts(text: string) {
  for (let i = 0; i < text.length; i += 100) yield text.slice(i, i + 100);
}
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
      const sheet = new TextEncoder().encode('编号,姓名\n');
      async function* both() {
        yield sheet;
        yield* inParts(scenarioText);
      }
      const ok = await io.run({ op: 'import', kind: 'lawyers', mode: 'replace' }, both());
      expect(ok).toMatchObject({ op: 'import', ok: false, what: 'sheet' });
    } finally {
      await io.close();
    }
    await expect(io.run({ op: 'export', format: 'csv', scenarioText, solutionText })).rejects.toThrow(/closed/);
  });
});

describe('a bounded queue', () => {
  it('refuses a task with IoBusyError when as many wait as may; the others run', async () => {
    const io = new IoWorker(1, { maxWaiting: 1 });
    try {
      const task = { op: 'export', format: 'csv', scenarioText, solutionText } as const;
      const runs = [io.run(task), io.run(task), io.run(task)];
      const results = await Promise.allSettled(runs);
      expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'rejected']);
      expect((results[2] as PromiseRejectedResult).reason).toBeInstanceOf(IoBusyError);
    } finally {
      await io.close();
    }
  });
});

describe('iCalendar files from one calendar', () => {
  const s = tiny([{ id: 'V1', km: 5 }, { id: 'V2', km: 7 }], [{ id: 'L1' }]);
  const calendar = buildCalendar(s, plan(s), { year: 2026, months: ['2026-03'] });
  const text = JSON.stringify(calendar);
  const parts = [text.slice(0, 1000), text.slice(1000)];

  it('parses the calendar once: later files of it need no documents, another calendar asks for them', async () => {
    const ask = (calendarId: string, id: string, withDocuments = false) =>
      runIoTask({ op: 'calendar-ics', calendarId, who: 'village', id, ...(withDocuments ? { scenarioText: JSON.stringify(s) } : {}) }, withDocuments ? parts : []);
    expect(await ask('cal-a', 'V1')).toEqual({ op: 'ics-miss' });
    const first = await ask('cal-a', 'V1', true);
    expect(first).toMatchObject({ op: 'ics', found: true, name: 'V1村' });
    const second = await ask('cal-a', 'V2');
    if (second.op !== 'ics' || !second.found) throw new Error(`expected V2's file, got ${JSON.stringify(second)}`);
    // DTSTAMP is the time of writing: the rest must be the same
    const unstamped = (ics: string) => ics.replace(/^DTSTAMP:.*$/gm, '');
    expect(unstamped(second.text)).toBe(unstamped(villageIcs(calendar, s, 'V2')));
    expect(await ask('cal-a', 'V9')).toEqual({ op: 'ics', found: false });
    expect(await ask('cal-b', 'V2')).toEqual({ op: 'ics-miss' });
  });
});
