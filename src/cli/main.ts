import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { mkdirSync } from 'node:fs';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { Change, replanScenario } from '../domain/changes.js';
import { registryOf } from '../domain/registry-of.js';
import { formatProblems, InvalidDocumentError, langOfEnv, parseCalendar, parseHolidayTable, parseScenario, parseSolution, type Scenario, zodIssues } from '../domain/index.js';
import { generateScenario, PRESETS, type PresetName } from '../gen/index.js';
import { solveAsync, UnsupportedModeError } from '../solver/solve.js';
import { ServiceMode } from '../domain/scenario.js';
import type { Warning } from '../validate/index.js';
import { cmdDivisions, DIVISIONS_USAGE } from './divisions.js';
import { cmdExportWorkbook, cmdImport, cmdTemplate, WORKBOOK_USAGE } from './workbook.js';
import { cliLanguage, InputError, ProgressLog, readJson, say, setLanguage, writeText } from './io.js';
import type { Scope } from '../http/auth.js';
import { isStoreError } from '../store/errors.js';

/** Each command's usage, printed by `ovola <command> --help` (or `-h`) and after a bad option. */
const COMMAND_USAGE = {
  generate: `ovola generate --preset <${PRESETS.join('|')}> --seed <n> [--baseline] [--no-preferences]
               [--service-mode individual|team|firm-town|by-class] [--out file] [--divisions file] [--pretty]
  A realistic synthetic scenario, the same for the same preset and seed, with region codes of its own.
  --baseline adds an assignment in force (last year's plan) for change penalties (R6).`,
  solve: `ovola solve <scenario.json|-> [--mode optimal|stable] [--proposing villages|lawyers] [--time-limit s]
            [--out file] [--blocking-pairs file.csv|file.json] [--pretty] [--quiet]
  Writes an ovola.solution/v1 document (standard output unless --out). --mode stable: deferred
  acceptance (R5); --time-limit bounds the integer programs of team and firm-town modes.
  --blocking-pairs writes the plan's blocking pairs, by village then lawyer: CSV (columns
  村(社区)编号,律师编号) or a JSON array of [villageId, lawyerId], by the file's extension.`,
  validate: `ovola validate <scenario.json> <solution.json> [calendar.json] [--holidays table.json]
  Re-derives every hard rule from the scenario: one line per violation (rule id first), exit 1 if any.
  With a calendar, WARN lines (rule, village, month) for shortfalls and unmet R12 requests, exit unchanged.`,
  calendar: `ovola calendar <scenario.json> <solution.json> --year <yyyy> [--months 2026-03,2026-04]
               [--holidays table.json] [--out calendar.json] [--ics dir] [--csv file] [--pretty] [--quiet]
  The visit calendar: JSON, one .ics per lawyer and per village, a CSV to print.`,
  replan: `ovola replan <scenario.json> <solution.json> [--change changes.json] [--scope <county|city id>]
             [--out solution.json] [--scenario-out scenario.json] [--time-limit s] [--pretty] [--quiet]
  R6, as POST /v1/solutions/:id/replan: the solution becomes the baseline, the changes (a JSON array of
  replace-lawyer / remove-lawyer / add-lawyer / update-village / set-policy) are applied, villages
  outside --scope keep their adviser (pinned), and the new version is solved with the solution's weights.`,
  serve: `ovola serve
  The HTTP service (PORT, HOST, DATABASE_URL or OVOLA_DB, OVOLA_ADMIN_KEY); runs until stopped.`,
  divisions: `ovola divisions load <divisions.json> | show
  The divisions registry (ovola.divisions/v1): which county owns each village's public card.`,
  ...WORKBOOK_USAGE,
  keys: `ovola keys create --scope <admin|city:<code>|county:<code>> [--label text] | list [--json] | revoke <id>
  API keys of the service's store: made (printed once), listed, revoked (ovola keys <command> --help).`,
} as const;
type Command = keyof typeof COMMAND_USAGE;

