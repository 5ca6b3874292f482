/**
 * A whole scenario as one workbook, the way a bureau's clerk keeps it: sheets 情景, 镇街, 律所, 律师,
 * 村(社区), 意向与回避, 现任顾问 (the assignment in force, `baseline`), and when a scenario has them 固定分配
 * (pins) and 路程 (travel overrides). One table of columns per sheet (the lawyers' and villages' are the
 * list imports' own, import.ts) serves the blank template, the reading and the export, so the three
 * cannot drift apart. Reading reports every problem at once, in Chinese first, as sheet, row and column:
 * `律师 表第 12 行「执业状态」:应为“执业”或“实习”` (path `律师!12!执业状态`). Pure: tables in, a scenario or its
 * problems out; a scenario in, bytes out.
 */
import ExcelJS from 'exceljs';
import {
  type Divisions,
  type Firm,
  InvalidDocumentError,
  type Issue,
  IssueList,
  type Lawyer,
  MAX_COUNTED_ISSUES,
  parseScenario,
  type Region,
  SCENARIO_SCHEMA,
  type Scenario,
  translate,
  type Village,
} from '../domain/index.js';
import {
  byName,
  type ColumnContext,
  type ColumnSpec,
  columnLetter,
  fieldColumn,
  halfWidth,
  ID,
  IGNORED,
  LAT,
  LAWYER_COLUMNS,
  lawyerOf,
  list,
  LON,
  normalizeHeader,
  number,
  oneOf,
  type Parsed,
  text,
  VILLAGE_COLUMNS,
  villageOf,
} from './import.js';
import { type CellValue, readCsv, type Table, type TableLimits, DEFAULT_TABLE_LIMITS } from './table.js';

export type SheetKey = 'scenario' | 'towns' | 'firms' | 'lawyers' | 'villages' | 'preferences' | 'baseline' | 'pins' | 'travel';

/** Rows of the template and of an export that carry the drop-down lists (past the data, for rows a clerk adds). */
const VALIDATED_ROWS = 1_000;

const LEVELS: Record<string, string> = { 镇: 'town', 街道: 'town', 镇街: 'town', '镇(街道)': 'town', town: 'town', 县: 'county', 区: 'county', 县区: 'county', '县(市、区)': 'county', county: 'county', 市: 'city', 地级市: 'city', city: 'city' };
const LEVEL_ZH: Record<Region['level'], string> = { town: '镇(街道)', county: '县(市、区)', city: '市' };
const CLASSES: Record<string, string> = { 珠三角: 'prd', prd: 'prd', 粤东西北: 'less-developed', 欠发达: 'less-developed', 'less-developed': 'less-developed' };
const CLASS_ZH = { prd: '珠三角', 'less-developed': '粤东西北' } as const;
const CRS: Record<string, string> = { wgs84: 'wgs84', 'wgs-84': 'wgs84', gps: 'wgs84', 'wgs-84(gps)': 'wgs84', gcj02: 'gcj02', 'gcj-02': 'gcj02', 高德: 'gcj02', 'gcj-02(高德、腾讯)': 'gcj02', bd09: 'bd09', 'bd-09': 'bd09', 百度: 'bd09', 'bd-09(百度)': 'bd09' };
const CRS_ZH = { wgs84: 'WGS-84(GPS)', gcj02: 'GCJ-02(高德、腾讯)', bd09: 'BD-09(百度)' } as const;
const SUBJECTS: Record<string, string> = { 村: 'village', 社区: 'village', '村(社区)': 'village', village: 'village', 律师: 'lawyer', lawyer: 'lawyer' };

/** A region (of the sheet, or of the registry) by id, or by name when that is unique. */
function regionRef(levels?: Region['level'][]) {
  return (raw: string, ctx: ColumnContext): Parsed => {
    const regions = (ctx as WorkbookContext).regions;
    const byId = regions.byId.get(raw);
    if (byId && (!levels || levels.includes(byId.level))) return { value: raw };
    const found = (regions.byName.get(raw) ?? []).filter((r) => !levels || levels.includes(r.level));
    if (found.length === 1) return { value: found[0].id };
    if (found.length > 1) {
      const ids = found.map((r) => r.id).join('、');
      return { error: `${found.length} regions have this name (${ids}); give the id`, zh: `有 ${found.length} 个地区同名(${ids}),请填写编号` };
    }
    return { error: 'no region with this id or name in 镇街 (or the divisions registry)', zh: '镇街表(或行政区划登记)中没有此编号或名称的地区' };
  };
}

const json = (raw: string): Parsed => {
  try {
    return { value: JSON.parse(raw) };
  } catch {
    return { error: 'expected JSON (as the export writes it), or leave it empty for the defaults', zh: '应为 JSON(按导出的写法),或留空使用默认值' };
  }
};

interface WorkbookContext extends ColumnContext {
  regions: { byId: Map<string, Region>; byName: Map<string, Region[]> };
}

/** One sheet: its name (and others accepted), its columns, how an entry fills a row, and the template's example row. */
interface SheetSpec<T> {
  key: SheetKey;
  name: string;
  aliases: string[];
  columns: ColumnSpec[];
  /** the template and export write this sheet even when empty */
  always: boolean;
  /** an entry's cells, by column key */
  cells: (item: T) => Record<string, CellValue | undefined>;
  example: Record<string, CellValue>;
}

const listCell = (xs: readonly string[] | undefined) => (xs && xs.length > 0 ? xs.join('、') : undefined);
const yes = (b: boolean | undefined) => (b === undefined ? undefined : b ? '是' : '否');

interface ScenarioHead {
  name: string;
  year: number;
  crs?: Scenario['crs'];
  policy: Scenario['policy'];
  notice?: Scenario['notice'];
}

