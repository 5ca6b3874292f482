/**
 * Spreadsheets in and out: CSV (csv-parse / csv-stringify) and XLSX (exceljs), as plain rows of text.
 * No I/O here: bytes in, rows out, and back. Row numbers are the ones a person sees in the sheet
 * (the first row is 1), so every message can point at a cell.
 */
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import { checkZip, ZipError } from './zip.js';

export type TableFormat = 'csv' | 'xlsx';

export const CSV_MIME = 'text/csv';
export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** One row of a sheet: its number as the sheet shows it, and its cells as trimmed text ('' when empty). */
export interface TableRow {
  row: number;
  cells: string[];
}

/** A sheet's non-empty rows, header included, in order. */
export interface Table {
  rows: TableRow[];
  /** the worksheet read (XLSX), for messages */
  sheet?: string;
}

/** A file that cannot be read as a table at all (not a cell problem), or one past a bound (413). */
export class TableReadError extends Error {
  constructor(
    message: string,
    /** the row where reading stopped, when known */
    readonly row?: number,
    /** 422: not a table; 400: refused content (a NUL); 413: beyond a bound */
    readonly status: 400 | 413 | 422 = 422,
    /** the column (as Excel's letter) of the cell to blame, when known */
    readonly column?: string,
  ) {
    super(message);
    this.name = 'TableReadError';
  }
}

/** How much of a sheet is read. */
export interface TableLimits {
  /** rows (lines of a CSV file, rows of the worksheet), header and blank ones included */
  rows: number;
  /** what an XLSX file may inflate to, all its parts together (bytes) */
  xlsxBytes: number;
  /** columns of a row (a lawyers sheet has 15 kinds) */
  columns: number;
}

/**
 * A province's villages are 26,500 rows; an XLSX of them inflates to about 9 MB, which exceljs holds as
 * some 150 MB. 32 MB keeps one import's reading under ~500 MB.
 */
export const DEFAULT_TABLE_LIMITS: TableLimits = { rows: 200_000, xlsxBytes: 32 * 1024 * 1024, columns: 1_000 };

/** Excel's letters for a 1-based column number. */
function letter(n: number): string {
  let s = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(65 + ((k - 1) % 26)) + s;
  return s;
}

const tooManyRows = (max: number) => new TableReadError(`the sheet has more than ${max} rows, the most this service reads at once; split it`, max + 1, 413);
const tooManyColumns = (max: number, row?: number) => new TableReadError(`the sheet has more than ${max} columns, the most this service reads`, row, 413);

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];
const startsWith = (data: Uint8Array, magic: number[]) => magic.every((b, i) => data[i] === b);

/** What the bytes are, whatever the label on them said: an XLSX is a zip; the old binary .xls is refused. */
export function sniffFormat(data: Uint8Array): TableFormat {
  if (startsWith(data, ZIP_MAGIC)) return 'xlsx';
  if (startsWith(data, OLE_MAGIC)) throw new TableReadError('this is an old binary Excel file (.xls); save it as .xlsx or CSV (UTF-8) and send that');
  return 'csv';
}

/** Whitespace, full-width spaces and non-breaking spaces off both ends. */
const clean = (s: string) => s.replace(/^[\s\u3000\u00a0\ufeff]+|[\s\u3000\u00a0]+$/g, '');

/**
 * Text of a CSV file: UTF-8 (with or without BOM), else GB18030 — what Excel on a Chinese Windows
 * writes when "CSV" is chosen instead of "CSV UTF-8".
 */
export function decodeText(data: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(data);
  } catch {
    return new TextDecoder('gb18030').decode(data);
  }
}