const USAGE = `ovola — plans "one village (community), one legal adviser" (一村(社区)一法律顾问)

Usage:
${Object.values(COMMAND_USAGE)
  .map((u) => `  ${u.split('\n')[0]}${u.split('\n').slice(1).filter((l) => /^\s{4,}/.test(l)).map((l) => `\n  ${l}`).join('')}`)
  .join('\n')}
  ovola <command> --help           that command's usage

Exit codes: 0 done (uncovered villages are part of a solution), 1 violations found or the pins cannot
all hold, 2 bad input (every problem is listed on stderr with its field path).
`;

const commandUsage = (command: Command) => `Usage: ${COMMAND_USAGE[command]}\n\n${USAGE.slice(USAGE.indexOf('Exit codes'))}`;

/** `--help` / `-h`, which every command takes. */
const HELP = { help: { type: 'boolean', short: 'h', default: false } } as const;

/** Prints a command's usage on standard output: what --help does. */
function help(command: Command): number {
  process.stdout.write(commandUsage(command));
  return 0;
}

function json(value: unknown, pretty: boolean): string {
  return `${JSON.stringify(value, null, pretty ? 2 : undefined)}\n`;
}

/** Problems that are all pins breaking a hard rule: "the pins cannot all hold" (exit 1), not bad input (exit 2). */
const pinsCannotHold = (err: unknown): err is InvalidDocumentError =>
  err instanceof InvalidDocumentError && err.issues.every((i) => /^pins\[\d+\]/.test(i.path) && /^R\d/.test(i.message));

/** Pin conflicts mean "the pins cannot all hold" (exit 1); any other scenario problem is bad input (exit 2). */
function loadScenario(path: string): Scenario {
  const input = readJson(path, 'scenario');
  try {
    return parseScenario(input);
  } catch (err) {
    if (pinsCannotHold(err)) throw new InputError("the scenario's pins cannot all hold:", 1, err);
    throw err;
  }
}

/** The changes of `ovola replan --change`: a JSON array of Change (or `{"changes": [...]}`, the API's body), every problem at `changes[i]…`. */
function readChanges(path: string | undefined): Change[] {
  if (path === undefined) return [];
  const input = readJson(path, 'changes');
  const list = typeof input === 'object' && input !== null && !Array.isArray(input) && 'changes' in input ? (input as { changes: unknown }).changes : input;
  const parsed = z.array(Change).safeParse(list);
  if (!parsed.success) throw new InvalidDocumentError('changes', zodIssues(parsed.error, list).map((i) => ({ ...i, path: i.path === '(root)' ? 'changes' : `changes${i.path.startsWith('[') ? '' : '.'}${i.path}` })));
  return parsed.data;
}

function cmdGenerate(args: string[]): number {
  const { values } = parseArgs({
    args,
    options: {
      preset: { type: 'string' },
      seed: { type: 'string', default: '1' },
      baseline: { type: 'boolean', default: false },
      'no-preferences': { type: 'boolean', default: false },
      'service-mode': { type: 'string', default: 'individual' },
      out: { type: 'string' },
      divisions: { type: 'string' },
      pretty: { type: 'boolean', default: false },
      ...HELP,
    },
  });
  if (values.help) return help('generate');
  const preset = values.preset as PresetName | undefined;
  if (!preset || !PRESETS.includes(preset)) throw new InputError(`--preset: expected one of ${PRESETS.join(', ')}, got ${JSON.stringify(values.preset ?? null)}`);
  const seed = Number(values.seed);
  if (!Number.isSafeInteger(seed)) throw new InputError(`--seed: expected a whole number, got ${JSON.stringify(values.seed)}`);
  const serviceMode = values['service-mode'];
  if (serviceMode !== 'by-class' && !ServiceMode.safeParse(serviceMode).success)
    throw new InputError(`--service-mode: expected individual, team, firm-town or by-class, got ${JSON.stringify(serviceMode)}`);
  const log = new ProgressLog();
  log.phase(`generate ${preset} (seed ${seed})`);
  const scenario = generateScenario({ preset, seed, baseline: values.baseline, preferences: !values['no-preferences'], mode: serviceMode as ServiceMode | 'by-class' });
  writeText(values.out, json(scenario, values.pretty));
  if (values.divisions !== undefined) writeText(values.divisions, json(registryOf(scenario), values.pretty));
  log.done(`${scenario.villages.length} villages, ${scenario.lawyers.length} lawyers, ${scenario.firms.length} firms`);
  return 0;
}

