/**
 * Scenario documents checked off the event loop (the IO worker runs these; see tasks.ts): an uploaded
 * body (bytes) pre-scanned, parsed and checked; changes applied to a stored scenario; a re-plan's
 * scenario made from a stored scenario and solution. A province's 7 MB takes the best part of a second
 * to parse and check, which the service's event loop must not spend. Pure: text in, text out, or the
 * reasons it was refused.
 */
import { applyChanges, type Change, replanScenario } from '../domain/changes.js';
import { indexDivisions, InvalidDocumentError, type Issue, parseDivisions, parseScenario, type Placement, placementOf, problemCount, type Region, type RegisteredRegion, type RegisteredVillage, type Scenario, type ScenarioDelta, scenarioDelta, type Solution, type Weights } from '../domain/index.js';
import { summarize, type ScenarioSummary } from '../domain/summary.js';
import { encodeParts } from '../store/parts.js';
import { DEFAULT_SCAN_LIMITS, scanJson, type ScanLimits } from './json-scan.js';
import { TableReadError } from './table.js';

/**
 * A scenario ready to store: its JSON text (defaults filled in) as UTF-8 parts, which the worker's answer
 * transfers rather than copies (see encodeParts), its name, summary and regions.
 */
export interface CheckedScenario {
  parts: Uint8Array[];
  name: string;
  summary: ScenarioSummary;
  regions: string[];
  /** where it places its regions and villages, for the divisions registry's check */
  placement: Placement;
  /** a new version: what it changes of its parent, for the access rule on versions */
  delta?: ScenarioDelta;
}

/** Why a body was refused: its HTTP status, a sentence, the first problems with the count of all. */
export interface Refusal {
  status: 400 | 413 | 422;
  detail: string;
  issues: Issue[];
  errorCount: number;
  /** the document kind, for a 422 (`scenario`, `changes`, `replan`) */
  what?: string;
  /** the count stopped at MAX_COUNTED_ISSUES */
  countIsLowerBound?: boolean;
}

export type Checked = { ok: true; scenario: CheckedScenario } | { ok: false; refusal: Refusal };

/** What a re-plan's scope is resolved against: the scenario's regions without their names and shapes. */
export type RegionOutline = Pick<Region, 'id' | 'level' | 'parentId'>;

/**
 * Input refused before or instead of a full check (a body past a bound, not JSON, a NUL), as 400, 413 or
 * 422 problem+json with the path of what was refused.
 */
export class RefusedInputError extends Error {
  constructor(
    readonly status: 400 | 413 | 422,
    readonly detail: string,
    readonly issues: Issue[],
    readonly errorCount = issues.length,
  ) {
    super(detail);
    this.name = 'RefusedInputError';
  }
}

/** The error a refusal stands for on the caller's side: InvalidDocumentError for a 422 of the checks. */
export function refusalError(r: Refusal): Error {
  if (r.status === 422 && r.what) return new InvalidDocumentError(r.what, r.issues, r.errorCount, r.countIsLowerBound);
  return new RefusedInputError(r.status, r.detail, r.issues, r.errorCount);
}

function refusalOf(err: InvalidDocumentError): Refusal {
  return { status: 422, what: err.what, detail: `invalid ${err.what}: ${problemCount(err.count, err.issues.length, err.countIsLowerBound)}`, issues: err.issues, errorCount: err.count, countIsLowerBound: err.countIsLowerBound };
}

/**
 * Why a workbook was refused, as a refusal: its problems by sheet, row and column (422), or the file
 * itself (TableReadError: 400 not a workbook or a NUL, 413 past a bound, 422 unreadable); undefined for
 * any other error.
 */
export function workbookRefusal(err: unknown): Refusal | undefined {
  if (err instanceof InvalidDocumentError) return refusalOf(err);
  if (err instanceof TableReadError) {
    const path = err.row === undefined ? '(file)' : `row ${err.row}${err.column ? `, column ${err.column}` : ''}`;
    return { status: err.status, detail: err.message, issues: [{ path, message: err.message }], errorCount: 1 };
  }
  return undefined;
}

