/**
 * Lawyer and village lists as bureaus keep them (one row each, Chinese or English headers) turned into
 * scenario entries. Every bad cell is reported at once as `row N, column <header as written>`; the
 * lists are then put into the scenario (replacing or appending) and what the scenario check finds
 * there is pointed back at the sheet too. Pure: tables in, documents and issues out.
 */
import { z } from 'zod';
import { type Firm, type Issue, IssueList, Lawyer, type Region, type Scenario, type ScenarioInput, Village, formatPath } from '../domain/index.js';
import { SPECIALTIES } from '../gen/villages.js';
import type { Table, TableRow } from './table.js';

export type ImportKind = 'lawyers' | 'villages';
export type ImportMode = 'replace' | 'append';

interface Ctx {
  firmsById: Map<string, Firm>;
  firmsByName: Map<string, Firm[]>;
  townsById: Map<string, Region>;
  townsByName: Map<string, Region[]>;
}

/** A cell read: its value, or what is wrong with it (in English, and in Chinese where known). */
export type Parsed = { value: unknown } | { error: string; zh?: string };

export interface ColumnSpec {
  key: string;
  /** accepted headers: the Chinese name first, the English one second, then other common names */
  names: string[];
  /** the row needs a value in at least one column of the same group */
  group?: string;
  help: string;
  /** the same, in Chinese (the workbook's header notes and docs) */
  helpZh?: string;
  parse: (raw: string, ctx: Ctx) => Parsed;
  /** the fixed values a clerk picks from: the workbook's drop-down list */
  choices?: readonly string[];
  /** the drop-down only suggests (a cell may hold several, or others): Excel does not refuse other text */
  suggest?: boolean;
}

export type { Ctx as ColumnContext };

// --- cell parsers ---------------------------------------------------------------------------

/** Full-width digits and signs, as typed with a Chinese input method, read as ASCII. */
export const halfWidth = (s: string) => s.replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

export const text =
  (max: number) =>
  (raw: string): Parsed =>
    raw.length > max ? { error: `at most ${max} characters`, zh: `最多 ${max} 个字符` } : { value: raw };

const WHAT_ZH: Record<string, string> = { 'a number': '数字', 'a longitude': '经度', 'a latitude': '纬度' };

export function number(min: number, max: number, integer: boolean, what = 'a number') {
  const zhWhat = integer ? '整数' : (WHAT_ZH[what] ?? what);
  return (raw: string): Parsed => {
    const s = halfWidth(raw).replace(/\s/g, '');
    if (!NUMBER.test(s)) return { error: `expected ${integer ? 'a whole number' : what}`, zh: `应为${zhWhat}` };
    const n = Number(s);
    if (integer && !Number.isInteger(n)) return { error: 'expected a whole number', zh: '应为整数' };
    if (n < min || n > max) return { error: `expected ${what === 'a number' ? 'a value' : what} from ${min} to ${max}`, zh: `应为 ${min} 到 ${max} 之间的${zhWhat}` };
    return { value: n };
  };
}

/** Chooses from fixed values; keys are compared without case and spaces. `shownZh`: the choices as a clerk reads them. */
export function oneOf(values: Record<string, string>, shown: string, shownZh = shown) {
  return (raw: string): Parsed => {
    const v = values[halfWidth(raw).replace(/\s/g, '').toLowerCase()];
    return v === undefined ? { error: `expected ${shown}`, zh: `应为${shownZh}` } : { value: v };
  };
}

/** A list in one cell: 、 between items (commas and semicolons, half- or full-width, also work). */
export const splitList = (raw: string) =>
  raw
    .split(/[、,，;；\n]/)
    .map((s) => s.trim())
    .filter((s) => s !== '');

export const list = (raw: string): Parsed => ({ value: splitList(raw) });