async function cmdSolve(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      mode: { type: 'string', default: 'optimal' },
      proposing: { type: 'string', default: 'villages' },
      out: { type: 'string' },
      pretty: { type: 'boolean', default: false },
      quiet: { type: 'boolean', default: false },
      'time-limit': { type: 'string' },
      'blocking-pairs': { type: 'string' },
      ...HELP,
    },
  });
  if (values.help) return help('solve');
  if (positionals.length !== 1) throw new InputError('solve: give one scenario file (or - for standard input)');
  const pairsFile = values['blocking-pairs'];
  const pairsFormat = pairsFile === undefined ? undefined : /\.csv$/i.test(pairsFile) ? 'csv' : /\.json$/i.test(pairsFile) ? 'json' : null;
  if (pairsFormat === null) throw new InputError(`--blocking-pairs: expected a file name ending in .csv or .json, got ${JSON.stringify(pairsFile)}`);
  const timeLimitS = values['time-limit'] === undefined ? undefined : Number(values['time-limit']);
  if (timeLimitS !== undefined && !(timeLimitS > 0)) throw new InputError(`--time-limit: expected seconds > 0, got ${JSON.stringify(values['time-limit'])}`);
  if (values.mode !== 'optimal' && values.mode !== 'stable') throw new InputError(`--mode: expected optimal or stable, got ${JSON.stringify(values.mode)}`);
  if (values.proposing !== 'villages' && values.proposing !== 'lawyers') throw new InputError(`--proposing: expected villages or lawyers, got ${JSON.stringify(values.proposing)}`);
  const log = new ProgressLog(values.quiet);
  log.phase('read and check scenario');
  const scenario = loadScenario(positionals[0]);
  const solution = await solveAsync(scenario, {
    method: values.mode,
    proposing: values.proposing,
    timeLimitS,
    onProgress: (p) => log.phase(p.phase, p.fraction),
  });
  log.phase('write solution');
  writeText(values.out, json(solution, values.pretty));
  if (pairsFile !== undefined) await writeBlockingPairs(pairsFile, pairsFormat!, solution.blockingPairs);
  const m = solution.metrics;
  log.done(
    `${solution.status}: objective ${m.objective}, bound ${m.bound}, gap ${m.gap}; ${solution.assignments.length} assigned, ${solution.uncovered.length} uncovered; travel ${m.travelKm.total} km`,
  );
  // Said even when quiet: what the stable match (R5) costs in coverage against the optimum.
  if (m.stable) {
    const n = m.stable.uncoveredCoveredByOptimum;
    process.stderr.write(
      `ovola: this stable plan leaves ${solution.uncovered.length} villages uncovered, ${n} of which the optimal plan covers (metrics.stable.uncoveredCoveredByOptimum); ` +
        `gap ${m.gap} to the optimum\n`,
    );
  }
  return 0;
}

/** The header of `ovola solve --blocking-pairs file.csv`. */
export const BLOCKING_PAIRS_HEADER = ['村(社区)编号', '律师编号'];