const SCENARIO_SHEET: SheetSpec<ScenarioHead> = {
  key: 'scenario',
  name: '情景',
  aliases: ['scenario', '基本信息'],
  always: true,
  columns: [
    { key: 'name', names: ['名称', 'name', '情景名称'], group: 'name', help: "the scenario's name", helpZh: '情景名称', parse: text(200) },
    { key: 'year', names: ['年度', 'year'], group: 'year', help: 'the program year, e.g. 2026', helpZh: '服务年度,如 2026', parse: number(2000, 2100, true) },
    {
      key: 'crs',
      names: ['坐标系', 'crs'],
      help: 'of every 经度/纬度: WGS-84 (GPS, the default), GCJ-02 (Amap, Tencent) or BD-09 (Baidu)',
      helpZh: '所有经纬度的坐标系:WGS-84(GPS,默认)、GCJ-02(高德、腾讯)或 BD-09(百度)',
      parse: oneOf(CRS, 'WGS-84, GCJ-02 or BD-09', '“WGS-84(GPS)”“GCJ-02(高德、腾讯)”或“BD-09(百度)”'),
      choices: Object.values(CRS_ZH),
    },
    { key: 'policy', names: ['政策', 'policy', '政策参数'], help: 'the policy as JSON (empty: the defaults)', helpZh: '政策参数(JSON;留空为默认值)', parse: json },
    { key: 'serviceContent', names: ['公示服务内容', 'serviceContent'], help: 'the public notice: what the adviser does (with 投诉邮箱)', helpZh: '公示牌上的服务内容(与投诉邮箱同填)', parse: text(10_000) },
    { key: 'complaintEmail', names: ['投诉邮箱', 'complaintEmail'], help: 'the public notice: where complaints go (with 公示服务内容)', helpZh: '公示牌上的投诉邮箱(与公示服务内容同填)', parse: text(200) },
  ],
  cells: (s) => ({
    name: s.name,
    year: s.year,
    crs: s.crs === undefined ? undefined : CRS_ZH[s.crs],
    policy: JSON.stringify(s.policy),
    serviceContent: s.notice?.serviceContent,
    complaintEmail: s.notice?.complaintEmail,
  }),
  example: { name: '某区 2026 年度村(社区)法律顾问安排', year: 2026, crs: CRS_ZH.wgs84, policy: '', serviceContent: '提供法律咨询,参与矛盾纠纷化解,开展法治宣传教育。', complaintEmail: 'sfj@example.gov.cn' },
};

const TOWN_SHEET: SheetSpec<Region> = {
  key: 'towns',
  name: '镇街',
  aliases: ['towns', 'regions', '镇(街道)', '地区', '行政区划'],
  always: true,
  columns: [
    { key: 'id', names: ['编号', 'id', '镇街编号', '区划代码'], group: 'id', help: 'the region code, unique', helpZh: '行政区划代码,不可重复', parse: ID },
    { key: 'name', names: ['名称', 'name', '镇街名称'], group: 'name', help: 'name', helpZh: '名称', parse: text(200) },
    { key: 'level', names: ['级别', 'level'], help: '镇(街道) (the default), 县(市、区) or 市', helpZh: '镇(街道)(默认)、县(市、区)或市', parse: oneOf(LEVELS, '镇(街道), 县(市、区) or 市', '“镇(街道)”“县(市、区)”或“市”'), choices: Object.values(LEVEL_ZH) },
    { key: 'parentId', names: ['上级编号', 'parentId', '所属县区编号'], help: "a town's county, a county's city: a row of this sheet", helpZh: '镇街所属的县(市、区)、县所属的市,须也列在本表', parse: ID },
    { key: 'class', names: ['类别', 'class'], help: '珠三角 or 粤东西北 (cities, R7)', helpZh: '珠三角或粤东西北(市,R7)', parse: oneOf(CLASSES, '珠三角 or 粤东西北', '“珠三角”或“粤东西北”'), choices: Object.values(CLASS_ZH) },
    { key: 'lon', names: ['经度', 'lon', 'lng', 'longitude'], help: 'location', helpZh: '位置(镇街政府)', parse: LON },
    { key: 'lat', names: ['纬度', 'lat', 'latitude'], help: 'location, with 经度', helpZh: '位置,与经度同填', parse: LAT },
    { key: 'bureau', names: ['司法局', 'bureau'], help: "the justice bureau's name (with its phone and e-mail)", helpZh: '司法局(所)名称,与电话、邮箱同填', parse: text(200) },
    { key: 'phone', names: ['司法局电话', 'bureauPhone'], help: "the bureau's phone", helpZh: '司法局电话', parse: text(200) },
    { key: 'email', names: ['司法局邮箱', 'bureauEmail'], help: "the bureau's e-mail", helpZh: '司法局邮箱', parse: text(200) },
  ],
  cells: (r) => ({
    id: r.id,
    name: r.name,
    level: LEVEL_ZH[r.level],
    parentId: r.parentId,
    class: r.class === undefined ? undefined : CLASS_ZH[r.class],
    lon: r.location?.[0],
    lat: r.location?.[1],
    bureau: r.contact?.bureau,
    phone: r.contact?.phone,
    email: r.contact?.email,
  }),
  example: { id: '440104001', name: '洪桥街道', level: LEVEL_ZH.town, parentId: '', class: '', lon: 113.2644, lat: 23.1291, bureau: '', phone: '', email: '' },
};