const YES_NO: Record<string, string> = { 是: 'y', 否: 'n', true: 'y', false: 'n', yes: 'y', no: 'n', y: 'y', n: 'n', '1': 'y', '0': 'n', '√': 'y', '×': 'n' };
export const yesNo = (raw: string): Parsed => {
  const v = YES_NO[halfWidth(raw).replace(/\s/g, '').toLowerCase()];
  return v === undefined ? { error: 'expected 是 or 否 (or yes / no)', zh: '应为“是”或“否”' } : { value: v === 'y' };
};

const ISO_DATE = z.iso.date();
const pad2 = (n: string | number) => String(n).padStart(2, '0');
/** Excel's day 0 is 1899-12-30 (counting its 1900 leap-year bug in); a serial is days since then. */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

/**
 * A date as clerks type it, as YYYY-MM-DD: `2026-05-01`, `2026/5/1`, `2026.5.1`, `2026年5月1日`, full-width
 * digits, or an Excel serial (`46143`, a date cell whose format was lost); undefined when it is none.
 */
export function clerkDate(raw: string): string | undefined {
  const s = halfWidth(raw).replace(/[\s\u3000]/g, '');
  const ymd = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(s);
  let iso: string | undefined;
  if (ymd) iso = `${ymd[1]}-${pad2(ymd[2])}-${pad2(ymd[3])}`;
  else if (/^\d{5}(\.0+)?$/.test(s)) {
    const d = new Date(EXCEL_EPOCH_MS + Math.round(Number(s)) * 86_400_000);
    iso = `${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}`;
  }
  return iso !== undefined && ISO_DATE.safeParse(iso).success ? iso : undefined;
}

export const dates = (raw: string): Parsed => {
  const items = splitList(raw);
  const read = items.map(clerkDate);
  const bad = items.filter((_, i) => read[i] === undefined);
  const shown = bad.length > 5 ? `${bad.slice(0, 5).join('、')}… (${bad.length} in all)` : bad.join('、');
  return bad.length > 0
    ? { error: `expected dates as YYYY-MM-DD, separated by 、; not a date: ${shown.slice(0, 300)}`, zh: `应为日期(如 2026-05-01、2026/5/1 或 2026年5月1日),多个日期用“、”分隔;不是日期:${shown.slice(0, 300)}` }
    : { value: read as string[] };
};

export function byName<T extends { name: string }>(items: T[]): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const it of items) {
    const list = map.get(it.name);
    if (list) list.push(it);
    else map.set(it.name, [it]);
  }
  return map;
}

const knownFirm = (raw: string, ctx: Ctx): Parsed =>
  ctx.firmsById.has(raw) ? { value: raw } : { error: 'no law firm with this id in the scenario', zh: '没有此编号的律师事务所' };

/** A firm by its name, or by its id when a clerk put the id in the name column. */
const firmByName = (raw: string, ctx: Ctx): Parsed => {
  const found = ctx.firmsByName.get(raw) ?? [];
  if (found.length === 1) return { value: found[0].id };
  if (found.length === 0) {
    if (ctx.firmsById.has(raw)) return { value: raw };
    return { error: 'no law firm of this name in the scenario', zh: '没有此名称的律师事务所' };
  }
  const ids = found.map((f) => f.id).join('、');
  return { error: `${found.length} law firms have this name (${ids}); give 律师事务所编号 (firmId)`, zh: `有 ${found.length} 家律师事务所同名(${ids}),请填写律师事务所编号` };
};

const knownTown = (raw: string, ctx: Ctx): Parsed =>
  ctx.townsById.has(raw) ? { value: raw } : { error: 'no town (镇/街道) with this id in the scenario', zh: '没有此编号的镇(街道)' };

const townByName = (raw: string, ctx: Ctx): Parsed => {
  const found = ctx.townsByName.get(raw) ?? [];
  if (found.length === 1) return { value: found[0].id };
  if (found.length === 0) {
    if (ctx.townsById.has(raw)) return { value: raw };
    return { error: 'no town (镇/街道) of this name in the scenario', zh: '没有此名称的镇(街道)' };
  }
  const ids = found.map((t) => t.id).join('、');
  return { error: `${found.length} towns have this name (${ids}); give 镇街编号 (townId)`, zh: `有 ${found.length} 个镇(街道)同名(${ids}),请填写镇街编号` };
};