/** Reads CSV: comma-separated, RFC 4180 quoting; blank lines keep their row numbers and are left out. At most `limits.rows` rows. */
export function readCsv(data: Uint8Array | string, limits: Pick<TableLimits, 'rows' | 'columns'> = DEFAULT_TABLE_LIMITS): Table {
  const maxRows = limits.rows;
  const text = typeof data === 'string' ? data : decodeText(data);
  let records: string[][];
  try {
    // one record past the bound tells that there were more; parsing stops there
    records = parse(text, { bom: true, relax_column_count: true, skip_empty_lines: false, to: maxRows + 1 }) as string[][];
  } catch (err) {
    const lines = (err as { lines?: number }).lines;
    throw new TableReadError(`not a readable CSV file: ${(err as Error).message}`, typeof lines === 'number' ? lines : undefined);
  }
  if (records.length > maxRows) throw tooManyRows(maxRows);
  const rows: TableRow[] = [];
  records.forEach((record, i) => {
    if (record.length > limits.columns) throw tooManyColumns(limits.columns, i + 1);
    const cells = record.map(clean);
    if (cells.some((c) => c !== '')) rows.push({ row: i + 1, cells });
  });
  return refuseNul({ rows });
}

/** A NUL character is refused (400) wherever it is, naming the first cell that holds one. */
function refuseNul(table: Table): Table {
  for (const r of table.rows) {
    const k = r.cells.findIndex((c) => c.includes('\u0000'));
    if (k >= 0) throw new TableReadError(`row ${r.row}, column ${letter(k + 1)} holds a NUL character (\\u0000); text may not contain it`, r.row, 400, letter(k + 1));
  }
  return table;
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/** Excel keeps dates as days; exceljs gives them back as UTC dates. A date alone reads `YYYY-MM-DD`. */
function dateText(d: Date): string {
  const day = `${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}`;
  if (d.getUTCHours() === 0 && d.getUTCMinutes() === 0 && d.getUTCSeconds() === 0) return day;
  return `${day}T${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}:${pad2(d.getUTCSeconds())}`;
}

/** The text a person sees in a cell, whatever kind of value Excel keeps there. */
export function cellText(value: ExcelJS.CellValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return dateText(value);
  if (typeof value === 'object') {
    if ('richText' in value && Array.isArray(value.richText)) return value.richText.map((r) => r.text).join('');
    if ('formula' in value || 'sharedFormula' in value) return cellText((value as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
    if ('hyperlink' in value) return cellText((value as ExcelJS.CellHyperlinkValue).text as ExcelJS.CellValue);
    if ('error' in value) return String((value as ExcelJS.CellErrorValue).error);
  }
  return String(value);
}

const IGNORED_SHEET_PARTS = ['dataValidations', 'mergeCells', 'conditionalFormatting', 'hyperlinks'];

/** An XLSX's workbook, its archive checked first (checkZip): one that would inflate beyond `limits.xlsxBytes` is refused before exceljs opens it. */
async function loadXlsx(data: Uint8Array, limits: TableLimits): Promise<ExcelJS.Workbook> {
  try {
    checkZip(data, { uncompressedBytes: limits.xlsxBytes, entries: 10_000 });
  } catch (err) {
    if (err instanceof ZipError) throw new TableReadError(err.message, undefined, err.status);
    throw err;
  }
  const workbook = new ExcelJS.Workbook();
  try {
    // Parts of a sheet that name ranges, which exceljs expands cell by cell (a 6 kB file whose drop-down
    // list covers A1:XFD1048576 would hold it for minutes): never read, as reading needs none of them. A
    // merged range's other cells are then simply empty, which is what a merge shows.
    await workbook.xlsx.load(Buffer.from(data.buffer, data.byteOffset, data.byteLength) as unknown as ExcelJS.Buffer, { ignoreNodes: IGNORED_SHEET_PARTS });
  } catch (err) {
    throw new TableReadError(`not a readable XLSX file: ${(err as Error).message}`);
  }
  return workbook;
}

/** One worksheet's non-empty rows, within `limits`. */
function sheetTable(sheet: ExcelJS.Worksheet, limits: TableLimits): Table {
  if (sheet.rowCount > limits.rows) throw tooManyRows(limits.rows);
  if (sheet.columnCount > limits.columns) throw tooManyColumns(limits.columns);
  const rows: TableRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      // A merged cell repeats its master's value in every cell it covers: keep it only once.
      cells[col - 1] = cell.isMerged && cell.master !== cell ? '' : clean(cellText(cell.value));
    });
    for (let i = 0; i < cells.length; i++) cells[i] ??= '';
    if (cells.some((c) => c !== '')) rows.push({ row: rowNumber, cells });
  });
  return refuseNul({ rows, sheet: sheet.name });
}