const FIRM_SHEET: SheetSpec<Firm> = {
  key: 'firms',
  name: '律所',
  aliases: ['firms', '律师事务所'],
  always: true,
  columns: [
    { key: 'id', names: ['编号', 'id', '律所编号', '律师事务所编号'], group: 'id', help: "the firm's id, unique", helpZh: '律所编号,不可重复', parse: ID },
    { key: 'name', names: ['名称', 'name', '律师事务所', '律所名称'], group: 'name', help: 'name', helpZh: '律师事务所名称', parse: text(200) },
    { key: 'regionId', names: ['所在地区', 'regionId', '所在地区编号', '所在镇街'], group: 'region', help: 'a region of 镇街 (id, or name when unique)', helpZh: '镇街表中的地区(编号,或不重名时的名称)', parse: regionRef() },
    { key: 'lon', names: ['经度', 'lon', 'lng', 'longitude'], group: 'lon', help: 'the office', helpZh: '办公地址经度', parse: LON },
    { key: 'lat', names: ['纬度', 'lat', 'latitude'], group: 'lat', help: 'the office', helpZh: '办公地址纬度', parse: LAT },
  ],
  cells: (f) => ({ id: f.id, name: f.name, regionId: f.regionId, lon: f.location[0], lat: f.location[1] }),
  example: { id: 'F001', name: '广东某某律师事务所', regionId: '440104001', lon: 113.2668, lat: 23.1302 },
};

const LAWYER_SHEET: SheetSpec<Lawyer> = {
  key: 'lawyers',
  name: '律师',
  aliases: ['lawyers', '律师名单'],
  always: true,
  columns: LAWYER_COLUMNS,
  cells: (l) => ({
    id: l.id,
    name: l.name,
    firmId: l.firmId,
    status: l.status === 'practicing' ? '执业' : '实习',
    specialties: listCell(l.specialties),
    phone: l.contact?.phone,
    email: l.contact?.email,
    wechat: l.contact?.wechat,
    maxVillages: l.maxVillages,
    monthlyHours: l.monthlyHours,
    pairedAssistance: yes(l.pairedAssistance),
    lon: l.base?.[0],
    lat: l.base?.[1],
    unavailable: listCell(l.unavailable),
  }),
  example: { id: 'L001', name: '张三', firmId: '', firm: '广东某某律师事务所', status: '执业', specialties: '婚姻家事、土地承包', phone: '13800000000', email: '', wechat: '', maxVillages: 5, monthlyHours: '', pairedAssistance: '否', lon: '', lat: '', unavailable: '2026年5月1日、2026/10/1' },
};

const VILLAGE_SHEET: SheetSpec<Village> = {
  key: 'villages',
  name: '村(社区)',
  aliases: ['villages', '村社区', '村', '社区'],
  always: true,
  columns: VILLAGE_COLUMNS,
  cells: (v) => ({
    id: v.id,
    name: v.name,
    townId: v.townId,
    kind: v.kind === 'village' ? '村' : '社区',
    lon: v.location[0],
    lat: v.location[1],
    population: v.population,
    needs: v.needs === undefined ? undefined : listCell(v.needs),
    serviceMode: v.serviceMode === undefined ? undefined : v.serviceMode === 'standard' ? '标准' : '弹性',
    eveningSchoolPerMonth: v.requests?.eveningSchoolPerMonth,
    weekendPerMonth: v.requests?.weekendPerMonth,
  }),
  example: { id: '440104001001', name: '洪桥社区', townId: '', town: '洪桥街道', kind: '社区', lon: 113.2651, lat: 23.1317, population: 8000, needs: '婚姻家事', serviceMode: '标准', eveningSchoolPerMonth: 1, weekendPerMonth: '' },
};

interface PreferenceRow {
  subject: 'village' | 'lawyer';
  id: string;
  lawyers?: string[];
  firms?: string[];
  villages?: string[];
  vetoes?: string[];
}

const PREFERENCE_SHEET: SheetSpec<PreferenceRow> = {
  key: 'preferences',
  name: '意向与回避',
  aliases: ['preferences', '意向', '双向选择'],
  always: true,
  columns: [
    { key: 'subject', names: ['类型', 'subject', '主体'], group: 'subject', help: 'whose choice: 村(社区) or 律师', helpZh: '谁的意向:村(社区)或律师', parse: oneOf(SUBJECTS, '村(社区) or 律师', '“村(社区)”或“律师”'), choices: ['村(社区)', '律师'] },
    { key: 'id', names: ['编号', 'id'], group: 'id', help: "the village's or lawyer's id", helpZh: '村(社区)或律师的编号', parse: ID },
    { key: 'lawyers', names: ['意向律师', 'lawyers'], help: "a village's lawyers, best first (ids, separated by 、)", helpZh: '村(社区)意向的律师,靠前者优先(编号,用“、”分隔)', parse: list },
    { key: 'firms', names: ['意向律所', 'firms'], help: "a village's firms, best first, after 意向律师", helpZh: '村(社区)意向的律所,排在意向律师之后', parse: list },
    { key: 'villages', names: ['意向村(社区)', 'villages', '意向村'], help: "a lawyer's villages, best first", helpZh: '律师意向的村(社区),靠前者优先', parse: list },
    { key: 'vetoes', names: ['回避', 'vetoes'], help: 'refused outright (a village: lawyers or firms; a lawyer: villages)', helpZh: '必须回避的对象(村:律师或律所;律师:村(社区))', parse: list },
  ],
  cells: (p) => ({ subject: p.subject === 'village' ? '村(社区)' : '律师', id: p.id, lawyers: listCell(p.lawyers), firms: listCell(p.firms), villages: listCell(p.villages), vetoes: listCell(p.vetoes) }),
  example: { subject: '村(社区)', id: '440104001001', lawyers: 'L001', firms: '', villages: '', vetoes: '' },
};

