/** `ovola template`, `ovola import` and `ovola export-workbook`: a whole scenario from one workbook, and back. */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parseScenario, registryOf, type Scenario } from '../../src/domain/index.js';
import { generateScenario } from '../../src/gen/index.js';
import { ovola, ovolaIn } from './run.js';

let dir: string;
const file = (name: string) => join(dir, name);

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ovola-workbook-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('--help', () => {
  for (const command of ['template', 'import', 'export-workbook']) {
    test(`ovola ${command} --help`, async () => {
      const run = await ovola(command, '--help');
      expect(run.code).toBe(0);
      expect(run.stdout).toContain(`ovola ${command}`);
    });
  }
});

test('template, then import of the template, gives a valid scenario', async () => {
  const t = await ovola('template', '--out', file('template.xlsx'));
  expect(t.code, t.stderr).toBe(0);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file('template.xlsx'));
  expect(wb.worksheets.map((w) => w.name)).toEqual(expect.arrayContaining(['律所', '律师', '村(社区)', '镇街', '意向与回避', '现任顾问']));
  const run = await ovola('import', file('template.xlsx'), '--out', file('from-template.json'));
  expect(run.code, run.stderr).toBe(0);
  const s = parseScenario(JSON.parse(readFileSync(file('from-template.json'), 'utf8')));
  expect(s.lawyers.map((l) => l.firmId)).toEqual(['F001']);
});

test('export-workbook, then import, gives the same scenario', async () => {
  const scenario = parseScenario(generateScenario({ preset: 'county', seed: 11, baseline: true, pins: true }));
  writeFileSync(file('s.json'), JSON.stringify(scenario));
  const out = await ovola('export-workbook', file('s.json'), '--out', file('s.xlsx'));
  expect(out.code, out.stderr).toBe(0);
  const back = await ovola('import', file('s.xlsx'), '--out', file('back.json'));
  expect(back.code, back.stderr).toBe(0);
  expect(JSON.parse(readFileSync(file('back.json'), 'utf8'))).toEqual({ ...scenario, regions: scenario.regions.map(({ boundary: _b, ...r }) => r) } satisfies Scenario);
});

test('a directory of CSV files, towns from --divisions, firms by name', async () => {
  const csvDir = file('csv');
  mkdirSync(csvDir);
  const divisions = registryOf({ name: 'r', regions: [{ id: 'S1', name: '某市', level: 'city' }, { id: 'C1', name: '某县', level: 'county', parentId: 'S1' }, { id: 'T1', name: '甲镇', level: 'town', parentId: 'C1' }], villages: [] });
  writeFileSync(file('divisions.json'), JSON.stringify(divisions));
  writeFileSync(join(csvDir, '律所.csv'), '编号,名称,所在地区,经度,纬度\nF1,广东甲律师事务所,某县,113.0,23.0\n');
  writeFileSync(join(csvDir, '律师.csv'), '编号,姓名,律师事务所,执业状态,不可服务日期\nL1,张三,广东甲律师事务所,执业,2026年5月1日\n');
  writeFileSync(join(csvDir, '村(社区).csv'), '编号,名称,镇(街道),类型,经度,纬度\nV1,甲村,甲镇,村,113.0,23.01\n');
  writeFileSync(join(csvDir, '说明.txt'), 'notes');
  const run = await ovola('import', csvDir, '--divisions', file('divisions.json'), '--year', '2027', '--out', file('csv.json'));
  expect(run.code, run.stderr).toBe(0);
  const s = JSON.parse(readFileSync(file('csv.json'), 'utf8')) as Scenario;
  expect(s).toMatchObject({ name: 'csv', year: 2027, lawyers: [{ firmId: 'F1', unavailable: ['2026-05-01'] }], villages: [{ townId: 'T1' }] });
  expect(s.regions.map((r) => r.id).sort()).toEqual(['C1', 'S1', 'T1']);
});

test('every problem at once, in Chinese by default, naming sheet, row and column; exit 2 and no output file', async () => {
  const csvDir = file('bad');
  mkdirSync(csvDir);
  writeFileSync(join(csvDir, '镇街.csv'), '编号,名称\nT1,甲镇\n');
  writeFileSync(join(csvDir, '律所.csv'), '编号,名称,所在地区,经度,纬度\nF1,甲所,T1,113.0,23.0\n');
  writeFileSync(join(csvDir, '律师.csv'), '编号,姓名,律师事务所,执业状态\nL1,张三,乙所,执业\nL2,李四,F1,退休\n');
  writeFileSync(join(csvDir, '村(社区).csv'), '编号,名称,镇(街道),类型,经度,纬度\nV1,甲村,T1,村,113.0,\n');
  const run = await ovolaIn({ ...process.env, LANG: 'zh_CN.UTF-8', LC_ALL: '', LC_MESSAGES: '' }, 'import', csvDir, '--out', file('bad.json'));
  expect(run.code).toBe(2);
  expect(run.stderr).toContain('工作簿有 3 处问题');
  expect(run.stderr).toContain('律师 表第 2 行「律师事务所」:没有此名称的律师事务所');
  expect(run.stderr).toContain('律师 表第 3 行「执业状态」:应为“执业”或“实习”');
  expect(run.stderr).toContain('村(社区) 表第 2 行「纬度」:必填');
  expect(() => readFileSync(file('bad.json'))).toThrow();
});

test('a file that is not a workbook is bad input, named', async () => {
  writeFileSync(file('not.xlsx'), 'just text');
  const run = await ovola('import', file('not.xlsx'));
  expect(run.code).toBe(2);
  expect(run.stderr).toContain('not an XLSX workbook');
  expect((await ovola('import')).code).toBe(2);
});
