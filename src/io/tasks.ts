/**
 * The conversions the service runs off its event loop (see offload.ts): a solution exported, a sheet
 * imported into a scenario, a calendar as CSV or iCalendar, the public look-up's cards, an uploaded or
 * changed scenario checked (documents.ts). Pure: stored
 * documents (as text; a calendar as the parts the task comes with) in, bytes or a new document out. A
 * province's XLSX takes seconds to write and its calendar a second to parse, so the HTTP routes hand
 * these to a worker thread.
 */
import { calendarCsv, lawyerIcs, villageIcs, visitsByPerson } from '../calendar/index.js';
import type { Change } from '../domain/changes.js';
import { type Calendar, InvalidDocumentError, type Issue, MAX_COUNTED_ISSUES, parseScenario, type Scenario, ScenarioPlaces, type Solution, type Weights } from '../domain/index.js';
import { applyChangesToText, type Checked, checked, type CheckedDivisions, type CheckedScenario, checkDivisionsBytes, checkScenarioBytes, type Refusal, outlineText, type RegionOutline, replanText } from './documents.js';
import { solutionCsv, solutionGeoJson, solutionXlsx } from './export.js';
import { applyImport, cellPath, importSheet, type ImportKind, type ImportMode, locateIssues, type Pruned } from './import.js';
import type { ScanLimits } from './json-scan.js';
import { type CardCalendar, type CardPublication, packCards, type PackedCards, upcomingSlots } from './public-cards.js';
import { DEFAULT_TABLE_LIMITS, readTable, type TableLimits, TableReadError } from './table.js';
import { buffersOf } from '../store/parts.js';

export type ExportFormat = 'geojson' | 'csv' | 'xlsx';

export type IoTask =
  | { op: 'export'; format: ExportFormat; scenarioText: string; solutionText: string }
  /** a visit calendar (the task's parts) as CSV: a province's year is about a million rows */
  | { op: 'calendar-csv'; scenarioText: string }
  /**
   * One lawyer's or one village's visits of calendar `calendarId` as an iCalendar file: from the calendar
   * (the task's parts) and `scenarioText` when given, else from the calendar this worker read last, if it
   * is that one (answered `ics-miss` if not), so a run of files from one calendar parses it once.
   */
  | { op: 'calendar-ics'; calendarId: string; scenarioText?: string; who: 'lawyer' | 'village'; id: string }
  /**
   * The public cards a solution supplies (`published`) as of `today`. The task's parts are its `calendars`'
   * documents one after another (`parts` of them each), newest first, each able to supply the visits of
   * its `months` to the villages of its `scope` (all when null).
   */
  | {
      op: 'public-cards';
      scenarioText: string;
      solutionText: string;
      today: string;
      published: CardPublication[];
      calendars: { months: string[]; parts: number; scope: string | null }[];
    }
  /**
   * A sheet put into a stored scenario: the task's text parts make up the scenario, its byte parts the
   * sheet. `limits`: how much of the sheet is read (DEFAULT_TABLE_LIMITS when absent).
   */
  | { op: 'import'; kind: ImportKind; mode: ImportMode; limits?: TableLimits }
  /** an uploaded scenario's bytes (the task's parts), pre-scanned against `scan`, parsed and checked (documents.ts) */
  | { op: 'check-scenario'; scan?: ScanLimits }
  /** an uploaded divisions registry's bytes (the task's parts), pre-scanned, parsed, checked and indexed */
  | { op: 'check-divisions'; scan?: ScanLimits }
  /** a new version: the changes applied to the stored scenario the task's parts make up */
  | { op: 'apply-changes'; changes: Change[] }
  /** a re-plan's scenario (replanScenario): the first `scenarioParts` parts are the scenario, the rest the solution */
  | { op: 'replan'; scenarioParts: number; changes: Change[]; scope?: string }
  /** the regions (ids, levels, parents) of the stored scenario the task's parts make up */
  | { op: 'outline' };

export interface ImportMeta {
  kind: ImportKind;
  mode: ImportMode;
  rows: number;
  total: number;
  sheet?: string;
  headerRow: number;
  columns: string[];
  pruned: Pruned;
}