type BaselineEntry = Scenario['baseline'][number];
const BASELINE_SHEET: SheetSpec<BaselineEntry> = {
  key: 'baseline',
  name: '现任顾问',
  aliases: ['baseline', '现任', '在任顾问'],
  always: true,
  columns: [
    { key: 'villageId', names: ['村(社区)编号', 'villageId'], group: 'village', help: 'the village', helpZh: '村(社区)编号', parse: ID },
    { key: 'lawyerId', names: ['律师编号', 'lawyerId'], group: 'lawyer', help: 'its adviser in force (R6)', helpZh: '现任法律顾问的律师编号(R6)', parse: ID },
    { key: 'team', names: ['团队成员', 'team'], help: 'other members of a team (R3), separated by 、', helpZh: '团队的其他成员(R3),用“、”分隔', parse: list },
  ],
  cells: (b) => ({ villageId: b.villageId, lawyerId: b.lawyerId, team: b.team === undefined ? undefined : listCell(b.team) }),
  example: { villageId: '440104001001', lawyerId: 'L001', team: '' },
};

type Pin = Scenario['pins'][number];
const PIN_SHEET: SheetSpec<Pin> = {
  key: 'pins',
  name: '固定分配',
  aliases: ['pins'],
  always: false,
  columns: [
    { key: 'villageId', names: ['村(社区)编号', 'villageId'], group: 'village', help: 'the village', helpZh: '村(社区)编号', parse: ID },
    { key: 'lawyerId', names: ['律师编号', 'lawyerId'], group: 'lawyer', help: 'the adviser it must keep', helpZh: '必须担任其顾问的律师编号', parse: ID },
  ],
  cells: (p) => ({ villageId: p.villageId, lawyerId: p.lawyerId }),
  example: { villageId: '440104001001', lawyerId: 'L001' },
};

type TravelOverride = Scenario['travelOverrides'][number];
const TRAVEL_SHEET: SheetSpec<TravelOverride> = {
  key: 'travel',
  name: '路程',
  aliases: ['travel', 'travelOverrides'],
  always: false,
  columns: [
    { key: 'lawyerId', names: ['律师编号', 'lawyerId'], group: 'lawyer', help: 'the lawyer', helpZh: '律师编号', parse: ID },
    { key: 'villageId', names: ['村(社区)编号', 'villageId'], group: 'village', help: 'the village', helpZh: '村(社区)编号', parse: ID },
    { key: 'km', names: ['公里', 'km'], group: 'km', help: 'road km, base to village', helpZh: '道路里程(公里)', parse: number(0, 100_000, false) },
    { key: 'minutes', names: ['分钟', 'minutes'], help: 'travel time', helpZh: '路上时间(分钟)', parse: number(0, 100_000, false) },
  ],
  cells: (o) => ({ lawyerId: o.lawyerId, villageId: o.villageId, km: o.km, minutes: o.minutes }),
  example: { lawyerId: 'L001', villageId: '440104001001', km: 3.2, minutes: 12 },
};

/** The sheets, in the workbook's order. */
const SHEETS = [SCENARIO_SHEET, TOWN_SHEET, FIRM_SHEET, LAWYER_SHEET, VILLAGE_SHEET, PREFERENCE_SHEET, BASELINE_SHEET, PIN_SHEET, TRAVEL_SHEET] as const;
type AnySheet = SheetSpec<never>;

/** The sheets' names, as the workbook shows them. */
export const WORKBOOK_SHEETS: Readonly<Record<SheetKey, string>> = Object.fromEntries(SHEETS.map((s) => [s.key, s.name])) as Record<SheetKey, string>;

/** How a sheet's name is compared: no spaces or case, full-width brackets as ASCII. */
const normalizeSheet = (s: string) => halfWidth(s).replace(/\s/g, '').toLowerCase();
const SHEET_LOOKUP = new Map<string, AnySheet>(SHEETS.flatMap((s) => [s.name, ...s.aliases].map((n) => [normalizeSheet(n), s as unknown as AnySheet] as const)));

// --- writing ------------------------------------------------------------------------------

