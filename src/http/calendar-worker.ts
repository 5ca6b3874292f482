// Worker thread: builds a visit calendar for a solution, so the service's event loop stays free
// (a province's calendar takes tens of seconds).
import { parentPort } from 'node:worker_threads';
import { buildCalendar } from '../calendar/index.js';
import { parseHolidayTable, parseScenario, parseSolution } from '../domain/index.js';
import { splitText } from '../store/parts.js';

/** The scenario, then the solution come first as `{ part }` messages (as the store reads them), then the task. */
export interface CalendarTask {
  /** how many of the parts before the task are the scenario's (the rest are the solution's) */
  scenarioParts: number;
  year: number;
  /** `YYYY-MM` months of `year`; the whole year when absent */
  months?: string[];
  /** the official holiday table stored for `year`, if an admin loaded one */
  holidaysText?: string;
}

export type CalendarWorkerMessage =
  | { type: 'progress'; phase: string; fraction: number }
  /** one part of the calendar's JSON (a province's is ~130 MB: posted whole, it would hold the receiving event loop) */
  | { type: 'part'; text: string }
  /** after the parts: how many there were */
  | { type: 'done'; parts: number; months: string[]; provisional: boolean }
  | { type: 'error'; message: string };

const port = parentPort;
if (!port) throw new Error('calendar-worker must run in a worker thread');

export type CalendarRequest = { part: string } | CalendarTask;

const received: string[] = [];
port.on('message', (m: CalendarRequest) => {
  if ('part' in m) received.push(m.part);
  else build(received.splice(0), m);
});

function build(documents: string[], task: CalendarTask): void {
  if (!port) return;
  try {
    const scenario = parseScenario(JSON.parse(documents.slice(0, task.scenarioParts).join('')));
    const solution = parseSolution(JSON.parse(documents.slice(task.scenarioParts).join('')));
    const holidays = task.holidaysText === undefined ? undefined : parseHolidayTable(JSON.parse(task.holidaysText));
    let last = 0;
    const calendar = buildCalendar(scenario, solution, {
      year: task.year,
      ...(task.months ? { months: task.months } : {}),
      ...(holidays ? { holidays } : {}),
      onProgress: (p) => {
        const now = Date.now();
        if (now - last < 100 && p.fraction > 0 && p.fraction < 1) return;
        last = now;
        port.postMessage({ type: 'progress', phase: p.phase, fraction: p.fraction } satisfies CalendarWorkerMessage);
      },
    });
    const parts = splitText(JSON.stringify(calendar));
    for (const text of parts) port.postMessage({ type: 'part', text } satisfies CalendarWorkerMessage);
    port.postMessage({
      type: 'done',
      parts: parts.length,
      months: calendar.months,
      provisional: calendar.provisional,
    } satisfies CalendarWorkerMessage);
  } catch (err) {
    port.postMessage({ type: 'error', message: err instanceof Error ? err.message : String(err) } satisfies CalendarWorkerMessage);
  }
}
