// Worker thread: builds a visit calendar for a solution, so the service's event loop stays free
// (a province's calendar takes tens of seconds).
import { parentPort } from 'node:worker_threads';
import { buildCalendar } from '../calendar/index.js';
import { parseHolidayTable, parseScenario, parseSolution, type Scenario, ScenarioPlaces, type Solution } from '../domain/index.js';
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
  /** the city or county whose villages the calendar covers (a bureau builds its own region's); the whole solution when null */
  scope?: string | null;
}

export type CalendarWorkerMessage =
  | { type: 'progress'; phase: string; fraction: number }
  /** one part of the calendar's JSON (a province's is ~130 MB: posted whole, it would hold the receiving event loop) */
  | { type: 'part'; text: string }
  /** after the parts: how many there were */
  | { type: 'done'; parts: number; months: string[]; provisional: boolean }
  | { type: 'error'; message: string };

/** The solution's plan for the villages of `scope` (a county or city), all of it when null. */
function inScope(scenario: Scenario, solution: Solution, scope: string | null): Solution {
  if (scope === null) return solution;
  const places = new ScenarioPlaces(scenario);
  const villages = new Map(scenario.villages.map((v) => [v.id, v]));
  const inside = (id: string) => {
    const v = villages.get(id);
    const place = v ? places.village(v) : {};
    return place.countyId === scope || place.cityId === scope;
  };
  return { ...solution, assignments: solution.assignments.filter((a) => inside(a.villageId)), uncovered: solution.uncovered.filter((u) => inside(u.villageId)) };
}

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
    const solution = inScope(scenario, parseSolution(JSON.parse(documents.slice(task.scenarioParts).join(''))), task.scope ?? null);
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