export type IoResult =
  | { op: 'export'; body: Uint8Array; scenarioName: string }
  /** `name`: the lawyer's or village's; not `found` when the scenario has no such one */
  | { op: 'ics'; found: true; name: string; text: string }
  | { op: 'ics'; found: false }
  | { op: 'ics-miss' }
  | ({ op: 'public-cards' } & PackedCards)
  /** `parts`: the new scenario as UTF-8, transferred (see encodeParts) */
  | ({ op: 'import'; ok: true; meta: ImportMeta } & CheckedScenario)
  /**
   * `status`: 400 for an unreadable file or refused content, 413 beyond a bound, 422 (the default) for
   * bad cells or a scenario that does not hold; `count`: problems in all (the first MAX_LISTED_ISSUES listed)
   */
  | { op: 'import'; ok: false; what: 'file' | 'sheet' | 'scenario with the sheet put in'; issues: Issue[]; status?: 400 | 413 | 422; count?: number; countIsLowerBound?: boolean }
  | ({ op: 'document'; weights?: Partial<Weights> } & Checked)
  | { op: 'outline'; regions: RegionOutline[] }
  | ({ op: 'divisions' } & ({ ok: true; divisions: CheckedDivisions } | { ok: false; refusal: Refusal }));

// Stored documents were checked when they were stored; parsing them again would only cost time.
const stored = <T>(text: string) => JSON.parse(text) as T;

/** The calendar the last iCalendar task read, its visits by lawyer and by village. */
interface ReadCalendar {
  id: string;
  scenario: Scenario;
  calendar: Calendar;
  byLawyer: Map<string, Calendar['visits']>;
  byVillage: Map<string, Calendar['visits']>;
}
let lastCalendar: ReadCalendar | undefined;

function readCalendar(id: string, scenario: Scenario, calendar: Calendar): ReadCalendar {
  return { id, scenario, calendar, ...visitsByPerson(calendar) };
}

/** The text the string parts make up. */
const textOf = (parts: readonly (string | Uint8Array)[]) => parts.filter((p): p is string => typeof p === 'string').join('');
/** The bytes the byte parts make up. */
const bytesOf = (parts: readonly (string | Uint8Array)[]) => Buffer.concat(parts.filter((p): p is Uint8Array => typeof p !== 'string'));

