import { describe, expect, it } from 'vitest';
import { movedCsv } from '../../web/src/compare-csv.js';

describe('the comparison CSV', () => {
  it('has Chinese headers, a BOM for Excel, one row per moved village, uncovered sides said in words', () => {
    const csv = movedCsv([
      { villageId: 'V1', from: 'L1', to: 'L2', village: '东村', town: '一镇', county: '东区', fromName: '张三', toName: '李四', fromKm: 3, toKm: 5.5, extraKm: 2.5 },
      { villageId: 'V2', from: null, to: 'L2', village: '西村', town: '一镇', toName: '李四', toKm: 4 },
    ]);
    expect(csv.startsWith('\uFEFF村(社区)编号,村(社区),镇(街)')).toBe(true);
    const lines = csv.slice(1).trimEnd().split('\r\n');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toBe('V1,东村,一镇,东区,张三,L1,李四,L2,3,5.5,2.5');
    expect(lines[2]).toBe('V2,西村,一镇,,无,,李四,L2,,4,');
  });

  it('quotes commas and quotes, and keeps a would-be formula as text', () => {
    const csv = movedCsv([{ villageId: 'V3', from: 'L1', to: 'L2', village: '=HYPERLINK("x")', town: '甲,乙', extraKm: -1.5 }]);
    const row = csv.slice(1).trimEnd().split('\r\n')[1];
    expect(row).toContain(`"'=HYPERLINK(""x"")"`);
    expect(row).toContain('"甲,乙"');
    expect(row.endsWith(',-1.5')).toBe(true);
  });
});