/** The sheets of a workbook: headers, rows, drop-down lists, a note on each header cell. */
async function writeSheets(sheets: { spec: AnySheet; rows: Record<string, CellValue | undefined>[] }[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'ovola';
  workbook.created = new Date(0);
  workbook.modified = new Date(0);
  for (const { spec, rows } of sheets) {
    const ws = workbook.addWorksheet(spec.name, { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = spec.columns.map((c) => ({ header: c.names[0], key: c.key, width: Math.max(12, c.names[0].length * 2 + 4), style: { numFmt: '@' } }));
    const header = ws.getRow(1);
    header.font = { bold: true };
    spec.columns.forEach((c, i) => {
      const required = c.group !== undefined;
      header.getCell(i + 1).note = `${required ? '(必填) ' : ''}${c.helpZh ?? c.help}`;
    });
    for (const r of rows) ws.addRow(spec.columns.map((c) => r[c.key] ?? null));
    const last = Math.max(rows.length + 1, VALIDATED_ROWS);
    spec.columns.forEach((c, i) => {
      if (!c.choices) return;
      const col = columnLetter(i + 1);
      // exceljs keeps a range's validation as one (its typings leave `dataValidations` out)
      (ws as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }).dataValidations.add(`${col}2:${col}${last}`, {
        type: 'list',
        allowBlank: true,
        formulae: [`"${c.choices.join(',')}"`],
        // a suggestion list takes other text too (several specialties in one cell)
        showErrorMessage: !c.suggest,
        errorTitle: c.names[0],
        error: `请从列表中选择:${c.choices.join('、')}`,
      });
    });
  }
  const out = await workbook.xlsx.writeBuffer();
  return Buffer.from(out as ArrayBuffer);
}

/** The blank workbook a clerk fills in: every sheet with its headers, one example row and the drop-down lists. */
export function templateWorkbook(): Promise<Buffer> {
  return writeSheets(SHEETS.filter((s) => s.always).map((s) => ({ spec: s as unknown as AnySheet, rows: [s.example] })));
}

/** The preferences as rows: the villages' first, then the lawyers'. */
function preferenceRows(s: Scenario): PreferenceRow[] {
  return [
    ...s.preferences.villages.map((p): PreferenceRow => ({ subject: 'village', id: p.villageId, lawyers: p.lawyers, firms: p.firms, vetoes: p.vetoes })),
    ...s.preferences.lawyers.map((p): PreferenceRow => ({ subject: 'lawyer', id: p.lawyerId, villages: p.villages, vetoes: p.vetoes })),
  ];
}

/**
 * A scenario as the workbook (what `readScenarioWorkbook` reads back into the same scenario). Regions'
 * boundaries have no place in it and are left out; everything else is kept.
 */
export function scenarioWorkbook(s: Scenario): Promise<Buffer> {
  const items: Record<SheetKey, unknown[]> = {
    scenario: [s],
    towns: s.regions,
    firms: s.firms,
    lawyers: s.lawyers,
    villages: s.villages,
    preferences: preferenceRows(s),
    baseline: s.baseline,
    pins: s.pins,
    travel: s.travelOverrides,
  };
  return writeSheets(
    SHEETS.filter((spec) => spec.always || items[spec.key].length > 0).map((spec) => ({
      spec: spec as unknown as AnySheet,
      rows: items[spec.key].map((x) => (spec as unknown as SheetSpec<unknown>).cells(x)),
    })),
  );
}

// --- reading ------------------------------------------------------------------------------

/** Where a problem sits: `律师!12!执业状态` for programs, and the sentences for people. */
function at(sheet: string, row?: number, column?: string): { path: string; en: string; zh: string } {
  if (row === undefined) return { path: sheet, en: `sheet ${sheet}`, zh: `${sheet} 表` };
  if (column === undefined) return { path: `${sheet}!${row}`, en: `sheet ${sheet}, row ${row}`, zh: `${sheet} 表第 ${row} 行` };
  return { path: `${sheet}!${row}!${column}`, en: `sheet ${sheet}, row ${row}, column ${column}`, zh: `${sheet} 表第 ${row} 行「${column}」` };
}

/** An issue at a place of the workbook: `律师 表第 12 行「执业状态」:应为…`. */
function cellIssue(where: { path: string; en: string; zh: string }, en: string, zh: string | undefined, code: string, value?: string): Issue {
  return {
    path: where.path,
    message: `${where.en}: ${en}`,
    zh: `${where.zh}:${zh ?? translate(en).zh ?? en}`,
    code,
    ...(value !== undefined ? { value: value.length > 200 ? `${value.slice(0, 200)}…` : value } : {}),
  };
}

/** One sheet read: each row's values by column key, the row numbers, and the header text of each column used. */
interface ReadSheet {
  name: string;
  rows: { row: number; values: Map<string, unknown> }[];
  columns: Map<string, string>;
}

/** Reads one sheet's rows against its columns; every problem goes to `sink`. */
function readSheet(table: Table, spec: AnySheet, ctx: WorkbookContext, sink: IssueList): ReadSheet {
  const out: ReadSheet = { name: table.sheet ?? spec.name, rows: [], columns: new Map() };
  const sheet = out.name;
  const lookup = new Map(spec.columns.flatMap((c) => c.names.map((n) => [normalizeHeader(n), c] as const)));
  const header = table.rows.slice(0, 10).find((r) => r.cells.filter((c) => lookup.has(normalizeHeader(c))).length >= Math.min(2, spec.columns.length));
  if (!header) {
    if (table.rows.length === 0) return out; // an empty sheet: no entries of this kind
    sink.add(cellIssue(at(sheet, table.rows[0].row), `no header row found: expected columns such as ${spec.columns.slice(0, 4).map((c) => c.names[0]).join(', ')}`, `找不到表头行:应有 ${spec.columns.slice(0, 4).map((c) => c.names[0]).join('、')} 等列`, 'no_header'));
    return out;
  }
  const byIndex: (ColumnSpec | undefined)[] = [];
  header.cells.forEach((name, i) => {
    const norm = normalizeHeader(name);
    if (norm === '' || IGNORED.has(norm)) return;
    const c = lookup.get(norm);
    if (!c) {
      sink.add(cellIssue(at(sheet, header.row, name), `unknown column; expected ${spec.columns.map((x) => x.names[0]).join(', ')}`, `未知的列;应为 ${spec.columns.map((x) => x.names[0]).join('、')}`, 'unknown_column'));
      return;
    }
    if (out.columns.has(c.key)) {
      sink.add(cellIssue(at(sheet, header.row, name), `a second ${c.names[0]} column`, `「${c.names[0]}」列重复`, 'duplicate_column'));
      return;
    }
    out.columns.set(c.key, name);
    byIndex[i] = c;
  });
  const groups = new Map<string, ColumnSpec[]>();
  for (const c of spec.columns) if (c.group) groups.set(c.group, [...(groups.get(c.group) ?? []), c]);
  let missing = false;
  for (const cols of groups.values()) {
    if (cols.some((c) => out.columns.has(c.key))) continue;
    missing = true;
    const names = cols.map((c) => c.names[0]);
    sink.add(cellIssue(at(sheet, header.row), `missing column ${names.join(' or ')}`, `缺少「${names.join('」或「')}」列`, 'missing_column'));
  }
  if (missing) return out;
  for (const r of table.rows) {
    if (r.row <= header.row) continue;
    if (sink.full) break;
    const values = new Map<string, unknown>();
    let ok = true;
    byIndex.forEach((c, i) => {
      const raw = c ? (r.cells[i] ?? '') : '';
      if (!c || raw === '') return;
      const parsed = c.parse(raw, ctx);
      if ('error' in parsed) {
        ok = false;
        sink.add(() => cellIssue(at(sheet, r.row, out.columns.get(c.key)), parsed.error, parsed.zh, 'invalid_cell', raw));
      } else values.set(c.key, parsed.value);
    });
    for (const cols of groups.values()) {
      const present = cols.filter((c) => out.columns.has(c.key));
      if (present.some((c) => values.has(c.key) || (r.cells[byIndex.indexOf(c)] ?? '') !== '')) continue;
      ok = false;
      const names = present.map((c) => out.columns.get(c.key)!);
      sink.add(cellIssue(at(sheet, r.row, names[0]), names.length > 1 ? `required: give ${names.join(' or ')}` : 'required', names.length > 1 ? `必填:请填写「${names.join('」或「')}」` : '必填', 'required'));
    }
    if (values.has('lon') !== values.has('lat') && ok) {
      ok = false;
      const missingKey = values.has('lon') ? 'lat' : 'lon';
      sink.add(cellIssue(at(sheet, r.row, out.columns.get(missingKey) ?? (missingKey === 'lon' ? '经度' : '纬度')), 'give both 经度 and 纬度, or neither', '经度和纬度须同时填写或同时留空', 'required'));
    }
    if (ok) out.rows.push({ row: r.row, values });
  }
  return out;
}

export interface WorkbookOptions {
  /** towns (and their counties and cities) when the workbook has no 镇街 rows */
  divisions?: Divisions;
  /** the scenario's name when the workbook has no 情景 sheet */
  name?: string;
  /** the year when the workbook has no 情景 sheet (this year by default) */
  year?: number;
}

/** Where each scenario collection's entries came from, for pointing the scenario check's problems back. */
interface Origin {
  sheet: ReadSheet;
  /** entry index → sheet row */
  rows: number[];
}

const PATH = /^([A-Za-z]+(?:\.[A-Za-z]+)?)\[(\d+)\]((?:\.[A-Za-z]+|\[\d+\])*)$/;

/** The column key behind a field of an entry of `collection`. */
function columnKeyOf(collection: string, sub: (string | number)[]): string | undefined {
  const [field, second] = sub;
  if (field === undefined) return undefined;
  if (collection === 'lawyers' || collection === 'villages') return fieldColumn(collection, sub);
  if (field === 'location') return second === 1 ? 'lat' : 'lon';
  if (field === 'contact') return typeof second === 'string' ? second : undefined;
  if (collection === 'preferences.villages' || collection === 'preferences.lawyers') return field === 'villageId' || field === 'lawyerId' ? 'id' : String(field);
  return String(field);
}

/** The scenario check's problems, pointed at the sheet, row and column they came from where they have one. */
function locate(issues: Issue[], origins: Map<string, Origin>, head: Origin | undefined): Issue[] {
  return issues.map((issue) => {
    const zhOf = issue.zh ?? translate(issue.message).zh;
    const code = issue.code ?? translate(issue.message).code ?? 'invalid';
    const top = /^(name|year|crs|policy|notice)\b/.exec(issue.path);
    if (top && head) {
      const key = top[1] === 'notice' ? (issue.path.includes('complaintEmail') ? 'complaintEmail' : 'serviceContent') : top[1];
      const column = head.sheet.columns.get(key) ?? SCENARIO_SHEET.columns.find((c) => c.key === key)?.names[0];
      const where = top[1] === 'policy' ? `${issue.path}: ` : '';
      return { ...cellIssue(at(head.sheet.name, head.rows[0], column), `${where}${issue.message}`, `${where}${zhOf ?? issue.message}`, code), ...(issue.value !== undefined ? { value: issue.value } : {}) };
    }
    const m = PATH.exec(issue.path);
    const origin = m ? origins.get(m[1]) : undefined;
    if (!m || !origin) return { ...issue, code, ...(zhOf ? { zh: zhOf } : {}) };
    const k = Number(m[2]);
    const sub = [...m[3].matchAll(/\.([A-Za-z]+)|\[(\d+)\]/g)].map((x) => (x[1] !== undefined ? x[1] : Number(x[2])));
    let key = columnKeyOf(m[1], sub);
    if (key === 'firmId' && !origin.sheet.columns.has('firmId')) key = 'firm';
    if (key === 'townId' && !origin.sheet.columns.has('townId')) key = 'town';
    const column = key === undefined ? undefined : origin.sheet.columns.get(key);
    return { ...cellIssue(at(origin.sheet.name, origin.rows[k], column), issue.message, zhOf, code), ...(issue.value !== undefined ? { value: issue.value } : {}) };
  });
}

/** The tables of a workbook by sheet: each known sheet once; unknown sheets (说明, notes) are left alone. */
function sheetsOf(tables: Table[], sink: IssueList): Map<SheetKey, Table> {
  const out = new Map<SheetKey, Table>();
  for (const t of tables) {
    const spec = SHEET_LOOKUP.get(normalizeSheet(t.sheet ?? ''));
    if (!spec) continue;
    if (out.has(spec.key)) {
      sink.add(cellIssue(at(t.sheet ?? spec.name), `a second ${spec.name} sheet (the first is ${out.get(spec.key)!.sheet})`, `重复的「${spec.name}」表(第一个是「${out.get(spec.key)!.sheet}」)`, 'duplicate_sheet'));
      continue;
    }
    out.set(spec.key, t);
  }
  return out;
}

const regionIndex = (regions: Region[]) => ({ byId: new Map(regions.map((r) => [r.id, r])), byName: byName(regions) });

/** The registry's regions that `used` needs: those regions and their parents up to the city, without boundaries. */
function registryRegions(d: Divisions, used: Set<string>): Region[] {
  const byId = new Map(d.regions.map((r) => [r.id, r]));
  const keep = new Set<string>();
  for (const id of used) {
    for (let cur = byId.get(id), n = 0; cur && !keep.has(cur.id) && n < 10; cur = cur.parentId === undefined ? undefined : byId.get(cur.parentId), n++) keep.add(cur.id);
  }
  return d.regions
    .filter((r) => keep.has(r.id))
    .map((r) => ({ id: r.id, name: r.name, level: r.level, ...(r.parentId === undefined ? {} : { parentId: r.parentId }), ...(r.location === undefined ? {} : { location: r.location }) }));
}

/**
 * A scenario from a workbook's sheets (readWorkbook's tables, or CSV files named after the sheets):
 * every problem at once as sheet, row and column (InvalidDocumentError of `workbook`), the scenario's
 * own check included and pointed back at the cells. Towns come from the 镇街 sheet, else from
 * `options.divisions`.
 */
export function readScenarioWorkbook(tables: Table[], options: WorkbookOptions = {}): Scenario {
  const sink = new IssueList();
  const sheets = sheetsOf(tables, sink);
  const registry = options.divisions ? regionIndex(options.divisions.regions.map((r) => ({ id: r.id, name: r.name, level: r.level, ...(r.parentId === undefined ? {} : { parentId: r.parentId }) }))) : undefined;
  const ctx: WorkbookContext = {
    firmsById: new Map(),
    firmsByName: new Map(),
    townsById: new Map(),
    townsByName: new Map(),
    regions: { byId: new Map(), byName: new Map() },
  };
  const read = (key: SheetKey): ReadSheet | undefined => {
    const table = sheets.get(key);
    const spec = SHEETS.find((s) => s.key === key)! as unknown as AnySheet;
    return table ? readSheet(table, spec, ctx, sink) : undefined;
  };
  const origins = new Map<string, Origin>();
  const origin = (collection: string, sheet: ReadSheet, rows: number[]) => origins.set(collection, { sheet, rows });

  for (const key of ['lawyers', 'villages'] as const) {
    if (!sheets.has(key)) sink.add(cellIssue(at(WORKBOOK_SHEETS[key]), `missing sheet ${WORKBOOK_SHEETS[key]}`, `缺少「${WORKBOOK_SHEETS[key]}」表`, 'missing_sheet'));
  }

  // 情景: one row
  const headSheet = read('scenario');
  const headRow = headSheet?.rows[0];
  if (headSheet && headSheet.rows.length > 1) sink.add(cellIssue(at(headSheet.name, headSheet.rows[1].row), 'the sheet takes one row: the scenario', '本表只填一行(情景本身)', 'extra_row'));
  const hv = headRow?.values ?? new Map<string, unknown>();
  const head = headSheet && headRow ? { sheet: headSheet, rows: [headRow.row] } : undefined;

  // 镇街, else the registry
  const townSheet = read('towns');
  let regions: Region[] = [];
  const fromSheet = townSheet !== undefined && townSheet.rows.length > 0;
  if (fromSheet) {
    regions = townSheet.rows.map(({ values: v }) => {
      const contact = v.has('bureau') || v.has('phone') || v.has('email') ? { contact: { bureau: v.get('bureau'), phone: v.get('phone'), email: v.get('email') } } : {};
      return {
        id: v.get('id'),
        name: v.get('name'),
        level: v.get('level') ?? 'town',
        ...(v.has('parentId') ? { parentId: v.get('parentId') } : {}),
        ...(v.has('class') ? { class: v.get('class') } : {}),
        ...(v.has('lon') ? { location: [v.get('lon'), v.get('lat')] } : {}),
        ...contact,
      } as Region;
    });
    origin('regions', townSheet, townSheet.rows.map((r) => r.row));
  } else if (!registry && sheets.has('villages')) {
    sink.add(cellIssue(at(WORKBOOK_SHEETS.towns), 'no towns: fill in the 镇街 sheet, or load a divisions registry to take them from', '没有镇街:请填写「镇街」表,或载入行政区划登记以从中读取', 'missing_sheet'));
  }
  const regionLookup = fromSheet ? regionIndex(regions) : (registry ?? regionIndex([]));
  ctx.regions = regionLookup;
  const towns = [...regionLookup.byId.values()].filter((r) => r.level === 'town');
  ctx.townsById = new Map(towns.map((t) => [t.id, t]));
  ctx.townsByName = byName(towns);

  // 律所
  const firmSheet = read('firms');
  const firms: Firm[] = (firmSheet?.rows ?? []).map(({ values: v }) => ({ id: v.get('id'), name: v.get('name'), regionId: v.get('regionId'), location: [v.get('lon'), v.get('lat')] }) as Firm);
  if (firmSheet) origin('firms', firmSheet, firmSheet.rows.map((r) => r.row));
  ctx.firmsById = new Map(firms.map((f) => [f.id, f]));
  ctx.firmsByName = byName(firms);

  // 律师, 村(社区)
  const lawyerSheet = read('lawyers');
  const lawyers = (lawyerSheet?.rows ?? []).map((r) => lawyerOf(r.values));
  if (lawyerSheet) origin('lawyers', lawyerSheet, lawyerSheet.rows.map((r) => r.row));
  const villageSheet = read('villages');
  const villages = (villageSheet?.rows ?? []).map((r) => villageOf(r.values));
  if (villageSheet) origin('villages', villageSheet, villageSheet.rows.map((r) => r.row));

  // 意向与回避
  const prefSheet = read('preferences');
  const villagePrefs: Record<string, unknown>[] = [];
  const lawyerPrefs: Record<string, unknown>[] = [];
  const villagePrefRows: number[] = [];
  const lawyerPrefRows: number[] = [];
  for (const { row, values: v } of prefSheet?.rows ?? []) {
    const pick = (keys: string[]) => Object.fromEntries(keys.filter((k) => v.has(k)).map((k) => [k, v.get(k)]));
    if (v.get('subject') === 'village') {
      if (v.has('villages')) sink.add(cellIssue(at(prefSheet!.name, row, prefSheet!.columns.get('villages')), 'a village ranks lawyers and firms, not villages', '村(社区)的意向应填律师或律所,不填村(社区)', 'invalid_cell'));
      villagePrefs.push({ villageId: v.get('id'), ...pick(['lawyers', 'firms', 'vetoes']) });
      villagePrefRows.push(row);
    } else {
      for (const k of ['lawyers', 'firms'] as const)
        if (v.has(k)) sink.add(cellIssue(at(prefSheet!.name, row, prefSheet!.columns.get(k)), 'a lawyer ranks villages, not lawyers or firms', '律师的意向应填村(社区),不填律师或律所', 'invalid_cell'));
      lawyerPrefs.push({ lawyerId: v.get('id'), ...pick(['villages', 'vetoes']) });
      lawyerPrefRows.push(row);
    }
  }
  if (prefSheet) {
    origin('preferences.villages', prefSheet, villagePrefRows);
    origin('preferences.lawyers', prefSheet, lawyerPrefRows);
  }

  // 现任顾问, 固定分配, 路程
  const pairs = (key: 'baseline' | 'pins' | 'travel', collection: string, make: (v: Map<string, unknown>) => Record<string, unknown>) => {
    const s = read(key);
    if (!s) return [];
    origin(collection, s, s.rows.map((r) => r.row));
    return s.rows.map((r) => make(r.values));
  };
  const baseline = pairs('baseline', 'baseline', (v) => ({ villageId: v.get('villageId'), lawyerId: v.get('lawyerId'), ...(v.has('team') ? { team: v.get('team') } : {}) }));
  const pins = pairs('pins', 'pins', (v) => ({ villageId: v.get('villageId'), lawyerId: v.get('lawyerId') }));
  const travelOverrides = pairs('travel', 'travelOverrides', (v) => ({ lawyerId: v.get('lawyerId'), villageId: v.get('villageId'), km: v.get('km'), ...(v.has('minutes') ? { minutes: v.get('minutes') } : {}) }));

  if (!fromSheet && options.divisions) {
    const used = new Set<string>([...villages.map((v) => String(v.townId)), ...firms.map((f) => f.regionId)]);
    regions = registryRegions(options.divisions, used);
  }

  if (sink.count > 0) throw new InvalidDocumentError('workbook', sink.listed, sink.count, sink.count >= MAX_COUNTED_ISSUES);

  const notice = hv.has('serviceContent') || hv.has('complaintEmail') ? { notice: { serviceContent: hv.get('serviceContent'), complaintEmail: hv.get('complaintEmail') } } : {};
  const input = {
    schema: SCENARIO_SCHEMA,
    name: hv.get('name') ?? options.name ?? '导入的情景',
    year: hv.get('year') ?? options.year ?? new Date().getUTCFullYear(),
    ...(hv.has('crs') ? { crs: hv.get('crs') } : {}),
    policy: hv.get('policy') ?? {},
    regions,
    firms,
    lawyers,
    villages,
    preferences: { villages: villagePrefs, lawyers: lawyerPrefs },
    pins,
    baseline,
    travelOverrides,
    ...notice,
  };
  try {
    return parseScenario(input);
  } catch (err) {
    if (!(err instanceof InvalidDocumentError)) throw err;
    throw new InvalidDocumentError('workbook', locate(err.issues, origins, head), err.count, err.countIsLowerBound);
  }
}

/** Tables from CSV files named after the sheets (`律师.csv`, `村(社区).csv`, …; English names too). */
export function csvTables(files: { name: string; data: Uint8Array }[], limits: TableLimits = DEFAULT_TABLE_LIMITS): Table[] {
  return files.map((f) => ({ ...readCsv(f.data, limits), sheet: f.name.replace(/\.csv$/i, '') }));
}

/** Whether a file name (without `.csv`) names a sheet of the workbook. */
export const isWorkbookSheet = (name: string) => SHEET_LOOKUP.has(normalizeSheet(name.replace(/\.csv$/i, '')));

/** The sheets and their columns as Markdown (docs/WORKBOOK.md is written from this). */
export function describeWorkbook(): string {
  return SHEETS.map((s) => {
    const rows = s.columns.map((c) => `| ${c.names[0]} | ${c.names[1]} | ${c.group ? '是 / yes' : ''} | ${c.helpZh ?? ''} | ${c.help} |${c.choices ? ` ${c.choices.join('、')} |` : ' |'}`);
    return [`### ${s.name} (${s.aliases[0]})${s.always ? '' : ' — optional / 可选'}`, '', '| 列 | column | 必填 required | 说明 | meaning | 下拉选项 choices |', '|---|---|---|---|---|---|', ...rows].join('\n');
  }).join('\n\n');
}
