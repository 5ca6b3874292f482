/**
 * The independent validator: re-derives every hard rule from the scenario alone and checks
 * a solution, and a visit calendar, against it. Shares no code with the solver (MODEL.md).
 */
import type { Calendar, HolidayTable, Scenario, Solution } from '../domain/index.js';
import { checkCaps, checkCities, checkCoverage, checkInterns, checkPins, checkReferences, checkTeams, checkTravel, checkVetoes, resolveAssignments } from './assignments.js';
import { calendarWarnings as warningsOf, checkCalendar, type Warning } from './calendar.js';
import { ScenarioIndex } from './context.js';
import { checkFirmTowns } from './firm-town.js';
import { checkMetrics } from './metrics.js';
import { checkPreferences } from './preferences.js';
import { checkUncoveredReasons } from './uncovered.js';
import type { Violation } from './violation.js';

export type { Violation } from './violation.js';
export type { Warning } from './calendar.js';

/** Every broken rule of a solution, checked against its scenario; an empty list means the plan holds. */
export function validateSolution(scenario: Scenario, solution: Solution): Violation[] {
  const ix = new ScenarioIndex(scenario);
  const resolved = resolveAssignments(ix, solution);
  return [
    ...checkReferences(ix, solution),
    ...checkCoverage(ix, solution),
    ...checkCaps(ix, solution),
    ...checkInterns(resolved),
    ...checkTeams(ix, resolved),
    ...checkFirmTowns(ix, solution, resolved),
    ...checkVetoes(ix, resolved),
    ...checkPins(ix, solution),
    ...checkCities(ix, resolved),
    ...checkTravel(ix, resolved),
    ...checkUncoveredReasons(ix, solution),
    ...checkMetrics(ix, solution),
    ...checkPreferences(ix, solution),
  ];
}

/**
 * Every broken rule of a visit calendar for a solution; shortfalls the calendar declares, and R12 evening or
 * weekend visits a village asked for that the visits do not give, are not violations but warnings (`calendarWarnings`).
 * Holidays: `opts.holidays` (an official table loaded by the user) when given, else the table shipped for
 * the year, else the statutory days alone.
 */
export function validateCalendar(scenario: Scenario, solution: Solution, calendar: Calendar, opts: { holidays?: HolidayTable } = {}): Violation[] {
  return checkCalendar(new ScenarioIndex(scenario), solution, calendar, opts.holidays);
}

/**
 * What a visit calendar leaves undone without breaking a hard rule, for a person to look at: a calendar
 * year other than the scenario's, the shortfalls the calendar declares, and unmet R12 requests.
 */
export function calendarWarnings(scenario: Scenario, solution: Solution, calendar: Calendar): Warning[] {
  return warningsOf(new ScenarioIndex(scenario), solution, calendar);
}