export const ID = text(200);
export const LON = number(-180, 180, false, 'a longitude');
export const LAT = number(-90, 90, false, 'a latitude');

export const LAWYER_COLUMNS: ColumnSpec[] = [
  { key: 'id', names: ['编号', 'id', '律师编号', 'lawyerId'], group: 'id', help: 'the lawyer\'s id, unique', helpZh: '律师编号,不可重复', parse: ID },
  { key: 'name', names: ['姓名', 'name', '律师姓名'], group: 'name', help: 'name', helpZh: '姓名', parse: text(200) },
  { key: 'firmId', names: ['律师事务所编号', 'firmId', '律所编号'], group: 'firm', help: 'id of a firm in the scenario', helpZh: '情景中律所的编号', parse: knownFirm },
  { key: 'firm', names: ['律师事务所', 'firm', '律所', '所属律师事务所', 'firmName'], group: 'firm', help: 'or the firm\'s name, when unique in the scenario', helpZh: '或律所名称(名称唯一时)', parse: firmByName },
  {
    key: 'status',
    names: ['执业状态', 'status', '状态'],
    group: 'status',
    help: '执业 or 实习 (practicing / intern)', helpZh: '“执业”或“实习”(实习人员不能担任顾问,R2)',
    parse: oneOf(
      { 执业: 'practicing', 执业律师: 'practicing', 专职: 'practicing', 兼职: 'practicing', practicing: 'practicing', practising: 'practicing', 实习: 'intern', 实习律师: 'intern', 实习人员: 'intern', 申请律师执业实习人员: 'intern', intern: 'intern' },
      '执业 or 实习 (or practicing / intern)',
      '“执业”或“实习”',
    ),
    choices: ['执业', '实习'],
  },
  { key: 'specialties', names: ['专长', 'specialties', '专业领域', '擅长领域'], help: 'separated by 、', helpZh: '专长,用“、”分隔', parse: list, choices: SPECIALTIES, suggest: true },
  { key: 'phone', names: ['电话', 'phone', '联系电话', '手机', '手机号码'], help: 'shown on public notices', helpZh: '联系电话(公示)', parse: text(100) },
  { key: 'email', names: ['邮箱', 'email', '电子邮箱', 'e-mail'], help: 'shown on public notices', helpZh: '电子邮箱(公示)', parse: text(200) },
  { key: 'wechat', names: ['微信', 'wechat', '微信号'], help: 'shown on public notices', helpZh: '微信号(公示)', parse: text(100) },
  { key: 'maxVillages', names: ['服务上限', 'maxVillages', '最多服务村数'], help: 'a lower personal cap (R1), whole number', helpZh: '本人服务村(社区)上限(R1),整数', parse: number(0, 1000, true) },
  { key: 'monthlyHours', names: ['每月服务小时', 'monthlyHours'], help: 'hours a month the lawyer can give', helpZh: '每月可投入的服务小时', parse: number(0, 744, false) },
  { key: 'pairedAssistance', names: ['对口支援', 'pairedAssistance'], help: '是 or 否 (R7)', helpZh: '是否参加对口支援:“是”或“否”(R7)', parse: yesNo, choices: ['是', '否'] },
  { key: 'lon', names: ['经度', 'lon', 'lng', 'longitude'], help: 'service base, when not the firm\'s address (R7)', helpZh: '服务基地经度(不在律所时填,R7)', parse: LON },
  { key: 'lat', names: ['纬度', 'lat', 'latitude'], help: 'service base, with 经度', helpZh: '服务基地纬度,与经度同填', parse: LAT },
  { key: 'unavailable', names: ['不可服务日期', 'unavailable'], help: 'dates (2026-05-01, 2026/5/1, 2026年5月1日), separated by 、', helpZh: '不可服务日期(如 2026-05-01、2026/5/1、2026年5月1日),用“、”分隔', parse: dates },
];

