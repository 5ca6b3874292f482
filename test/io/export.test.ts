/** A solution as GeoJSON, CSV and XLSX: one row per village, Chinese headers, uncovered villages with their reason. */
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import type { Solution } from '../../src/domain/index.js';
import { EXPORT_HEADER, readXlsx, solutionCsv, solutionGeoJson, solutionRows, solutionXlsx } from '../../src/io/index.js';
import { solve } from '../../src/solver/solve.js';
import { east, world } from '../fixtures/small.js';

// V1, V2 near firm F1 (two lawyers, L1 capped at 1); V3 500 km away: uncovered.
const scenario = world({
  villages: [
    { id: 'V1', at: east(2) },
    { id: 'V2', at: east(4), town: 'T2' },
    { id: 'V3', at: east(500) },
  ],
  lawyers: [{ id: 'L1', maxVillages: 1 }, { id: 'L2' }, { id: 'L3', intern: true }],
});
scenario.lawyers[0].contact = { phone: '13800138000' };
const solution: Solution = solve(scenario);

describe('table rows', () => {
  it('one row per village: county, town, village, adviser, firm, phone, team, km, reason, id', () => {
    const rows = solutionRows(scenario, solution);
    expect(rows).toHaveLength(3);
    const byVillage = new Map(rows.map((r) => [r[9], r]));
    const v1 = byVillage.get('V1')!;
    const a1 = solution.assignments.find((a) => a.villageId === 'V1')!;
    expect(v1.slice(0, 3)).toEqual(['甲县', 'T1镇', 'V1村']);
    expect(v1[3]).toBe(`律师${a1.lawyerId}`);
    expect(v1[4]).toBe('F1律师事务所');
    expect(v1[5]).toBe(a1.lawyerId === 'L1' ? '13800138000' : '');
    expect(v1[7]).toBeCloseTo(a1.travelKm, 1);
    expect(byVillage.get('V2')!.slice(0, 2)).toEqual(['甲县', 'T2镇']);
    const v3 = byVillage.get('V3')!;
    expect(v3.slice(3, 8)).toEqual(['', '', '', '', null]);
    expect(v3[8]).toMatch(/^服务半径内没有可担任顾问的执业律师:/);
  });
});

describe('CSV', () => {
  it('has a BOM and the Chinese headers, and reads back as the rows', () => {
    const buf = solutionCsv(scenario, solution);
    expect(buf.subarray(0, 3).toString('hex')).toBe('efbbbf');
    const back = parse(buf.toString('utf8'), { bom: true }) as string[][];
    expect(back[0]).toEqual([...EXPORT_HEADER]);
    expect(back[0].slice(0, 8)).toEqual(['县(市、区)', '镇(街道)', '村(社区)', '法律顾问', '律师事务所', '联系电话', '团队成员', '距离(公里)']);
    expect(back.slice(1).map((r) => r[9])).toEqual(['V1', 'V2', 'V3']);
  });
});

describe('XLSX', () => {
  it('one sheet with the headers and a row per village, km as numbers', async () => {
    const t = await readXlsx(await solutionXlsx(scenario, solution));
    expect(t.rows[0].cells).toEqual([...EXPORT_HEADER]);
    expect(t.rows).toHaveLength(4);
    const v1 = t.rows.find((r) => r.cells[9] === 'V1')!;
    expect(Number(v1.cells[7])).toBeGreaterThan(0);
  });
});

describe('GeoJSON', () => {
  const fc = solutionGeoJson(scenario, solution);
  const layer = (name: string) => fc.features.filter((f) => f.properties.layer === name);

  it('villages as points with adviser, firm and km, or why uncovered', () => {
    expect(fc.type).toBe('FeatureCollection');
    const villages = layer('village');
    expect(villages).toHaveLength(3);
    const v1 = villages.find((f) => f.properties.id === 'V1')!;
    expect(v1.geometry).toEqual({ type: 'Point', coordinates: east(2) });
    expect(v1.properties).toMatchObject({ name: 'V1村', town: 'T1镇', county: '甲县', firm: 'F1律师事务所', uncoveredReason: null });
    expect(typeof v1.properties.km).toBe('number');
    const v3 = villages.find((f) => f.properties.id === 'V3')!;
    expect(v3.properties).toMatchObject({ adviser: null, km: null, uncoveredReason: 'no-practicing-lawyer-in-range' });
  });

  it('every lawyer\'s base with load and cap; one base→village line per assignment', () => {
    const bases = layer('lawyer-base');
    expect(bases.map((f) => [f.properties.id, f.properties.cap])).toEqual([
      ['L1', 1],
      ['L2', 8],
      ['L3', 8],
    ]);
    expect(bases.reduce((n, f) => n + Number(f.properties.load), 0)).toBe(2);
    const lines = layer('assignment');
    expect(lines).toHaveLength(solution.assignments.length);
    for (const l of lines) {
      expect(l.geometry.type).toBe('LineString');
      expect(l.geometry.coordinates[0]).toEqual([113.0, 23.0]);
      expect(l.properties).toMatchObject({ lawyer: `律师${l.properties.lawyerId}`, village: `${l.properties.villageId}村` });
    }
  });
});
