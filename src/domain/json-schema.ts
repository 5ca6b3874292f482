import { z } from 'zod';
import { Calendar } from './calendar.js';
import { Divisions } from './divisions.js';
import { HolidayTable } from './holidays.js';
import { Scenario } from './scenario.js';
import { Solution } from './solution.js';

/** The JSON Schemas of the documents, generated from the zod schemas (data/schema/*.json). */
export function jsonSchemas(): Record<string, unknown> {
  const make = (schema: z.ZodType, id: string, title: string) => ({
    $id: `https://ovola.example/schema/${id}.json`,
    title,
    ...z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }),
  });
  return {
    'scenario.v1.json': make(Scenario, 'scenario.v1', 'ovola.scenario/v1'),
    'solution.v1.json': make(Solution, 'solution.v1', 'ovola.solution/v1'),
    'calendar.v1.json': make(Calendar, 'calendar.v1', 'ovola.calendar/v1'),
    'divisions.v1.json': make(Divisions, 'divisions.v1', 'ovola.divisions/v1'),
    'holidays.v1.json': make(HolidayTable, 'holidays.v1', 'ovola.holidays/v1'),
  };
}
