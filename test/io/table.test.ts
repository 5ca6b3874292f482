/** Reading and writing sheets: CSV (with BOM, GB18030, quoting) and XLSX made with exceljs. */
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readCsv, readTable, readXlsx, sniffFormat, TableReadError, writeCsv, writeXlsx } from '../../src/io/index.js';

async function xlsxOf(rows: ExcelJS.CellValue[][], build?: (ws: ExcelJS.Worksheet) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('名单');
  for (const r of rows) ws.addRow(r);
  build?.(ws);
  return Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

describe('readCsv', () => {
  it('drops the BOM, unquotes, trims, and numbers rows as the sheet shows them (blank lines count)', () => {
    const t = readCsv(Buffer.from('\ufeff编号, 姓名 \r\n\r\nL1,"张,三"\r\nL2,"多\n行"\r\n,\r\n', 'utf8'));
    expect(t.rows).toEqual([
      { row: 1, cells: ['编号', '姓名'] },
      { row: 3, cells: ['L1', '张,三'] },
      { row: 4, cells: ['L2', '多\n行'] },
    ]);
  });

  it('reads GB18030 (what Excel on a Chinese Windows writes as "CSV")', () => {
    const gbk = Buffer.from([0xb1, 0xe0, 0xba, 0xc5, 0x2c, 0xd0, 0xd5, 0xc3, 0xfb, 0x0a]); // 编号,姓名
    expect(readCsv(gbk).rows[0].cells).toEqual(['编号', '姓名']);
  });

  it('refuses a broken file with the row where reading stopped', () => {
    try {
      readCsv('a,b\n1,2\n"x,3\n');
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(TableReadError);
      expect((err as TableReadError).row).toBeGreaterThanOrEqual(3);
    }
  });
});

describe('readXlsx', () => {
  it('gives each kind of cell value as the text a person sees', async () => {
    const data = await xlsxOf(
      [
        ['编号', '数字', '日期', '富文本', '公式', '是否'],
        [
          'L1',
          13800138000,
          new Date(Date.UTC(2026, 4, 1)),
          { richText: [{ text: '合同' }, { text: '纠纷', font: { bold: true } }] },
          { formula: '1+1', result: 2 },
          true,
        ],
      ],
      (ws) => ws.addRow([]),
    );
    const t = await readXlsx(data);
    expect(t.sheet).toBe('名单');
    expect(t.rows).toEqual([
      { row: 1, cells: ['编号', '数字', '日期', '富文本', '公式', '是否'] },
      { row: 2, cells: ['L1', '13800138000', '2026-05-01', '合同纠纷', '2', 'TRUE'] },
    ]);
  });

  it('keeps the sheet\'s row numbers over empty rows and a merged title row', async () => {
    const data = await xlsxOf([['潮川县法律顾问名单'], [], ['编号', '姓名'], ['L1', '张三']], (ws) => ws.mergeCells('A1:B1'));
    const t = await readXlsx(data);
    expect(t.rows).toEqual([
      // the merge is not read (a merge's range is never expanded): its other cells are simply empty
      { row: 1, cells: ['潮川县法律顾问名单'] },
      { row: 3, cells: ['编号', '姓名'] },
      { row: 4, cells: ['L1', '张三'] },
    ]);
  });
});

describe('format', () => {
  it('tells XLSX from CSV by the bytes, and refuses the old .xls', async () => {
    expect(sniffFormat(await xlsxOf([['a']]))).toBe('xlsx');
    expect(sniffFormat(Buffer.from('a,b\n'))).toBe('csv');
    expect(() => sniffFormat(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1]))).toThrow(/\.xls/);
    expect((await readTable(await xlsxOf([['x', 1]]))).rows[0].cells).toEqual(['x', '1']);
  });
});

describe('writing', () => {
  it('CSV starts with a BOM, ends lines with CRLF, quotes what needs it and defuses formulas', () => {
    const buf = writeCsv(['名称', '数'], [['甲,乙', 1.5], ['=HYPERLINK("x")', null], ['+86 138 0013 8000', 2], ['-1', 3], ['@SUM(A1)', 4]]);
    expect([...buf.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = buf.toString('utf8');
    expect(text).toContain('\r\n');
    const back = parse(text, { bom: true }) as string[][];
    expect(back).toEqual([
      ['名称', '数'],
      ['甲,乙', '1.5'],
      [`'=HYPERLINK("x")`, ''],
      ['+86 138 0013 8000', '2'],
      ['-1', '3'],
      ["'@SUM(A1)", '4'],
    ]);
  });

  it('XLSX round trip: what writeXlsx writes, readXlsx reads back', async () => {
    const buf = await writeXlsx([{ name: '方案', header: ['县', '公里'], rows: [['潮川县', 1.25], ['', null]] }]);
    const t = await readXlsx(buf);
    expect(t.sheet).toBe('方案');
    expect(t.rows).toEqual([
      { row: 1, cells: ['县', '公里'] },
      { row: 2, cells: ['潮川县', '1.25'] },
    ]);
  });
});
