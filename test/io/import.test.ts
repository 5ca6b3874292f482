/** Lawyer and village sheets into scenario entries: headers, cells, every problem at once, and the scenario check. */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { InvalidDocumentError, parseScenario, type Scenario } from '../../src/domain/index.js';
import { applyImport, columnLetter, describeColumns, importSheet, locateIssues, readCsv, readTable, type ImportKind, type Table } from '../../src/io/index.js';
import { world } from '../fixtures/small.js';

const base: Scenario = world({
  villages: [
    { id: 'V1', at: [113.0, 23.01] },
    { id: 'V2', at: [113.0, 23.02], town: 'T2' },
  ],
  lawyers: [{ id: 'L1' }, { id: 'L2' }],
  firms: [
    { id: 'F1', at: [113.0, 23.0] },
    { id: 'F2', at: [113.1, 23.0] },
  ],
  extra: {
    preferences: { villages: [{ villageId: 'V1', lawyers: ['L2', 'L1'] }], lawyers: [{ lawyerId: 'L2', villages: ['V1'] }] },
    baseline: [{ villageId: 'V1', lawyerId: 'L2' }],
  },
});
const ctx = { firms: base.firms, regions: base.regions };
const csv = (lines: string[]): Table => readCsv(lines.join('\n'));
const sheet = (kind: ImportKind, lines: string[], extra: { existingIds?: string[] } = {}) => importSheet(csv(lines), kind, { ...ctx, ...extra });

describe('lawyers', () => {
  it('reads Chinese headers into lawyers with contact, base and lists', () => {
    const s = sheet('lawyers', [
      '序号,编号,姓名,律师事务所编号,执业状态,专长,电话,邮箱,微信,服务上限,对口支援,经度,纬度,不可服务日期,备注',
      '1,L9,张三,F1,执业,合同纠纷、婚姻家庭；土地承包,138 0013 8000,z@x.cn,wx_z,5,是,113.05,23.05,2026/5/1、2026-05-02,新来的',
      '2,L10,李四,F2,实习,,,,,,否,,,,',
    ]);
    expect(s.issues).toEqual([]);
    expect(s.rows).toEqual([2, 3]);
    expect(s.items).toEqual([
      {
        id: 'L9',
        name: '张三',
        firmId: 'F1',
        status: 'practicing',
        specialties: ['合同纠纷', '婚姻家庭', '土地承包'],
        base: [113.05, 23.05],
        maxVillages: 5,
        unavailable: ['2026-05-01', '2026-05-02'],
        pairedAssistance: true,
        contact: { phone: '138 0013 8000', email: 'z@x.cn', wechat: 'wx_z' },
      },
      { id: 'L10', name: '李四', firmId: 'F2', status: 'intern', specialties: [], pairedAssistance: false },
    ]);
  });

  it('takes English headers in any case, and a firm by its name', () => {
    const s = sheet('lawyers', ['ID,Name,Firm,Status,Specialties,MaxVillages', 'L9,Zhang,F2律师事务所,Practicing,contract,３']);
    expect(s.issues).toEqual([]);
    expect(s.items[0]).toMatchObject({ id: 'L9', firmId: 'F2', status: 'practicing', specialties: ['contract'], maxVillages: 3 });
  });

  it('reports every bad cell at once, as row and column the user sees', () => {
    const s = sheet('lawyers', [
      '编号,姓名,律师事务所编号,执业状态,服务上限,对口支援,经度,纬度',
      'L9,张三,F1,执业,8,否,,',
      'L10,,F9,学徒,八,也许,113.1,',
      'L9,王五,F1,实习,2,,200,23',
    ]);
    expect(s.items.map((i) => i.id)).toEqual(['L9']);
    expect(s.issues).toEqual([
      { path: 'row 3, column 律师事务所编号', message: 'no law firm with this id in the scenario', value: 'F9' },
      { path: 'row 3, column 执业状态', message: 'expected 执业 or 实习 (or practicing / intern)', value: '学徒' },
      { path: 'row 3, column 服务上限', message: 'expected a whole number', value: '八' },
      { path: 'row 3, column 对口支援', message: 'expected 是 or 否 (or yes / no)', value: '也许' },
      { path: 'row 3, column 姓名', message: 'required' },
      { path: 'row 3, column 纬度', message: 'give both 经度 and 纬度, or neither' },
      { path: 'row 4, column 经度', message: 'expected a longitude from -180 to 180', value: '200' },
      { path: 'row 4, column 编号', message: 'duplicate id: row 2 has it too', value: 'L9' },
    ]);
  });

  it('names missing, unknown and repeated columns on the header row', () => {
    const s = sheet('lawyers', ['编号,姓名,年龄,name', 'L9,张三,40,x']);
    expect(s.issues.map((i) => i.path)).toEqual(['row 1, column 年龄', 'row 1, column name', 'row 1', 'row 1']);
    expect(s.issues[2].message).toBe('missing column 律师事务所编号 (firmId) or 律师事务所 (firm)');
    expect(s.issues[3].message).toBe('missing column 执业状态 (status)');
  });

  it('finds the header below a title row and keeps the sheet\'s row numbers', () => {
    const s = sheet('lawyers', ['潮川县2026年法律顾问名单,,,', '编号,姓名,律师事务所编号,执业状态', 'L9,张三,F1,执业', 'L10,李四,F1,退休']);
    expect(s.headerRow).toBe(2);
    expect(s.issues).toEqual([{ path: 'row 4, column 执业状态', message: expect.stringMatching(/^expected 执业/), value: '退休' }]);
  });

  it('says so when no header is there, or the sheet is empty', () => {
    expect(sheet('lawyers', ['a,b', '1,2']).issues[0]).toMatchObject({ path: 'row 1', message: expect.stringMatching(/^no header row found/) });
    expect(importSheet({ rows: [] }, 'lawyers', ctx).issues[0]).toMatchObject({ path: 'row 1', message: expect.stringMatching(/empty/) });
  });

  it('in append mode refuses ids the scenario has', () => {
    const s = sheet('lawyers', ['编号,姓名,律师事务所编号,执业状态', 'L1,张三,F1,执业'], { existingIds: ['L1', 'L2'] });
    expect(s.issues).toEqual([{ path: 'row 2, column 编号', message: expect.stringMatching(/already has a lawyer/), value: 'L1' }]);
  });
});