/** A solution's blocking pairs as CSV (UTF-8 with BOM, as the service's exports) or JSON. */
async function writeBlockingPairs(path: string, format: 'csv' | 'json', pairs: readonly (readonly [string, string])[]): Promise<void> {
  if (format === 'json') return writeText(path, `${JSON.stringify(pairs)}\n`);
  // the sheet writer (and exceljs with it) is loaded only when a CSV is asked for
  const { writeCsv } = await import('../io/table.js');
  writeText(path, writeCsv(BLOCKING_PAIRS_HEADER, pairs.map((p) => [p[0], p[1]])));
}

// The validator is loaded only here: with @turf/turf it takes longer to load than the rest of the CLI.
async function cmdValidate(args: string[]): Promise<number> {
  const { calendarWarnings, validateCalendar, validateSolution } = await import('../validate/index.js');
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { holidays: { type: 'string' }, ...HELP } });
  if (values.help) return help('validate');
  if (positionals.length < 2 || positionals.length > 3) throw new InputError('validate: give a scenario, a solution and optionally a calendar');
  const scenario = parseScenario(readJson(positionals[0], 'scenario'));
  const solution = parseSolution(readJson(positionals[1], 'solution'));
  const holidays = values.holidays === undefined ? undefined : parseHolidayTable(readJson(values.holidays, 'holidays'));
  const violations = validateSolution(scenario, solution);
  const warnings: Warning[] = [];
  if (positionals[2] !== undefined) {
    const calendar = parseCalendar(readJson(positionals[2], 'calendar'));
    // loops, not push(...list): a calendar's violations can number in the hundreds of thousands
    for (const v of validateCalendar(scenario, solution, calendar, { holidays })) violations.push(v);
    for (const w of calendarWarnings(scenario, solution, calendar)) warnings.push(w);
  }
  // Warnings (what a calendar leaves undone without breaking a hard rule) never change the exit code.
  for (const w of warnings) process.stdout.write(`WARN\t${w.rule}\t${w.villageId ?? '-'}\t${w.month ?? '-'}\t${w.message}\n`);
  const warned = warnings.length > 0 ? `; ${warnings.length} warning${warnings.length === 1 ? '' : 's'} (WARN lines on stdout)` : '';
  if (violations.length === 0) {
    process.stderr.write(`${say(`valid: ${solution.assignments.length} assignments, ${solution.uncovered.length} uncovered, every hard rule holds${warned}`)}\n`);
    return 0;
  }
  for (const v of violations) process.stdout.write(`${v.rule}\t${v.message}\n`);
  process.stderr.write(`${say(`${violations.length} violation${violations.length === 1 ? '' : 's'}${warned}`)}\n`);
  return 1;
}

/** File names from ids: anything but letters, digits, `-` and `_` becomes `_`. */
const fileSafe = (id: string) => id.replace(/[^\p{L}\p{N}_-]/gu, '_');