/**
 * Reads the first worksheet that has any content, of at most `limits.rows` rows. The archive is checked
 * first (checkZip): one that would inflate beyond `limits.xlsxBytes` is refused before exceljs opens it.
 */
export async function readXlsx(data: Uint8Array, limits: TableLimits = DEFAULT_TABLE_LIMITS): Promise<Table> {
  const workbook = await loadXlsx(data, limits);
  const sheet = workbook.worksheets.find((ws) => ws.actualRowCount > 0);
  if (!sheet) return { rows: [] };
  return sheetTable(sheet, limits);
}

/**
 * Reads every worksheet of a workbook (each within `limits.rows`, and all of them together too), in
 * order, named. The archive is checked first, as readXlsx does.
 */
export async function readWorkbook(data: Uint8Array, limits: TableLimits = DEFAULT_TABLE_LIMITS): Promise<Table[]> {
  if (sniffFormat(data) !== 'xlsx') throw new TableReadError('not an XLSX workbook: save it from Excel or WPS as .xlsx');
  const workbook = await loadXlsx(data, limits);
  const out: Table[] = [];
  let rows = 0;
  for (const ws of workbook.worksheets) {
    rows += ws.rowCount;
    if (rows > limits.rows) throw tooManyRows(limits.rows);
    out.push(sheetTable(ws, limits));
  }
  return out;
}

/** Reads a CSV or XLSX file, telling them apart by their bytes. */
export async function readTable(data: Uint8Array, limits: TableLimits = DEFAULT_TABLE_LIMITS): Promise<Table> {
  return sniffFormat(data) === 'xlsx' ? readXlsx(data, limits) : readCsv(data, limits);
}

export type CellValue = string | number | null;

/**
 * A cell that a spreadsheet would take for a formula (`=`, `@`, or `+`/`-` followed by more than a
 * number or phone number) gets a leading apostrophe, so an exported name cannot run in Excel.
 */
function defuse(value: string): string {
  if (/^[=@\t\r]/.test(value) || /^[+-](?![\d\s().-]*$)/.test(value)) return `'${value}`;
  return value;
}

/** CSV with a UTF-8 byte-order mark (so Excel reads Chinese correctly) and CRLF line ends. */
export function writeCsv(header: string[], rows: CellValue[][]): Buffer {
  const text = stringify([header, ...rows.map((r) => r.map((c) => (typeof c === 'string' ? defuse(c) : c)))], {
    bom: true,
    record_delimiter: 'windows',
    cast: { number: (n) => String(n) },
  });
  return Buffer.from(text, 'utf8');
}

export interface XlsxSheet {
  name: string;
  header: string[];
  rows: CellValue[][];
  /** column widths in characters; one per header cell */
  widths?: number[];
}

/** One workbook: a bold, frozen header row with a filter on each sheet. */
export async function writeXlsx(sheets: XlsxSheet[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'ovola';
  workbook.created = new Date(0);
  workbook.modified = new Date(0);
  for (const s of sheets) {
    // Excel allows 31 characters and none of : \ / ? * [ ] in a sheet name.
    const ws = workbook.addWorksheet(s.name.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = s.header.map((h, i) => ({ header: h, width: s.widths?.[i] ?? Math.max(10, h.length * 2 + 2) }));
    ws.getRow(1).font = { bold: true };
    for (const r of s.rows) ws.addRow(r.map((c) => (c === null ? undefined : c)));
    if (s.header.length > 0) ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: s.header.length } };
  }
  const out = await workbook.xlsx.writeBuffer();
  return Buffer.from(out as ArrayBuffer);
}