export const VILLAGE_COLUMNS: ColumnSpec[] = [
  { key: 'id', names: ['编号', 'id', '村(社区)编号', 'villageId'], group: 'id', help: 'the village\'s id, unique', helpZh: '村(社区)编号,不可重复', parse: ID },
  { key: 'name', names: ['名称', 'name', '村(社区)', '村(社区)名称', '村名'], group: 'name', help: 'name', helpZh: '名称', parse: text(200) },
  { key: 'townId', names: ['镇街编号', 'townId', '镇(街道)编号'], group: 'town', help: 'id of a town in the scenario', helpZh: '情景中镇街的编号', parse: knownTown },
  { key: 'town', names: ['镇(街道)', 'town', '镇街', '所属镇街'], group: 'town', help: 'or the town\'s name, when unique in the scenario', helpZh: '或镇街名称(名称唯一时)', parse: townByName },
  {
    key: 'kind',
    names: ['类型', 'kind'],
    group: 'kind',
    help: '村 or 社区 (village / community)', helpZh: '“村”或“社区”',
    parse: oneOf({ 村: 'village', 行政村: 'village', village: 'village', 社区: 'community', 居委会: 'community', community: 'community' }, '村 or 社区 (or village / community)', '“村”或“社区”'),
    choices: ['村', '社区'],
  },
  { key: 'lon', names: ['经度', 'lon', 'lng', 'longitude'], group: 'lon', help: 'location', helpZh: '经度', parse: LON },
  { key: 'lat', names: ['纬度', 'lat', 'latitude'], group: 'lat', help: 'location', helpZh: '纬度', parse: LAT },
  { key: 'population', names: ['人口', 'population', '户籍人口'], help: 'whole number', helpZh: '人口,整数', parse: number(0, 100_000_000, true) },
  { key: 'needs', names: ['需求', 'needs', '法律需求'], help: 'legal fields wanted, separated by 、 (R3)', helpZh: '法律服务需求,用“、”分隔(R3)', parse: list, choices: SPECIALTIES, suggest: true },
  {
    key: 'serviceMode',
    names: ['服务模式', 'serviceMode'],
    help: '标准 or 弹性 (standard / flexible, R10)', helpZh: '“标准”或“弹性”(R10)',
    parse: oneOf({ 标准: 'standard', standard: 'standard', 弹性: 'flexible', flexible: 'flexible' }, '标准 or 弹性 (or standard / flexible)', '“标准”或“弹性”'),
    choices: ['标准', '弹性'],
  },
  { key: 'eveningSchoolPerMonth', names: ['夜校每月', 'eveningSchoolPerMonth', '法律夜校每月'], help: 'evening legal-school visits a month, 0–31 (R12)', helpZh: '每月法律夜校次数,0–31(R12)', parse: number(0, 31, true) },
  { key: 'weekendPerMonth', names: ['周末每月', 'weekendPerMonth'], help: 'weekend visits a month, 0–10 (R12)', helpZh: '每月周末服务次数,0–10(R12)', parse: number(0, 10, true) },
];

/** Columns a sheet may carry that mean nothing here: serial numbers and remarks. */
export const IGNORED = new Set(['序号', 'no', 'no.', '#', '备注', 'remark', 'remarks', 'note', 'notes']);

const COLUMNS: Record<ImportKind, ColumnSpec[]> = { lawyers: LAWYER_COLUMNS, villages: VILLAGE_COLUMNS };

/** How a header is compared: no case, no spaces, full-width brackets as ASCII, a trailing * (required mark) dropped. */
export const normalizeHeader = (h: string) =>
  halfWidth(h)
    .replace(/\s/g, '')
    .replace(/\*+$/, '')
    .replace(/^\*+/, '')
    .toLowerCase();

const LOOKUP: Record<ImportKind, Map<string, ColumnSpec>> = {
  lawyers: new Map(LAWYER_COLUMNS.flatMap((c) => c.names.map((n) => [normalizeHeader(n), c] as const))),
  villages: new Map(VILLAGE_COLUMNS.flatMap((c) => c.names.map((n) => [normalizeHeader(n), c] as const))),
};