async function cmdCalendar(args: string[]): Promise<number> {
  const { buildCalendar, calendarCsv, lawyerIcs, villageIcs, visitsByPerson } = await import('../calendar/index.js');
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      year: { type: 'string' },
      months: { type: 'string' },
      holidays: { type: 'string' },
      out: { type: 'string' },
      ics: { type: 'string' },
      csv: { type: 'string' },
      pretty: { type: 'boolean', default: false },
      quiet: { type: 'boolean', default: false },
      ...HELP,
    },
  });
  if (values.help) return help('calendar');
  if (positionals.length !== 2) throw new InputError('calendar: give a scenario and a solution');
  if (values.year === undefined || !/^\d{4}$/.test(values.year)) throw new InputError(`--year: expected a year such as 2026, got ${JSON.stringify(values.year ?? null)}`);
  const year = Number(values.year);
  const months = values.months === undefined ? undefined : values.months.split(',').map((m) => m.trim());
  const log = new ProgressLog(values.quiet);
  log.phase('read scenario, solution and holidays');
  const scenario = parseScenario(readJson(positionals[0], 'scenario'));
  const solution = parseSolution(readJson(positionals[1], 'solution'));
  const holidays = values.holidays === undefined ? undefined : parseHolidayTable(readJson(values.holidays, 'holidays'));
  let calendar;
  try {
    calendar = buildCalendar(scenario, solution, { year, months, holidays, onProgress: (p) => log.phase(p.phase, p.fraction) });
  } catch (err) {
    // Bad --year/--months/--holidays or a solution that names unknown ids: the message names the field.
    const field = /^(year|months|holidays|solution)/.exec((err as Error).message);
    if (!field) throw err;
    throw new InputError((err as Error).message.replace(/^months/, '--months').replace(/^year/, '--year').replace(/^holidays/, '--holidays'));
  }
  log.phase('write calendar');
  writeText(values.out, json(calendar, values.pretty));
  if (values.csv !== undefined) writeText(values.csv, calendarCsv(calendar, scenario));
  if (values.ics !== undefined) {
    log.phase('write .ics files');
    const dir = values.ics;
    try {
      mkdirSync(dir, { recursive: true });
    } catch (err) {
      throw new InputError(`--ics: cannot create ${dir}: ${(err as Error).message}`);
    }
    // Group once, so each file is written from its own visits rather than a scan of the whole calendar.
    const { byLawyer, byVillage } = visitsByPerson(calendar);
    for (const a of solution.assignments) if (!byVillage.has(a.villageId)) byVillage.set(a.villageId, []);
    for (const [id, visits] of byLawyer) writeText(join(dir, `lawyer-${fileSafe(id)}.ics`), lawyerIcs({ ...calendar, visits }, scenario, id));
    for (const [id, visits] of byVillage) writeText(join(dir, `village-${fileSafe(id)}.ics`), villageIcs({ ...calendar, visits }, scenario, id));
  }
  log.done(`${calendar.visits.length} visits in ${calendar.months.length} months, ${calendar.shortfalls.length} shortfalls`);
  // Said even when quiet: the days may move once the State Council publishes the year's schedule.
  if (calendar.provisional)
    process.stderr.write(`ovola: provisional calendar: no official ${year} holiday schedule is shipped; days computed from the statutory holidays; load the official table with --holidays\n`);
  return 0;
}

/** R6 on the command line: what POST /v1/solutions/:id/replan does, with replanScenario, then a solve. */
async function cmdReplan(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      change: { type: 'string' },
      scope: { type: 'string' },
      out: { type: 'string' },
      'scenario-out': { type: 'string' },
      'time-limit': { type: 'string' },
      pretty: { type: 'boolean', default: false },
      quiet: { type: 'boolean', default: false },
      ...HELP,
    },
  });
  if (values.help) return help('replan');
  if (positionals.length !== 2) throw new InputError('replan: give a scenario and the solution to re-plan from');
  const timeLimitS = values['time-limit'] === undefined ? undefined : Number(values['time-limit']);
  if (timeLimitS !== undefined && !(timeLimitS > 0)) throw new InputError(`--time-limit: expected seconds > 0, got ${JSON.stringify(values['time-limit'])}`);
  const log = new ProgressLog(values.quiet);
  log.phase('read scenario, solution and changes');
  const scenario = loadScenario(positionals[0]);
  const previous = parseSolution(readJson(positionals[1], 'solution'));
  const replan = (changes: Change[]) => {
    try {
      return replanScenario(scenario, previous, changes, values.scope);
    } catch (err) {
      if (pinsCannotHold(err)) throw new InputError("the re-plan's pins cannot all hold:", 1, err);
      if (err instanceof InvalidDocumentError) throw new InvalidDocumentError('re-plan', err.issues.map((i) => (i.path === 'scope' ? { ...i, path: '--scope' } : i)));
      throw err;
    }
  };
  let changes: Change[];
  try {
    changes = readChanges(values.change);
  } catch (err) {
    // Every problem at once: a bad --scope too, found by re-planning without the changes.
    if (!(err instanceof InvalidDocumentError)) throw err;
    const more = (() => {
      try {
        replan([]);
        return [];
      } catch (e) {
        return e instanceof InvalidDocumentError ? e.issues.filter((i) => i.path === '--scope') : [];
      }
    })();
    throw new InvalidDocumentError('re-plan', [...err.issues, ...more]);
  }
  const next = replan(changes);
  if (values['scenario-out'] !== undefined) writeText(values['scenario-out'], json(next, values.pretty));
  // As the API: the solution's weights, except where the changes set others.
  const weights = Object.assign({}, previous.weights, ...changes.flatMap((c) => (c.op === 'set-policy' && c.set.weights ? [c.set.weights] : [])));
  const solution = await solveAsync(next, { method: 'optimal', weights, timeLimitS, onProgress: (p) => log.phase(p.phase, p.fraction) });
  log.phase('write solution');
  writeText(values.out, json(solution, values.pretty));
  const m = solution.metrics;
  log.done(
    `${solution.status}: objective ${m.objective}, gap ${m.gap}; ${solution.assignments.length} assigned, ${solution.uncovered.length} uncovered; ` +
      `${m.changes.vsBaseline} moved from an adviser still on the roster, ${m.changes.vacated} vacated`,
  );
  return 0;
}

