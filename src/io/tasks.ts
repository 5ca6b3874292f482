/**
 * The conversions the service runs off its event loop (see offload.ts): a solution exported, a sheet
 * imported into a scenario. Pure: stored documents (as text) in, bytes or a new document out. A
 * province's XLSX takes seconds to write, so the HTTP routes hand these to a worker thread.
 */
import { calendarCsv } from '../calendar/index.js';
import { type Calendar, InvalidDocumentError, type Issue, parseScenario, type Scenario, type Solution } from '../domain/index.js';
import { summarize, type ScenarioSummary } from '../domain/summary.js';
import { solutionCsv, solutionGeoJson, solutionXlsx } from './export.js';
import { applyImport, cellPath, importSheet, type ImportKind, type ImportMode, locateIssues, type Pruned } from './import.js';
import { readTable, TableReadError } from './table.js';

export type ExportFormat = 'geojson' | 'csv' | 'xlsx';

export type IoTask =
  | { op: 'export'; format: ExportFormat; scenarioText: string; solutionText: string }
  /** a visit calendar as CSV: a province's year is about a million rows */
  | { op: 'calendar-csv'; scenarioText: string; calendarText: string }
  | { op: 'import'; kind: ImportKind; mode: ImportMode; data: Uint8Array; scenarioText: string };

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
  | { op: 'import'; ok: true; scenarioText: string; name: string; summary: ScenarioSummary; regions: string[]; meta: ImportMeta }
  | { op: 'import'; ok: false; what: 'file' | 'sheet' | 'scenario with the sheet put in'; issues: Issue[] };

// Stored documents were checked when they were stored; parsing them again would only cost time.
const stored = <T>(text: string) => JSON.parse(text) as T;

export async function runIoTask(task: IoTask): Promise<IoResult> {
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
    const body = Buffer.from(calendarCsv(stored<Calendar>(task.calendarText), scenario), 'utf8');
    return { op: 'export', body, scenarioName: scenario.name };
  }

  let table;
  try {
    table = await readTable(task.data);
  } catch (err) {
    if (!(err instanceof TableReadError)) throw err;
    return { op: 'import', ok: false, what: 'file', issues: [{ path: err.row === undefined ? '(file)' : cellPath(err.row), message: err.message }] };
  }
  const base = stored<Scenario>(task.scenarioText);
  const sheet = importSheet(table, task.kind, {
    firms: base.firms,
    regions: base.regions,
    existingIds: task.mode === 'append' ? base[task.kind].map((x) => x.id) : undefined,
  });
  if (sheet.issues.length > 0) return { op: 'import', ok: false, what: 'sheet', issues: sheet.issues };
  const { scenario: input, offset, pruned } = applyImport(base, sheet, task.mode);
  let scenario: Scenario;
  try {
    scenario = parseScenario(input);
  } catch (err) {
    if (!(err instanceof InvalidDocumentError)) throw err;
    return { op: 'import', ok: false, what: 'scenario with the sheet put in', issues: locateIssues(err.issues, sheet, offset) };
  }
  const { summary, regions } = summarize(scenario);
  return {
    op: 'import',
    ok: true,
    scenarioText: JSON.stringify(scenario),
    name: scenario.name,
    summary,
    regions,
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