describe('villages', () => {
  it('reads villages with kind, needs, mode and requests; a town by id or by name', () => {
    const s = sheet('villages', [
      '编号,名称,镇街编号,镇(街道),类型,经度,纬度,人口,需求,服务模式,夜校每月,周末每月',
      'V9,新村,T1,,村,113.0,23.1,1200,土地承包、婚姻家庭,弹性,2,',
      'V10,新社区,,T2镇,社区,113.0,23.2,,,,,',
    ]);
    expect(s.issues).toEqual([]);
    expect(s.items).toEqual([
      {
        id: 'V9',
        name: '新村',
        townId: 'T1',
        kind: 'village',
        location: [113.0, 23.1],
        population: 1200,
        needs: ['土地承包', '婚姻家庭'],
        serviceMode: 'flexible',
        requests: { eveningSchoolPerMonth: 2, weekendPerMonth: 0 },
      },
      { id: 'V10', name: '新社区', townId: 'T2', kind: 'community', location: [113.0, 23.2] },
    ]);
  });

  it('reports bad and missing cells, the town included', () => {
    const s = sheet('villages', ['编号,名称,镇街编号,类型,经度,纬度,夜校每月', 'V9,新村,T7,镇,113,,40']);
    expect(s.issues).toEqual([
      { path: 'row 2, column 镇街编号', message: 'no town (镇/街道) with this id in the scenario', value: 'T7' },
      { path: 'row 2, column 类型', message: 'expected 村 or 社区 (or village / community)', value: '镇' },
      { path: 'row 2, column 夜校每月', message: 'expected a value from 0 to 31', value: '40' },
      { path: 'row 2, column 纬度', message: 'required' },
    ]);
  });
});