async function cmdServe(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { ...HELP } });
  if (values.help) return help('serve');
  if (positionals.length > 0) throw new InputError(`serve: takes no arguments (found ${JSON.stringify(positionals[0])}); configure it with PORT, HOST, DATABASE_URL or OVOLA_DB`);
  const { readConfig, startServer } = await import('../http/server.js');
  await startServer(readConfig());
  return new Promise<number>(() => {}); // runs until a signal closes it
}

const KEYS_USAGE: Record<'keys' | 'create' | 'list' | 'revoke', string> = {
  keys: `Usage: ovola keys <create|list|revoke> … (ovola keys <command> --help for each)

Keys live in the service's store: DATABASE_URL (PostgreSQL) or OVOLA_DB (SQLite, default var/ovola.db),
as for ovola serve. Making and revoking a key is recorded in the audit trail (GET /v1/audit).
`,
  create: `Usage: ovola keys create --scope <admin|city:<code>|county:<code>> [--label text]

Makes an API key and prints it on stdout: it is shown only this once and stored only as a hash.
  --scope   admin (everything), or city:<code> / county:<code>: the key sees and changes only that region
  --label   who holds it, e.g. the bureau, 1–200 characters (default: "created by <user> with the ovola CLI")
`,
  list: `Usage: ovola keys list [--json]

Every key, newest first, revoked ones too: id, label, scope, created, last used (to the minute), revoked.
  --json    the keys as a JSON array instead of a table
`,
  revoke: `Usage: ovola keys revoke <id>

Revokes the key with this id (ovola keys list shows them): it authenticates no request from its next one.
Revoking a revoked key is fine. An unknown id exits 2.
`,
};

/** Who runs the command, for the audit trail. */
function osUser(): string {
  try {
    return userInfo().username;
  } catch {
    return process.env.USER ?? process.env.USERNAME ?? 'unknown';
  }
}

/** Columns of text padded to their widest cell, a CJK character counting as two columns. */
function table(rows: string[][]): string {
  const width = (s: string) => [...s].reduce((n, c) => n + (/[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]|[\u{1F300}-\u{1FAFF}\u{20000}-\u{3FFFD}]/u.test(c) ? 2 : 1), 0);
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => width(r[i]))));
  return rows.map((r) => r.map((cell, i) => (i === r.length - 1 ? cell : cell + ' '.repeat(widths[i] - width(cell)))).join('  ').trimEnd() + '\n').join('');
}

/** A stored time as the table shows it: UTC to the minute. */
const shortTime = (iso: string | null) => (iso === null ? '-' : `${iso.slice(0, 10)} ${iso.slice(11, 16)}Z`);

