import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { InvalidDocumentError, parseCalendar, parseHolidayTable, parseScenario, parseSolution, type Scenario } from '../domain/index.js';
import { generateScenario, PRESETS, type PresetName } from '../gen/index.js';
import { solveAsync, UnsupportedModeError } from '../solver/solve.js';
import { ServiceMode } from '../domain/scenario.js';
import { InputError, ProgressLog, readJson, writeText } from './io.js';

const USAGE = `ovola — plans "one village (community), one legal adviser" (一村(社区)一法律顾问)

Usage:
  ovola generate --preset <${PRESETS.join('|')}> --seed <n> [--baseline] [--no-preferences]
                 [--service-mode individual|team|firm-town|by-class] [--out file]
  ovola solve <scenario.json|-> [--mode optimal|stable] [--proposing villages|lawyers] [--time-limit s]
              [--out file] [--pretty] [--quiet]
  ovola validate <scenario.json> <solution.json> [calendar.json] [--holidays table.json]
  ovola calendar <scenario.json> <solution.json> --year <yyyy> [--months 2026-03,2026-04] [--holidays table.json]
                 [--out calendar.json] [--ics dir] [--csv file] [--pretty] [--quiet]
                                   the visit calendar: JSON, one .ics per lawyer and per village, a CSV to print
  ovola serve                      the HTTP service (PORT, HOST, DATABASE_URL or OVOLA_DB, OVOLA_ADMIN_KEY)
  ovola keys create --scope <admin|city:<code>|county:<code>> [--label text]

Exit codes: 0 done (uncovered villages are part of a solution), 1 violations found or the pins cannot
all hold, 2 bad input (every problem is listed on stderr with its field path).
`;

function json(value: unknown, pretty: boolean): string {
  return `${JSON.stringify(value, null, pretty ? 2 : undefined)}\n`;
}

/** Pin conflicts mean "the pins cannot all hold" (exit 1); any other scenario problem is bad input (exit 2). */
function loadScenario(path: string): Scenario {
  const input = readJson(path, 'scenario');
  try {
    return parseScenario(input);
  } catch (err) {
    if (err instanceof InvalidDocumentError && err.issues.every((i) => /^pins\[\d+\]/.test(i.path) && /^R\d/.test(i.message))) {
      throw new InputError(`the scenario's pins cannot all hold:\n${err.message}`, 1);
    }
    throw err;
  }
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
      pretty: { type: 'boolean', default: false },
    },
  });
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
    },
  });
  if (positionals.length !== 1) throw new InputError('solve: give one scenario file (or - for standard input)');
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
  const m = solution.metrics;
  log.done(
    `${solution.status}: objective ${m.objective}, bound ${m.bound}, gap ${m.gap}; ${solution.assignments.length} assigned, ${solution.uncovered.length} uncovered; travel ${m.travelKm.total} km`,
  );
  return 0;
}

// The validator is loaded only here: with @turf/turf it takes longer to load than the rest of the CLI.
async function cmdValidate(args: string[]): Promise<number> {
  const { validateCalendar, validateSolution } = await import('../validate/index.js');
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { holidays: { type: 'string' } } });
  if (positionals.length < 2 || positionals.length > 3) throw new InputError('validate: give a scenario, a solution and optionally a calendar');
  const scenario = parseScenario(readJson(positionals[0], 'scenario'));
  const solution = parseSolution(readJson(positionals[1], 'solution'));
  const holidays = values.holidays === undefined ? undefined : parseHolidayTable(readJson(values.holidays, 'holidays'));
  const violations = validateSolution(scenario, solution);
  // a loop, not push(...list): a calendar's violations can number in the hundreds of thousands
  if (positionals[2] !== undefined) for (const v of validateCalendar(scenario, solution, parseCalendar(readJson(positionals[2], 'calendar')), { holidays })) violations.push(v);
  if (violations.length === 0) {
    process.stderr.write(`valid: ${solution.assignments.length} assignments, ${solution.uncovered.length} uncovered, every hard rule holds\n`);
    return 0;
  }
  for (const v of violations) process.stdout.write(`${v.rule}\t${v.message}\n`);
  process.stderr.write(`${violations.length} violation${violations.length === 1 ? '' : 's'}\n`);
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
    },
  });
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

async function cmdServe(): Promise<number> {
  const { readConfig, startServer } = await import('../http/server.js');
  await startServer(readConfig());
  return new Promise<number>(() => {}); // runs until a signal closes it
}

async function cmdKeys(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { scope: { type: 'string' }, label: { type: 'string', default: '' } } });
  if (positionals[0] !== 'create') throw new InputError('keys: the only subcommand is "create"');
  const { hashKey, newKey, parseScope } = await import('../http/auth.js');
  const { openStore, readConfig } = await import('../http/server.js');
  if (!values.scope) throw new InputError('--scope: give admin, city:<code> or county:<code>');
  try {
    parseScope(values.scope);
  } catch (err) {
    throw new InputError(`--scope: ${(err as Error).message}`);
  }
  const store = openStore(readConfig());
  try {
    await store.migrate();
    const key = newKey();
    await store.insertApiKey({ id: randomUUID(), scope: values.scope, label: values.label }, hashKey(key));
    process.stdout.write(`${key}\n`);
    process.stderr.write(`a new ${values.scope} key; it is shown only this once and stored only as a hash\n`);
  } finally {
    await store.close();
  }
  return 0;
}

export function main(argv: string[]): number | Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'generate':
        return cmdGenerate(rest);
      case 'solve':
        return cmdSolve(rest).catch(handleAsync);
      case 'validate':
        return cmdValidate(rest).catch(handleAsync);
      case 'calendar':
        return cmdCalendar(rest).catch(handleAsync);
      case 'serve':
        return cmdServe().catch(handleAsync);
      case 'keys':
        return cmdKeys(rest).catch(handleAsync);
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        process.stdout.write(USAGE);
        return command === undefined ? 2 : 0;
      default:
        process.stderr.write(`ovola: unknown command ${JSON.stringify(command)}\n\n${USAGE}`);
        return 2;
    }
  } catch (err) {
    return handle(err);
  }
}

const handleAsync = (err: unknown): number => handle(err);

/** Known failures become a message and an exit code; anything else is a bug and is thrown. */
function handle(err: unknown): number {
  if (err instanceof InputError) {
    process.stderr.write(`ovola: ${err.message}\n`);
    return err.exitCode;
  }
  if (err instanceof InvalidDocumentError || err instanceof UnsupportedModeError) {
    process.stderr.write(`ovola: ${err.message}\n`);
    return 2;
  }
  if (err instanceof Error && 'code' in err && typeof err.code === 'string' && err.code.startsWith('ERR_PARSE_ARGS')) {
    process.stderr.write(`ovola: ${err.message}\n\n${USAGE}`);
    return 2;
  }
  throw err;
}