/** The accepted columns as a Markdown list, for the API description. */
export function describeColumns(kind: ImportKind): string {
  const groups = new Map<string, string[]>();
  for (const c of COLUMNS[kind]) if (c.group) groups.set(c.group, [...(groups.get(c.group) ?? []), c.names[0]]);
  return COLUMNS[kind]
    .map((c) => {
      const need = c.group ? ((groups.get(c.group)?.length ?? 0) > 1 ? ` (required: this or ${groups.get(c.group)!.filter((n) => n !== c.names[0]).join(', ')})` : ' (required)') : '';
      return `- ${c.names[0]} / ${c.names[1]}${c.names.length > 2 ? ` (also ${c.names.slice(2).join(', ')})` : ''}: ${c.help}${need}`;
    })
    .join('\n');
}

/** Excel's letters for a 1-based column number. */
export function columnLetter(n: number): string {
  let s = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(65 + ((k - 1) % 26)) + s;
  return s;
}

/** Where a problem sits in the sheet, as the user sees it: `row 12, column 执业状态`. */
export const cellPath = (row: number, column?: string) => (column === undefined ? `row ${row}` : `row ${row}, column ${column}`);

/** A sheet read as scenario entries: the entries, the sheet row of each, and every problem found. */
export interface SheetImport {
  kind: ImportKind;
  items: Record<string, unknown>[];
  /** the sheet row each item came from */
  rows: number[];
  headerRow: number;
  /** column key → the header as written in the sheet */
  columns: Map<string, string>;
  /** the first MAX_LISTED_ISSUES problems found */
  issues: Issue[];
  /** how many problems there were in all (at least, when the reading stopped at MAX_COUNTED_ISSUES) */
  issueCount: number;
}

export interface ImportContext {
  firms: Firm[];
  regions: Region[];
  /** ids already in the scenario that the rows may not repeat (append mode) */
  existingIds?: Iterable<string>;
}

/** The header row: the first of the first ten rows with at least two known column names. */
function findHeader(table: Table, kind: ImportKind): TableRow | undefined {
  const lookup = LOOKUP[kind];
  return table.rows.slice(0, 10).find((r) => r.cells.filter((c) => lookup.has(normalizeHeader(c))).length >= 2);
}

/** Reads lawyers or villages from a table. Never throws on bad data: look at `issues`. */
export function importSheet(table: Table, kind: ImportKind, context: ImportContext): SheetImport {
  const sink = new IssueList();
  const out: SheetImport = { kind, items: [], rows: [], headerRow: 1, columns: new Map(), issues: sink.listed, issueCount: 0 };
  read(table, kind, context, out, sink);
  out.issueCount = sink.count;
  return out;
}