/** A checked scenario ready to store; with its parent, what it changes of it. */
export function checked(scenario: Scenario, parent?: Scenario): CheckedScenario {
  return {
    parts: encodeParts(JSON.stringify(scenario)),
    name: scenario.name,
    ...summarize(scenario),
    placement: placementOf(scenario),
    ...(parent ? { delta: scenarioDelta(parent, scenario) } : {}),
  };
}

/** Runs `make`, turning the document's problems into a refusal; a new version of `parent` says what it changes. */
function attempt(make: () => Scenario, parent?: Scenario): Checked {
  try {
    return { ok: true, scenario: checked(make(), parent) };
  } catch (err) {
    if (err instanceof InvalidDocumentError) return { ok: false, refusal: refusalOf(err) };
    throw err;
  }
}

/** A JSON body's bytes (a BOM is allowed) pre-scanned against `limits` (depth, sizes by path, NUL) and parsed; or why not. */
function readJsonBytes(data: Uint8Array, limits: ScanLimits): { ok: true; input: unknown } | { ok: false; refusal: Refusal } {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(data);
  } catch {
    return { ok: false, refusal: { status: 400, detail: 'the body is not UTF-8 text', issues: [{ path: '(root)', message: 'not UTF-8' }], errorCount: 1 } };
  }
  const problem = scanJson(text, limits);
  if (problem) return { ok: false, refusal: { status: problem.status, detail: problem.detail, issues: [problem.issue], errorCount: 1 } };
  try {
    return { ok: true, input: JSON.parse(text) };
  } catch (err) {
    const message = (err as Error).message;
    return { ok: false, refusal: { status: 400, detail: `the body is not valid JSON: ${message.slice(0, 200)}`, issues: [{ path: '(root)', message: 'not valid JSON' }], errorCount: 1 } };
  }
}

/** An uploaded scenario: its bytes read (readJsonBytes), then checked as a whole. */
export function checkScenarioBytes(data: Uint8Array, limits: ScanLimits = DEFAULT_SCAN_LIMITS): Checked {
  const read = readJsonBytes(data, limits);
  return read.ok ? attempt(() => parseScenario(read.input)) : read;
}

/** A divisions registry ready to store: its text as UTF-8 parts, and its regions and villages indexed. */
export interface CheckedDivisions {
  parts: Uint8Array[];
  regions: RegisteredRegion[];
  villages: RegisteredVillage[];
}

/** An uploaded divisions registry: its bytes read (readJsonBytes), checked, and indexed for the store. */
export function checkDivisionsBytes(data: Uint8Array, limits: ScanLimits = DEFAULT_SCAN_LIMITS): { ok: true; divisions: CheckedDivisions } | { ok: false; refusal: Refusal } {
  const read = readJsonBytes(data, limits);
  if (!read.ok) return read;
  try {
    const divisions = parseDivisions(read.input);
    return { ok: true, divisions: { parts: encodeParts(JSON.stringify(divisions)), ...indexDivisions(divisions) } };
  } catch (err) {
    if (err instanceof InvalidDocumentError) return { ok: false, refusal: refusalOf(err) };
    throw err;
  }
}

// Stored documents were checked when they were stored; parsing them again would only cost time.
const stored = <T>(text: string) => JSON.parse(text) as T;

/** The changes applied to a stored scenario: the new version, or the changes' problems (422). */
export function applyChangesToText(scenarioText: string, changes: readonly Change[]): Checked {
  const parent = stored<Scenario>(scenarioText);
  return attempt(() => applyChanges(parent, changes), parent);
}

/** A re-plan's new scenario (see replanScenario), with the solution's own weights. */
export function replanText(scenarioText: string, solutionText: string, changes: readonly Change[], scope: string | undefined): Checked & { weights?: Partial<Weights> } {
  const solution = stored<Solution>(solutionText);
  const parent = stored<Scenario>(scenarioText);
  return { ...attempt(() => replanScenario(parent, solution, changes, scope), parent), weights: solution.weights };
}

/** A stored scenario's regions: ids, levels and parents. */
export function outlineText(scenarioText: string): RegionOutline[] {
  return stored<Scenario>(scenarioText).regions.map((r) => ({ id: r.id, level: r.level, ...(r.parentId === undefined ? {} : { parentId: r.parentId }) }));
}