export async function runIoTask(task: IoTask, given: readonly (string | Uint8Array)[] = []): Promise<IoResult> {
  // the tasks on stored documents take text parts only
  const parts = given.filter((p): p is string => typeof p === 'string');
  if (task.op === 'export') {
    const scenario = stored<Scenario>(task.scenarioText);
    const solution = stored<Solution>(task.solutionText);
    const body =
      task.format === 'geojson'
        ? Buffer.from(JSON.stringify(solutionGeoJson(scenario, solution)), 'utf8')
        : task.format === 'csv'
          ? solutionCsv(scenario, solution)
          : await solutionXlsx(scenario, solution);
    return { op: 'export', body, scenarioName: scenario.name };
  }
  if (task.op === 'calendar-csv') {
    const scenario = stored<Scenario>(task.scenarioText);
    const body = Buffer.from(calendarCsv(stored<Calendar>(parts.join('')), scenario), 'utf8');
    return { op: 'export', body, scenarioName: scenario.name };
  }
  if (task.op === 'calendar-ics') {
    if (task.scenarioText !== undefined) lastCalendar = readCalendar(task.calendarId, stored<Scenario>(task.scenarioText), stored<Calendar>(parts.join('')));
    else if (lastCalendar?.id !== task.calendarId) return { op: 'ics-miss' };
    const { scenario, calendar, byLawyer, byVillage } = lastCalendar!;
    const named = task.who === 'lawyer' ? scenario.lawyers.find((l) => l.id === task.id) : scenario.villages.find((v) => v.id === task.id);
    if (!named) return { op: 'ics', found: false };
    const own = { ...calendar, visits: (task.who === 'lawyer' ? byLawyer : byVillage).get(task.id) ?? [] };
    const text = task.who === 'lawyer' ? lawyerIcs(own, scenario, task.id) : villageIcs(own, scenario, task.id);
    return { op: 'ics', found: true, name: named.name, text };
  }
  if (task.op === 'public-cards') {
    const calendars: CardCalendar[] = [];
    let at = 0;
    for (const c of task.calendars) {
      calendars.push({ calendar: stored<Calendar>(parts.slice(at, at + c.parts).join('')), months: c.months, scope: c.scope });
      at += c.parts;
    }
    if (at !== parts.length) throw new Error(`public-cards: ${parts.length} parts for calendars of ${at}`);
    const scenario = parseScenario(stored(task.scenarioText));
    const places = new ScenarioPlaces(scenario);
    const towns = new Map(scenario.villages.map((v) => [v.id, v]));
    const slots = upcomingSlots(calendars, task.today, (id) => {
      const v = towns.get(id);
      return v ? places.village(v) : {};
    });
    return { op: 'public-cards', ...packCards(scenario, stored<Solution>(task.solutionText), task.published, slots, task.today) };
  }

  if (task.op === 'check-scenario') return { op: 'document', ...checkScenarioBytes(bytesOf(given), task.scan) };
  if (task.op === 'check-divisions') return { op: 'divisions', ...checkDivisionsBytes(bytesOf(given), task.scan) };
  if (task.op === 'apply-changes') return { op: 'document', ...applyChangesToText(parts.join(''), task.changes) };
  if (task.op === 'replan') {
    const scenarioText = parts.slice(0, task.scenarioParts).join('');
    return { op: 'document', ...replanText(scenarioText, parts.slice(task.scenarioParts).join(''), task.changes, task.scope) };
  }
  if (task.op === 'outline') return { op: 'outline', regions: outlineText(parts.join('')) };

  let table;
  try {
    table = await readTable(bytesOf(given), task.limits ?? DEFAULT_TABLE_LIMITS);
  } catch (err) {
    if (!(err instanceof TableReadError)) throw err;
    const path = err.row === undefined ? '(file)' : cellPath(err.row, err.column);
    return { op: 'import', ok: false, what: 'file', status: err.status, issues: [{ path, message: err.message }] };
  }
  const base = stored<Scenario>(textOf(given));
  const sheet = importSheet(table, task.kind, {
    firms: base.firms,
    regions: base.regions,
    existingIds: task.mode === 'append' ? base[task.kind].map((x) => x.id) : undefined,
  });
  if (sheet.issueCount > 0) return { op: 'import', ok: false, what: 'sheet', issues: sheet.issues, count: sheet.issueCount, countIsLowerBound: sheet.issueCount >= MAX_COUNTED_ISSUES };
  const { scenario: input, offset, pruned } = applyImport(base, sheet, task.mode);
  let scenario: Scenario;
  try {
    scenario = parseScenario(input);
  } catch (err) {
    if (!(err instanceof InvalidDocumentError)) throw err;
    return { op: 'import', ok: false, what: 'scenario with the sheet put in', issues: locateIssues(err.issues, sheet, offset), count: err.count, countIsLowerBound: err.countIsLowerBound };
  }
  return {
    op: 'import',
    ok: true,
    ...checked(scenario, base),
    meta: {
      kind: task.kind,
      mode: task.mode,
      rows: sheet.items.length,
      total: scenario[task.kind].length,
      ...(table.sheet ? { sheet: table.sheet } : {}),
      headerRow: sheet.headerRow,
      columns: [...sheet.columns.values()],
      pruned,
    },
  };
}

/** The buffers a task's result moves to the caller's thread instead of copying them. */
export function transferOf(result: IoResult): ArrayBuffer[] {
  if (result.op === 'public-cards') return [result.bodies.buffer as ArrayBuffer, result.ends.buffer as ArrayBuffer];
  if (result.op === 'document' && result.ok) return buffersOf(result.scenario.parts);
  if (result.op === 'import' && result.ok) return buffersOf(result.parts);
  if (result.op === 'divisions' && result.ok) return buffersOf(result.divisions.parts);
  return [];
}