function read(table: Table, kind: ImportKind, context: ImportContext, out: SheetImport, sink: IssueList): void {
  const specs = COLUMNS[kind];
  if (table.rows.length === 0) {
    sink.add({ path: cellPath(1), message: `the sheet is empty; expected a header row (${specs.slice(0, 4).map((c) => c.names[0]).join(', ')}, …) and one row per ${kind === 'lawyers' ? 'lawyer' : 'village'}` });
    return;
  }
  const header = findHeader(table, kind);
  if (!header) {
    const first = table.rows[0];
    out.headerRow = first.row;
    sink.add({
      path: cellPath(first.row),
      message: `no header row found: expected columns such as ${specs.slice(0, 5).map((c) => `${c.names[0]} (${c.names[1]})`).join(', ')}`,
      value: first.cells.filter((c) => c !== '').slice(0, 10).join(', '),
    });
    return;
  }
  out.headerRow = header.row;

  // Which column of the sheet is which field.
  const byIndex: (ColumnSpec | undefined)[] = [];
  const seen = new Map<string, number>();
  const body = table.rows.filter((r) => r.row > header.row);
  // The first row with a value in each column, in one pass (a loop per column would be columns × rows).
  let width = header.cells.length;
  const firstUse = new Map<number, number>();
  for (const r of body) {
    if (r.cells.length > width) width = r.cells.length;
    for (let i = header.cells.length; i < r.cells.length; i++) if (r.cells[i] !== '' && !firstUse.has(i)) firstUse.set(i, r.row);
    for (let i = 0; i < header.cells.length && i < r.cells.length; i++) if (header.cells[i] === '' && r.cells[i] !== '' && !firstUse.has(i)) firstUse.set(i, r.row);
  }
  for (let i = 0; i < width; i++) {
    const name = header.cells[i] ?? '';
    const norm = normalizeHeader(name);
    if (norm === '') {
      const used = firstUse.get(i);
      if (used !== undefined) sink.add({ path: cellPath(header.row, columnLetter(i + 1)), message: `column ${columnLetter(i + 1)} has values (row ${used}) but no header` });
      continue;
    }
    if (IGNORED.has(norm)) continue;
    const spec = LOOKUP[kind].get(norm);
    if (!spec) {
      sink.add({ path: cellPath(header.row, name), message: `unknown column; expected ${specs.map((c) => c.names[0]).join(', ')} (or ${specs.map((c) => c.names[1]).join(', ')})` });
      continue;
    }
    const before = seen.get(spec.key);
    if (before !== undefined) {
      sink.add({ path: cellPath(header.row, name), message: `a second ${spec.names[0]} (${spec.names[1]}) column; the first is column ${columnLetter(before + 1)}` });
      continue;
    }
    seen.set(spec.key, i);
    byIndex[i] = spec;
    out.columns.set(spec.key, name);
  }
  const groups = new Map<string, ColumnSpec[]>();
  for (const c of specs) if (c.group) groups.set(c.group, [...(groups.get(c.group) ?? []), c]);
  const missingGroups = [...groups.values()].filter((cols) => !cols.some((c) => out.columns.has(c.key)));
  for (const cols of missingGroups) {
    sink.add({ path: cellPath(header.row), message: `missing column ${cols.map((c) => `${c.names[0]} (${c.names[1]})`).join(' or ')}` });
  }
  if (missingGroups.length > 0) return;

  const ctx: Ctx = {
    firmsById: new Map(context.firms.map((f) => [f.id, f])),
    firmsByName: byName(context.firms),
    townsById: new Map(context.regions.filter((r) => r.level === 'town').map((r) => [r.id, r])),
    townsByName: byName(context.regions.filter((r) => r.level === 'town')),
  };
  const existing = new Set(context.existingIds ?? []);
  const idRows = new Map<string, number>();
  const columnOf = (key: string) => out.columns.get(key);

  for (const r of body) {
    if (sink.full) return;
    const values = new Map<string, unknown>();
    const before = sink.count;
    const failed = new Set<string>();
    const bad = (key: string, message: string, value?: string) => {
      failed.add(key);
      // a cell's text is shown as found, cut at 200 characters
      sink.add({ path: cellPath(r.row, columnOf(key) ?? key), message, ...(value !== undefined ? { value: value.length > 200 ? `${value.slice(0, 200)}…` : value } : {}) });
    };
    byIndex.forEach((spec, i) => {
      const raw = spec ? (r.cells[i] ?? '') : '';
      if (!spec || raw === '') return;
      const parsed = spec.parse(raw, ctx);
      if ('error' in parsed) bad(spec.key, parsed.error, raw);
      else values.set(spec.key, parsed.value);
    });
    for (const cols of groups.values()) {
      const present = cols.filter((c) => out.columns.has(c.key));
      const filled = present.some((c) => (r.cells[seen.get(c.key)!] ?? '') !== '');
      if (!filled) bad(present[0].key, present.length > 1 ? `required: give ${present.map((c) => out.columns.get(c.key)).join(' or ')}` : 'required');
    }
    // Both halves of a point, or neither.
    if (values.has('lon') !== values.has('lat') && !failed.has('lon') && !failed.has('lat')) {
      const missing = values.has('lon') ? 'lat' : 'lon';
      bad(missing, `give both ${columnOf('lon') ?? '经度'} and ${columnOf('lat') ?? '纬度'}, or neither`);
    }
    const id = values.get('id');
    if (typeof id === 'string') {
      const first = idRows.get(id);
      if (first !== undefined) bad('id', `duplicate id: row ${first} has it too`, id);
      else if (existing.has(id)) bad('id', `the scenario already has a ${kind === 'lawyers' ? 'lawyer' : 'village'} with this id (append mode)`, id);
      else idRows.set(id, r.row);
    }
    if (sink.count > before) continue;

    const item = kind === 'lawyers' ? lawyerOf(values) : villageOf(values);
    // The domain schema has the last word on each entry; its paths are mapped back to columns.
    const check = (kind === 'lawyers' ? Lawyer : Village).safeParse(item);
    if (!check.success) {
      for (const issue of check.error.issues) {
        const key = fieldColumn(kind, issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p)));
        bad(key ?? formatPath(issue.path as PropertyKey[]), issue.message);
      }
      continue;
    }
    out.items.push(item);
    out.rows.push(r.row);
  }
}