async function cmdKeys(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === undefined || sub === '--help' || sub === '-h' || sub === 'help') {
    (sub === undefined ? process.stderr : process.stdout).write(`${commandUsage('keys')}\n${KEYS_USAGE.keys}`);
    return sub === undefined ? 2 : 0;
  }
  if (sub !== 'create' && sub !== 'list' && sub !== 'revoke') throw new InputError(`keys: unknown command ${JSON.stringify(sub)}: expected create, list or revoke`);
  let parsed;
  try {
    parsed = parseArgs({
      args: rest,
      allowPositionals: sub === 'revoke',
      options: {
        help: { type: 'boolean', short: 'h', default: false },
        ...(sub === 'create' ? { scope: { type: 'string' }, label: { type: 'string' } } : {}),
        ...(sub === 'list' ? { json: { type: 'boolean', default: false } } : {}),
      } as const,
    });
  } catch (err) {
    if ((err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) throw new InputError(`keys ${sub}: ${(err as Error).message}\n\n${KEYS_USAGE[sub]}`);
    throw err;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(KEYS_USAGE[sub]);
    return 0;
  }
  const { hashKey, newKey, parseScope, scopeText } = await import('../http/auth.js');
  const { KeyLabel } = await import('../http/routes/keys.js');

  // every argument checked before the store is opened
  let scope: Scope | undefined;
  let label = '';
  if (sub === 'create') {
    const text = values.scope as string | undefined;
    if (!text) throw new InputError('--scope: give admin, city:<code> or county:<code>');
    try {
      scope = parseScope(text);
    } catch (err) {
      throw new InputError(`--scope: ${(err as Error).message}`);
    }
    const parsed = KeyLabel.safeParse((values.label as string | undefined) ?? `created by ${osUser()} with the ovola CLI`);
    if (!parsed.success) throw new InputError(`--label: ${parsed.error.issues[0].message}`);
    label = parsed.data;
  }
  if (sub === 'revoke' && positionals.length !== 1) throw new InputError('keys revoke: give the id of one key (ovola keys list shows them)');

  const { openStore, readConfig } = await import('../http/server.js');
  const store = openStore(readConfig());
  const audit = (rec: { route: string; target: string; region?: string; status: number; detail: string }) =>
    store
      .insertAudit({ keyId: 'cli', keyLabel: `cli (${osUser()})`, scope: null, method: 'CLI', route: rec.route, target: rec.target, region: rec.region ?? null, status: rec.status, detail: rec.detail })
      .catch((err: unknown) => process.stderr.write(`ovola: warning: could not write the audit trail: ${(err as Error).message}\n`));
  try {
    await store.migrate();
    if (sub === 'create') {
      const key = newKey();
      const rec = await store.insertApiKey({ id: randomUUID(), scope: scopeText(scope!), label }, hashKey(key));
      process.stdout.write(`${key}\n`);
      process.stderr.write(`a new ${rec.scope} key, id ${rec.id}, label ${JSON.stringify(rec.label)}; it is shown only this once and stored only as a hash\n`);
      await audit({ route: 'keys create', target: rec.id, region: scope!.kind === 'admin' ? undefined : scope!.code, status: 0, detail: `created a ${rec.scope} key ${JSON.stringify(rec.label)}` });
      return 0;
    }
    if (sub === 'revoke') {
      const id = positionals[0];
      let rec;
      try {
        rec = await store.revokeApiKey(id);
      } catch (err) {
        if (!isStoreError(err, 'not_found')) throw err;
        await audit({ route: 'keys revoke', target: id, status: 2, detail: `no key ${id}` });
        throw new InputError(`no key ${id}`);
      }
      const s = parseScope(rec.scope);
      await audit({ route: 'keys revoke', target: id, region: s.kind === 'admin' ? undefined : s.code, status: 0, detail: `revoked the ${rec.scope} key ${JSON.stringify(rec.label)}` });
      process.stderr.write(`revoked key ${rec.id} (${JSON.stringify(rec.label)}, ${rec.scope}) at ${rec.revokedAt}: it authenticates no request from now on\n`);
      return 0;
    }
    const keys = [];
    for (let cursor: string | undefined, first = true; first || cursor; first = false) {
      const page = await store.listApiKeys({ limit: 500, cursor });
      keys.push(...page.items);
      cursor = page.nextCursor;
    }
    if (values.json) {
      process.stdout.write(`${JSON.stringify(keys, null, 2)}\n`);
    } else if (keys.length === 0) {
      process.stderr.write('no API keys yet: ovola keys create --scope admin makes one\n');
    } else {
      const rows = keys.map((k) => [k.id, k.label, k.scope, shortTime(k.createdAt), shortTime(k.lastUsedAt), shortTime(k.revokedAt)]);
      process.stdout.write(table([['id', 'label', 'scope', 'created', 'last used', 'revoked'], ...rows]));
    }
    return 0;
  } finally {
    await store.close();
  }
}

