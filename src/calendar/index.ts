/**
 * The visit calendar: holiday data, slot rules, monthly planning, and its iCalendar and CSV exports.
 * Imports only `domain` and `geo`.
 */
export { buildCalendar, type BuildOptions } from './plan.js';
export { holidaysFor, provisionalHolidayTable } from './holidays.js';
export { ACTIVITY_LABEL, calendarCsv, KIND_LABEL, lawyerIcs, nextVisits, villageIcs, visitsByPerson } from './export.js';
