/**
 * `ovola template`, `ovola import` and `ovola export-workbook`: a whole scenario from one workbook (or a
 * directory of CSV files named after its sheets), the blank workbook to fill in, and a scenario as the
 * workbook. The reading is workbook.ts's: every problem at once, by sheet, row and column.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { type Divisions, parseDivisions, parseScenario } from '../domain/index.js';
import { csvTables, isWorkbookSheet, readScenarioWorkbook, readWorkbook, scenarioWorkbook, type Table, TableReadError, templateWorkbook, WORKBOOK_SHEETS } from '../io/index.js';
import { InputError, ProgressLog, readJson, say, writeBytes, writeText } from './io.js';

const SHEETS = Object.values(WORKBOOK_SHEETS).join(', ');

export const WORKBOOK_USAGE = {
  template: `ovola template [--out file.xlsx]
  The blank scenario workbook (default scenario-template.xlsx; - for standard output): sheets
  ${SHEETS}, with Chinese headers, one example row each and drop-down lists.`,
  import: `ovola import <workbook.xlsx | dir of CSVs> [--out scenario.json] [--divisions file | --store-divisions]
               [--name text] [--year yyyy] [--pretty]
  A whole scenario (ovola.scenario/v1) from a filled-in workbook, or from CSV files named after its sheets
  (律师.csv, 村(社区).csv, …). Towns come from the 镇街 sheet, else from --divisions (an ovola.divisions/v1
  file) or --store-divisions (the registry of the service's store). Every problem is listed at once.`,
  'export-workbook': `ovola export-workbook <scenario.json> [--out file.xlsx]
  A scenario as the workbook (default <scenario>.xlsx) that ovola import reads back into the same scenario
  (region boundaries are left out).`,
} as const;

const HELP = { help: { type: 'boolean', short: 'h', default: false } } as const;

function fileBytes(path: string): Buffer {
  try {
    return readFileSync(path);
  } catch (err) {
    throw new InputError(`workbook: cannot read ${path}${(err as NodeJS.ErrnoException).code ? ` (${(err as NodeJS.ErrnoException).code})` : ''}`);
  }
}

/** A TableReadError (not a workbook, a bound) as bad input. */
async function tables(path: string): Promise<Table[]> {
  let isDir = false;
  try {
    isDir = statSync(path).isDirectory();
  } catch (err) {
    throw new InputError(`workbook: cannot read ${path}${(err as NodeJS.ErrnoException).code ? ` (${(err as NodeJS.ErrnoException).code})` : ''}`);
  }
  try {
    if (!isDir) return await readWorkbook(fileBytes(path));
    const files = readdirSync(path).filter((f) => extname(f).toLowerCase() === '.csv' && isWorkbookSheet(f));
    if (files.length === 0) throw new InputError(`import: no CSV file in ${path} is named after a sheet (${SHEETS})`);
    return csvTables(files.map((f) => ({ name: f, data: fileBytes(join(path, f)) })));
  } catch (err) {
    if (err instanceof TableReadError) throw new InputError(err.message);
    throw err;
  }
}

async function storeDivisions(): Promise<Divisions | undefined> {
  const { openStore, readConfig } = await import('../http/server.js');
  const store = openStore(readConfig());
  try {
    await store.migrate();
    const record = await store.getDivisions();
    if (!record) throw new InputError('import: the store has no divisions registry (ovola divisions load <file> loads one)');
    return JSON.parse(record.body) as Divisions;
  } finally {
    await store.close();
  }
}

export async function cmdTemplate(args: string[], usage: string): Promise<number> {
  const { values } = parseArgs({ args, options: { out: { type: 'string', default: 'scenario-template.xlsx' }, ...HELP } });
  if (values.help) {
    process.stdout.write(usage);
    return 0;
  }
  writeBytes(values.out, await templateWorkbook());
  if (values.out !== '-') process.stderr.write(`${say(`wrote the workbook template to ${values.out}`)}\n`);
  return 0;
}

export async function cmdImport(args: string[], usage: string): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      out: { type: 'string' },
      divisions: { type: 'string' },
      'store-divisions': { type: 'boolean', default: false },
      name: { type: 'string' },
      year: { type: 'string' },
      pretty: { type: 'boolean', default: false },
      ...HELP,
    },
  });
  if (values.help) {
    process.stdout.write(usage);
    return 0;
  }
  if (positionals.length !== 1) throw new InputError('import: give one workbook (.xlsx) or a directory of CSV files');
  const year = values.year === undefined ? undefined : Number(values.year);
  if (year !== undefined && !(Number.isInteger(year) && year >= 2000 && year <= 2100)) throw new InputError(`--year: expected a year such as 2026, got ${JSON.stringify(values.year)}`);
  const log = new ProgressLog();
  const path = positionals[0];
  const divisions = values.divisions !== undefined ? parseDivisions(readJson(values.divisions, 'divisions')) : values['store-divisions'] ? await storeDivisions() : undefined;
  log.phase(`import ${path}`);
  const scenario = readScenarioWorkbook(await tables(path), { divisions, name: values.name ?? basename(path, extname(path)), year });
  writeText(values.out, `${JSON.stringify(scenario, null, values.pretty ? 2 : undefined)}\n`);
  log.done(`${scenario.villages.length} villages, ${scenario.lawyers.length} lawyers, ${scenario.firms.length} firms`);
  return 0;
}

export async function cmdExportWorkbook(args: string[], usage: string): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { out: { type: 'string' }, ...HELP } });
  if (values.help) {
    process.stdout.write(usage);
    return 0;
  }
  if (positionals.length !== 1) throw new InputError('export-workbook: give one scenario file');
  const scenario = parseScenario(readJson(positionals[0], 'scenario'));
  const out = values.out ?? `${positionals[0] === '-' ? 'scenario' : join(positionals[0], '..', basename(positionals[0], extname(positionals[0])))}.xlsx`;
  writeBytes(out, await scenarioWorkbook(scenario));
  if (out !== '-') process.stderr.write(`${say(`wrote ${out}: ${scenario.villages.length} villages, ${scenario.lawyers.length} lawyers, ${scenario.firms.length} firms`)}\n`);
  return 0;
}