export function main(argv: string[], env: Record<string, string | undefined> = process.env): number | Promise<number> {
  // what the CLI says follows LANG: Chinese unless it names English
  setLanguage(langOfEnv(env));
  const [command, ...rest] = argv;
  const run = (c: Command, fn: () => number | Promise<number>): number | Promise<number> => {
    try {
      const code = fn();
      return typeof code === 'number' ? code : code.catch((err: unknown) => handle(err, c));
    } catch (err) {
      return handle(err, c);
    }
  };
  switch (command) {
    case 'generate':
      return run(command, () => cmdGenerate(rest));
    case 'solve':
      return run(command, () => cmdSolve(rest));
    case 'validate':
      return run(command, () => cmdValidate(rest));
    case 'calendar':
      return run(command, () => cmdCalendar(rest));
    case 'replan':
      return run(command, () => cmdReplan(rest));
    case 'serve':
      return run(command, () => cmdServe(rest));
    case 'divisions':
      return run(command, () => cmdDivisions(rest, `${commandUsage('divisions')}\n${DIVISIONS_USAGE}`));
    case 'keys':
      return run(command, () => cmdKeys(rest));
    case 'template':
      return run(command, () => cmdTemplate(rest, commandUsage(command)));
    case 'import':
      return run(command, () => cmdImport(rest, commandUsage(command)));
    case 'export-workbook':
      return run(command, () => cmdExportWorkbook(rest, commandUsage(command)));
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      process.stdout.write(USAGE);
      return command === undefined ? 2 : 0;
    default:
      process.stderr.write(`ovola: ${say(`unknown command ${JSON.stringify(command)}`)}\n\n${USAGE}`);
      return 2;
  }
}

/** Known failures become a message and an exit code; anything else is a bug and is thrown. A bad option shows the command's usage. */
function handle(err: unknown, command: Command): number {
  const lang = cliLanguage();
  const problems = (e: InvalidDocumentError) => formatProblems(e.what, e.issues, e.count, e.countIsLowerBound, lang);
  if (err instanceof InputError) {
    process.stderr.write(`ovola: ${say(err.message)}${err.problems ? `\n${problems(err.problems)}` : ''}\n`);
    return err.exitCode;
  }
  if (err instanceof InvalidDocumentError) {
    process.stderr.write(`ovola: ${problems(err)}\n`);
    return 2;
  }
  if (err instanceof UnsupportedModeError) {
    process.stderr.write(`ovola: ${err.message}\n`);
    return 2;
  }
  if (err instanceof Error && 'code' in err && typeof err.code === 'string' && err.code.startsWith('ERR_PARSE_ARGS')) {
    process.stderr.write(`ovola: ${err.message}\n\n${commandUsage(command)}`);
    return 2;
  }
  throw err;
}