describe('into the scenario', () => {
  it('replace swaps the list and drops soft data that named lawyers no longer there', () => {
    const s = sheet('lawyers', ['编号,姓名,律师事务所编号,执业状态', 'L1,张三,F1,执业', 'L3,王五,F2,执业']);
    const { scenario, offset, pruned } = applyImport(base, s, 'replace');
    expect(offset).toBe(0);
    const parsed = parseScenario(scenario);
    expect(parsed.lawyers.map((l) => l.id)).toEqual(['L1', 'L3']);
    expect(parsed.preferences.villages).toEqual([{ villageId: 'V1', lawyers: ['L1'] }]);
    expect(parsed.preferences.lawyers).toEqual([]);
    // L2 is gone, but its baseline village stays: vacated (R6), counted so in the solution.
    expect(parsed.baseline).toEqual([{ villageId: 'V1', lawyerId: 'L2' }]);
    expect(pruned).toEqual({ preferences: 2, baseline: 0, travelOverrides: 0 });
  });

  it('append adds after the list; the scenario check\'s problems point back at the sheet', () => {
    const withPin = parseScenario({ ...base, pins: [{ villageId: 'V1', lawyerId: 'L2' }] });
    const s = sheet('lawyers', ['编号,姓名,律师事务所编号,执业状态', 'L3,王五,F1,执业']);
    const appended = applyImport(withPin, s, 'append');
    expect(appended.offset).toBe(2);
    expect(parseScenario(appended.scenario).lawyers.map((l) => l.id)).toEqual(['L1', 'L2', 'L3']);

    // A replacement without L2 leaves the pin without its lawyer: the pin keeps its scenario path.
    const replaced = applyImport(withPin, s, 'replace');
    let issues: ReturnType<typeof locateIssues> = [];
    try {
      parseScenario(replaced.scenario);
    } catch (err) {
      issues = locateIssues((err as InvalidDocumentError).issues, s, replaced.offset);
    }
    expect(issues).toEqual([{ path: 'pins[0].lawyerId', message: 'unknown lawyer', value: 'L2' }]);

    // Paths inside imported entries become sheet cells.
    const mapped = locateIssues(
      [
        { path: 'lawyers[2].firmId', message: 'unknown firm' },
        { path: 'lawyers[2].contact.phone', message: 'x' },
        { path: 'lawyers[1].id', message: 'not imported' },
        { path: 'villages[0].id', message: 'other list' },
      ],
      { kind: 'lawyers', rows: [7], columns: new Map([['firmId', '律所编号']]) },
      2,
    );
    expect(mapped.map((i) => i.path)).toEqual(['row 7, column 律所编号', 'row 7', 'lawyers[1].id', 'villages[0].id']);
  });
});

describe('XLSX round trip', () => {
  it('a sheet made with exceljs, numbers and booleans as Excel keeps them, imports like its CSV', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('律师');
    ws.addRow(['编号', '姓名', '律师事务所', '执业状态', '专长', '电话', '服务上限', '对口支援', '经度', '纬度', '不可服务日期']);
    ws.addRow(['L9', { richText: [{ text: '张' }, { text: '三' }] }, 'F1律师事务所', '执业', '合同纠纷、劳动争议', 13800138000, 6, true, 113.123456, 23.5, new Date(Date.UTC(2026, 9, 1))]);
    ws.addRow([]);
    ws.addRow(['L10', '李四', 'F2律师事务所', '实习', null, null, null, false, null, null, null]);
    ws.addRow(['L11', '赵六', 'F9律师事务所', '执业']);
    const data = Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);

    const s = importSheet(await readTable(data), 'lawyers', ctx);
    expect(s.issues).toEqual([{ path: 'row 5, column 律师事务所', message: 'no law firm of this name in the scenario', value: 'F9律师事务所' }]);
    expect(s.rows).toEqual([2, 4]);
    expect(s.items).toEqual([
      {
        id: 'L9',
        name: '张三',
        firmId: 'F1',
        status: 'practicing',
        specialties: ['合同纠纷', '劳动争议'],
        base: [113.123456, 23.5],
        maxVillages: 6,
        unavailable: ['2026-10-01'],
        pairedAssistance: true,
        contact: { phone: '13800138000' },
      },
      { id: 'L10', name: '李四', firmId: 'F2', status: 'intern', specialties: [], pairedAssistance: false },
    ]);
  });
});

describe('helpers', () => {
  it('column letters as Excel shows them', () => {
    expect([1, 26, 27, 52, 703].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'AZ', 'AAA']);
  });
  it('documents every column in both languages', () => {
    expect(describeColumns('lawyers')).toContain('- 执业状态 / status (also 状态): 执业 or 实习 (practicing / intern) (required)');
    expect(describeColumns('villages')).toContain('- 镇街编号 / townId');
  });
});