export function lawyerOf(v: Map<string, unknown>): Record<string, unknown> {
  const contact = Object.fromEntries((['phone', 'email', 'wechat'] as const).filter((k) => v.has(k)).map((k) => [k, v.get(k)]));
  return {
    id: v.get('id'),
    name: v.get('name'),
    firmId: v.get('firmId') ?? v.get('firm'),
    status: v.get('status'),
    specialties: v.get('specialties') ?? [],
    ...(v.has('lon') ? { base: [v.get('lon'), v.get('lat')] } : {}),
    ...(v.has('maxVillages') ? { maxVillages: v.get('maxVillages') } : {}),
    ...(v.has('monthlyHours') ? { monthlyHours: v.get('monthlyHours') } : {}),
    ...(v.has('unavailable') ? { unavailable: v.get('unavailable') } : {}),
    ...(v.has('pairedAssistance') ? { pairedAssistance: v.get('pairedAssistance') } : {}),
    ...(Object.keys(contact).length > 0 ? { contact } : {}),
  };
}

export function villageOf(v: Map<string, unknown>): Record<string, unknown> {
  const wantsRequests = v.has('eveningSchoolPerMonth') || v.has('weekendPerMonth');
  return {
    id: v.get('id'),
    name: v.get('name'),
    townId: v.get('townId') ?? v.get('town'),
    kind: v.get('kind'),
    location: [v.get('lon'), v.get('lat')],
    ...(v.has('population') ? { population: v.get('population') } : {}),
    ...(v.has('needs') ? { needs: v.get('needs') } : {}),
    ...(v.has('serviceMode') ? { serviceMode: v.get('serviceMode') } : {}),
    ...(wantsRequests ? { requests: { eveningSchoolPerMonth: v.get('eveningSchoolPerMonth') ?? 0, weekendPerMonth: v.get('weekendPerMonth') ?? 0 } } : {}),
  };
}

/** The column key behind a path inside one lawyer or village (`contact.phone` → phone, `location[1]` → lat). */
export function fieldColumn(kind: ImportKind, path: (string | number)[]): string | undefined {
  const [field, sub] = path;
  if (field === undefined) return undefined;
  if (field === 'base' || field === 'location') return sub === 1 ? 'lat' : 'lon';
  if (field === 'contact' || field === 'requests') return typeof sub === 'string' ? sub : undefined;
  if (field === 'firmId') return 'firmId';
  if (field === 'townId') return 'townId';
  return COLUMNS[kind].some((c) => c.key === field) ? String(field) : undefined;
}

/** References that a replaced list left dangling in soft data, dropped and counted. */
export interface Pruned {
  preferences: number;
  baseline: number;
  travelOverrides: number;
}

/**
 * The scenario with the imported list put in: `replace` swaps the whole list, `append` adds after it.
 * A replacement drops the soft data that named a lawyer or village no longer there (preferences,
 * baseline entries of villages gone and baseline team places, travel overrides) and says how much; a
 * baseline entry whose lawyer is gone stays (its village is vacated, R6). Pins are hard and stay, so the
 * scenario check names any that lost their lawyer or village.
 */
export function applyImport(base: Scenario, imp: Pick<SheetImport, 'kind' | 'items'>, mode: ImportMode): { scenario: ScenarioInput; offset: number; pruned: Pruned } {
  const pruned: Pruned = { preferences: 0, baseline: 0, travelOverrides: 0 };
  const items = imp.items as never[];
  if (mode === 'append') {
    const offset = base[imp.kind].length;
    return { scenario: { ...base, [imp.kind]: [...base[imp.kind], ...items] }, offset, pruned };
  }
  const next: Scenario = { ...base, [imp.kind]: items };
  const lawyers = new Set(next.lawyers.map((l) => l.id));
  const villages = new Set(next.villages.map((v) => v.id));
  const firms = new Set(next.firms.map((f) => f.id));
  const keep = <T>(xs: T[] | undefined, ok: (x: T) => boolean): T[] | undefined => {
    if (!xs) return xs;
    const kept = xs.filter(ok);
    pruned.preferences += xs.length - kept.length;
    return kept;
  };
  const villagePrefs = next.preferences.villages.filter((p) => villages.has(p.villageId) || (pruned.preferences++, false));
  const lawyerPrefs = next.preferences.lawyers.filter((p) => lawyers.has(p.lawyerId) || (pruned.preferences++, false));
  const preferences = {
    villages: villagePrefs.map((p) => ({
      ...p,
      ...(p.lawyers ? { lawyers: keep(p.lawyers, (id) => lawyers.has(id)) } : {}),
      ...(p.vetoes ? { vetoes: keep(p.vetoes, (id) => lawyers.has(id) || firms.has(id)) } : {}),
    })),
    lawyers: lawyerPrefs.map((p) => ({
      ...p,
      ...(p.villages ? { villages: keep(p.villages, (id) => villages.has(id)) } : {}),
      ...(p.vetoes ? { vetoes: keep(p.vetoes, (id) => villages.has(id)) } : {}),
    })),
  };
  // A baseline entry whose lawyer is gone stays: its village is vacated (R6), which the solution counts.
  const baseline = next.baseline
    .filter((b) => villages.has(b.villageId) || (pruned.baseline++, false))
    .map((b) => {
      if (!b.team) return b;
      const team = b.team.filter((id) => lawyers.has(id));
      pruned.baseline += b.team.length - team.length;
      return { ...b, team };
    });
  const travelOverrides = next.travelOverrides.filter((o) => (villages.has(o.villageId) && lawyers.has(o.lawyerId)) || (pruned.travelOverrides++, false));
  return { scenario: { ...next, preferences, baseline, travelOverrides }, offset: 0, pruned };
}

const ITEM_PATH = /^(lawyers|villages)\[(\d+)\]((?:\.[A-Za-z]+|\[\d+\])*)$/;

/**
 * Points the scenario check's problems with imported entries back at the sheet
 * (`lawyers[3].firmId` → `row 5, column 律师事务所编号`); the rest keep their scenario paths.
 */
export function locateIssues(issues: Issue[], imp: Pick<SheetImport, 'kind' | 'rows' | 'columns'>, offset: number): Issue[] {
  return issues.map((issue) => {
    const m = ITEM_PATH.exec(issue.path);
    if (!m || m[1] !== imp.kind) return issue;
    const k = Number(m[2]) - offset;
    if (k < 0 || k >= imp.rows.length) return issue;
    const sub = [...m[3].matchAll(/\.([A-Za-z]+)|\[(\d+)\]/g)].map((x) => (x[1] !== undefined ? x[1] : Number(x[2])));
    let key = fieldColumn(imp.kind, sub);
    if (key === 'firmId' && !imp.columns.has('firmId')) key = 'firm';
    if (key === 'townId' && !imp.columns.has('townId')) key = 'town';
    const column = key === undefined ? undefined : imp.columns.get(key);
    return { ...issue, path: cellPath(imp.rows[k], column) };
  });
}
