/** A whole scenario from one workbook: the template, what clerks type, every problem at once, and the round trip. */
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Divisions, InvalidDocumentError, type Issue, parseScenario, type Scenario, type ScenarioInput } from '../../src/domain/index.js';
import { generateScenario } from '../../src/gen/index.js';
import { csvTables, readScenarioWorkbook, readWorkbook, scenarioWorkbook, templateWorkbook, type Table } from '../../src/io/index.js';

async function load(data: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(data) as unknown as ExcelJS.Buffer);
  return wb;
}

const headerOf = (ws: ExcelJS.Worksheet) => (ws.getRow(1).values as unknown[]).slice(1).map(String);

/** The problems reading the tables finds (fails when it finds none). */
function problems(tables: Table[], options = {}): Issue[] {
  try {
    readScenarioWorkbook(tables, options);
  } catch (err) {
    if (err instanceof InvalidDocumentError) return err.issues;
    throw err;
  }
  throw new Error('expected problems');
}

/** A workbook given as CSV text per sheet. */
const sheets = (s: Record<string, string[]>): Table[] => csvTables(Object.entries(s).map(([name, lines]) => ({ name: `${name}.csv`, data: Buffer.from(lines.join('\n')) })));

const BASE = {
  镇街: ['编号,名称,级别,上级编号', 'C1,某县,县(市、区),', 'T1,甲镇,镇(街道),C1', 'T2,乙街道,镇(街道),C1'],
  律所: ['编号,名称,所在地区,经度,纬度', 'F1,广东甲律师事务所,C1,113.0,23.0', 'F2,广东乙律师事务所,C1,113.1,23.0'],
  律师: ['编号,姓名,律师事务所,执业状态,不可服务日期', 'L1,张三,广东甲律师事务所,执业,', 'L2,李四,F2,实习,'],
  '村(社区)': ['编号,名称,镇(街道),类型,经度,纬度', 'V1,甲村,甲镇,村,113.0,23.01', 'V2,乙社区,T2,社区,113.0,23.02'],
};

describe('the template', () => {
  it('has the six sheets with Chinese headers, an example row and drop-down lists', async () => {
    const wb = await load(await templateWorkbook());
    const names = wb.worksheets.map((w) => w.name);
    for (const s of ['律所', '律师', '村(社区)', '镇街', '意向与回避', '现任顾问']) expect(names).toContain(s);
    const lawyers = wb.getWorksheet('律师')!;
    const header = headerOf(lawyers);
    expect(header.slice(0, 5)).toEqual(['编号', '姓名', '律师事务所编号', '律师事务所', '执业状态']);
    expect(lawyers.actualRowCount).toBe(2);
    expect(lawyers.getRow(2).getCell(header.indexOf('姓名') + 1).value).toBe('张三');
    const status = lawyers.getRow(2).getCell(header.indexOf('执业状态') + 1);
    expect(status.dataValidation).toMatchObject({ type: 'list', formulae: ['"执业,实习"'] });
    // rows a clerk adds get the list too
    expect(lawyers.getCell(500, header.indexOf('执业状态') + 1).dataValidation?.type).toBe('list');
    expect(lawyers.getRow(2).getCell(header.indexOf('对口支援') + 1).dataValidation).toMatchObject({ type: 'list', formulae: ['"是,否"'] });
    expect(lawyers.getRow(2).getCell(header.indexOf('专长') + 1).dataValidation?.formulae?.[0]).toContain('婚姻家事');
    const villages = wb.getWorksheet('村(社区)')!;
    expect(villages.getRow(2).getCell(headerOf(villages).indexOf('类型') + 1).dataValidation).toMatchObject({ type: 'list', formulae: ['"村,社区"'] });
    for (const ws of wb.worksheets) expect(ws.actualRowCount, ws.name).toBe(2);
  });

  it('reads back as a valid scenario', async () => {
    const s = readScenarioWorkbook(await readWorkbook(await templateWorkbook()));
    expect(s.lawyers).toEqual([expect.objectContaining({ id: 'L001', firmId: 'F001', status: 'practicing', unavailable: ['2026-05-01', '2026-10-01'] })]);
    expect(s.villages).toEqual([expect.objectContaining({ id: '440104001001', townId: '440104001', kind: 'community' })]);
    expect(s.baseline).toEqual([{ villageId: '440104001001', lawyerId: 'L001' }]);
    expect(s.preferences.villages).toEqual([{ villageId: '440104001001', lawyers: ['L001'] }]);
    expect(s.year).toBe(2026);
  });
});

describe('what clerks type', () => {
  it('reads dates as 2026年5月1日, 2026.5.1, 2026/5/1, Excel serials and full-width digits', () => {
    const s = readScenarioWorkbook(
      sheets({ ...BASE, 律师: ['编号,姓名,律师事务所,执业状态,不可服务日期,服务上限', 'L1,张三,F1,执业,2026年5月1日、2026.5.2、2026/5/3、46150、２０２６年５月５日,５', 'L2,李四,F2,实习,2026-5-6,'] }),
    );
    expect(s.lawyers[0].unavailable).toEqual(['2026-05-01', '2026-05-02', '2026-05-03', '2026-05-08', '2026-05-05']);
    expect(s.lawyers[0].maxVillages).toBe(5);
    expect(s.lawyers[1].unavailable).toEqual(['2026-05-06']);
  });

  it('reads a date cell Excel keeps as a date', async () => {
    const wb = new ExcelJS.Workbook();
    for (const [name, lines] of Object.entries(BASE)) {
      const ws = wb.addWorksheet(name);
      for (const line of lines) ws.addRow(line.split(','));
    }
    wb.getWorksheet('律师')!.getCell('E2').value = new Date(Date.UTC(2026, 4, 1));
    const s = readScenarioWorkbook(await readWorkbook(Buffer.from(await wb.xlsx.writeBuffer())));
    expect(s.lawyers[0].unavailable).toEqual(['2026-05-01']);
  });

  it('takes a firm by name and a town by name', () => {
    const s = readScenarioWorkbook(sheets(BASE));
    expect(s.lawyers.map((l) => l.firmId)).toEqual(['F1', 'F2']);
    expect(s.villages.map((v) => v.townId)).toEqual(['T1', 'T2']);
  });

  it('takes towns from the divisions registry when there is no 镇街 sheet', () => {
    const divisions: Divisions = {
      schema: 'ovola.divisions/v1',
      regions: [
        { id: 'C0', name: '某市', level: 'city' },
        { id: 'C1', name: '某县', level: 'county', parentId: 'C0' },
        { id: 'T1', name: '甲镇', level: 'town', parentId: 'C1' },
        { id: 'T2', name: '乙街道', level: 'town', parentId: 'C1' },
        { id: 'T3', name: '丙镇', level: 'town', parentId: 'C1', boundary: { type: 'Polygon', coordinates: [[[113, 23], [113.1, 23], [113.1, 23.1], [113, 23]]] } },
      ],
      villages: [],
    };
    const { 镇街: _towns, ...rest } = BASE;
    const s = readScenarioWorkbook(sheets(rest), { divisions });
    expect(s.regions.map((r) => r.id).sort()).toEqual(['C0', 'C1', 'T1', 'T2']);
    expect(s.villages.map((v) => v.townId)).toEqual(['T1', 'T2']);
    expect(problems(sheets(rest)).map((i) => i.path)).toContain('镇街');
  });
});

describe('problems', () => {
  it('are all reported at once, in Chinese, as sheet, row and column', () => {
    const issues = problems(
      sheets({
        ...BASE,
        律师: ['编号,姓名,律师事务所,执业状态,不可服务日期,对口支援', 'L1,张三,广东丙律师事务所,执业,,', 'L2,李四,F2,退休,2026年13月1日,也许', ',王五,F1,执业,,'],
        '村(社区)': ['编号,名称,镇(街道),类型,经度,纬度', 'V1,甲村,丁镇,村,113.0,23.01', 'V2,乙社区,T2,社区,２００,23.02'],
      }),
    );
    const byPath = new Map(issues.map((i) => [i.path, i]));
    expect([...byPath.keys()]).toEqual(['律师!2!律师事务所', '律师!3!执业状态', '律师!3!不可服务日期', '律师!3!对口支援', '律师!4!编号', '村(社区)!2!镇(街道)', '村(社区)!3!经度']);
    expect(byPath.get('律师!3!执业状态')).toMatchObject({ zh: '律师 表第 3 行「执业状态」:应为“执业”或“实习”', value: '退休', code: 'invalid_cell' });
    expect(byPath.get('律师!2!律师事务所')!.zh).toBe('律师 表第 2 行「律师事务所」:没有此名称的律师事务所');
    expect(byPath.get('村(社区)!3!经度')!.zh).toBe('村(社区) 表第 3 行「经度」:应为 -180 到 180 之间的经度');
    expect(byPath.get('律师!4!编号')!.zh).toBe('律师 表第 4 行「编号」:必填');
    for (const i of issues) expect(i.message).toMatch(/^sheet .+, row \d+, column .+: /);
  });

  it('of the scenario check are pointed back at the cells', () => {
    const issues = problems(
      sheets({
        ...BASE,
        律师: ['编号,姓名,律师事务所,执业状态', 'L1,张三,F1,执业', 'L1,李四,F2,实习'],
        现任顾问: ['村(社区)编号,律师编号', 'V9,L1'],
        意向与回避: ['类型,编号,意向律师,回避', '村(社区),V1,L1、L7,'],
      }),
    );
    const paths = issues.map((i) => i.path);
    expect(paths).toContain('律师!3!编号');
    expect(paths).toContain('现任顾问!2!村(社区)编号');
    expect(paths).toContain('意向与回避!2!意向律师');
    expect(issues.find((i) => i.path === '律师!3!编号')!.zh).toBe('律师 表第 3 行「编号」:编号重复');
  });

  it('name a missing sheet, a missing column and an unknown one', () => {
    const { 律师: _l, ...rest } = BASE;
    expect(problems(sheets(rest)).map((i) => i.zh)).toContain('律师 表:缺少「律师」表');
    const issues = problems(sheets({ ...BASE, 律所: ['编号,名称,所在地区,经度,颜色', 'F1,甲所,C1,113,红'] }));
    expect(issues.map((i) => i.zh)).toEqual(expect.arrayContaining(['律所 表第 1 行「颜色」:未知的列;应为 编号、名称、所在地区、经度、纬度', '律所 表第 1 行:缺少「纬度」列']));
  });

  it('never wait on a drop-down list or merge that covers the whole sheet (a few kB that exceljs would expand cell by cell)', async () => {
    const wb = new ExcelJS.Workbook();
    for (const [name, lines] of Object.entries(BASE)) {
      const ws = wb.addWorksheet(name);
      for (const line of lines) ws.addRow(line.split(','));
    }
    const ws = wb.getWorksheet('律师')!;
    (ws as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }).dataValidations.add('A1:XFD1048576', { type: 'list', allowBlank: true, formulae: ['"a,b"'] });
    ws.mergeCells('H10:J12');
    const started = performance.now();
    const s = readScenarioWorkbook(await readWorkbook(Buffer.from(await wb.xlsx.writeBuffer())));
    expect(performance.now() - started).toBeLessThan(3000);
    expect(s.lawyers).toHaveLength(2);
  });

  it('are capped as every list of problems is', () => {
    const rows = Array.from({ length: 1500 }, (_, i) => `L${i},张${i},F1,退休`);
    let err: InvalidDocumentError | undefined;
    try {
      readScenarioWorkbook(sheets({ ...BASE, 律师: ['编号,姓名,律师事务所,执业状态', ...rows] }));
    } catch (e) {
      err = e as InvalidDocumentError;
    }
    expect(err).toBeInstanceOf(InvalidDocumentError);
    expect(err!.issues).toHaveLength(1000);
    expect(err!.count).toBe(1500);
  });
});

/** A scenario as the workbook keeps it: boundaries are left out. */
const withoutBoundaries = (s: Scenario): Scenario => ({ ...s, regions: s.regions.map(({ boundary: _b, ...r }) => r) });

async function roundTrip(s: Scenario): Promise<Scenario> {
  return readScenarioWorkbook(await readWorkbook(await scenarioWorkbook(s)));
}

// text a clerk could type: no separators (、,;) and no space at either end
const word = fc
  .array(fc.constantFrom(...'张三李四村镇甲乙abcXYZ019=+-_@ #（）()'.split('')), { minLength: 1, maxLength: 12 })
  .map((cs) => cs.join('').trim())
  .filter((s) => s !== '');
const coord = (min: number, max: number) => fc.double({ min, max, noNaN: true }).map((x) => x + 0);
const opt = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined });
const defined = <T extends object>(o: T): T => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
const someOf = (ids: string[]) => (ids.length === 0 ? fc.constant(undefined) : opt(fc.uniqueArray(fc.constantFrom(...ids), { minLength: 1, maxLength: 3 })));

/** Small scenarios with every field the workbook carries, each present or not. */
const smallScenario: fc.Arbitrary<Scenario> = fc
  .record({ nTowns: fc.integer({ min: 1, max: 3 }), nFirms: fc.integer({ min: 1, max: 3 }), nLawyers: fc.integer({ min: 0, max: 5 }), nVillages: fc.integer({ min: 0, max: 5 }) })
  .chain(({ nTowns, nFirms, nLawyers, nVillages }) => {
    const towns = Array.from({ length: nTowns }, (_, i) => `T${i}`);
    const firms = Array.from({ length: nFirms }, (_, i) => `F${i}`);
    const lawyers = Array.from({ length: nLawyers }, (_, i) => `L${i}`);
    const villages = Array.from({ length: nVillages }, (_, i) => `V${i}`);
    const point = fc.tuple(coord(-180, 180), coord(-90, 90));
    return fc.record({
      name: word,
      year: fc.integer({ min: 2000, max: 2100 }),
      crs: opt(fc.constantFrom('wgs84' as const, 'gcj02' as const, 'bd09' as const)),
      policy: fc.record({ maxVillagesPerLawyer: fc.integer({ min: 1, max: 20 }), mode: fc.constantFrom('individual' as const, 'team' as const, { C: 'firm-town' as const }) }),
      notice: opt(fc.record({ serviceContent: word, complaintEmail: word })),
      county: fc.record({ class: opt(fc.constantFrom('prd' as const, 'less-developed' as const)), contact: opt(fc.record({ bureau: word, phone: word, email: word })), location: opt(point) }),
      towns: fc.tuple(...towns.map((id) => fc.record({ id: fc.constant(id), name: word, location: opt(point) }))),
      firms: fc.tuple(...firms.map((id) => fc.record({ id: fc.constant(id), name: word, location: point, regionId: fc.constantFrom('C', ...towns) }))),
      lawyers: fc.tuple(
        ...lawyers.map((id) =>
          fc.record({
            id: fc.constant(id),
            name: word,
            firmId: fc.constantFrom(...firms),
            status: fc.constantFrom('practicing' as const, 'intern' as const),
            specialties: fc.array(word, { maxLength: 3 }),
            base: opt(point),
            maxVillages: opt(fc.integer({ min: 0, max: 1000 })),
            monthlyHours: opt(coord(0, 744)),
            unavailable: opt(fc.array(fc.date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)), { minLength: 1, maxLength: 3 })),
            pairedAssistance: opt(fc.boolean()),
            contact: opt(fc.record({ phone: opt(word), email: opt(word), wechat: opt(word) }).filter((c) => Object.values(c).some((v) => v !== undefined))),
          }),
        ),
      ),
      villages: fc.tuple(
        ...villages.map((id) =>
          fc.record({
            id: fc.constant(id),
            name: word,
            townId: fc.constantFrom(...towns),
            kind: fc.constantFrom('village' as const, 'community' as const),
            location: point,
            population: opt(fc.nat(1_000_000)),
            needs: opt(fc.array(word, { minLength: 1, maxLength: 3 })),
            serviceMode: opt(fc.constantFrom('standard' as const, 'flexible' as const)),
            requests: opt(fc.record({ eveningSchoolPerMonth: fc.nat(31), weekendPerMonth: fc.nat(10) })),
          }),
        ),
      ),
      villagePrefs: fc.uniqueArray(fc.record({ villageId: fc.constantFrom('', ...villages), lawyers: someOf(lawyers), firms: someOf(firms), vetoes: someOf([...lawyers, ...firms]) }), { selector: (p) => p.villageId, maxLength: 3 }),
      lawyerPrefs: fc.uniqueArray(fc.record({ lawyerId: fc.constantFrom('', ...lawyers), villages: someOf(villages), vetoes: someOf(villages) }), { selector: (p) => p.lawyerId, maxLength: 3 }),
      baseline: fc.uniqueArray(fc.record({ villageId: fc.constantFrom('', ...villages), lawyerId: fc.constantFrom('', ...lawyers), team: someOf(lawyers) }), { selector: (b) => b.villageId, maxLength: 3 }),
      travel: fc.uniqueArray(fc.record({ lawyerId: fc.constantFrom('', ...lawyers), villageId: fc.constantFrom('', ...villages), km: coord(0, 500), minutes: opt(coord(0, 600)) }), { selector: (o) => `${o.lawyerId}/${o.villageId}`, maxLength: 3 }),
    });
  })
  .map((r): Scenario => {
    const input: ScenarioInput = defined({
      schema: 'ovola.scenario/v1' as const,
      name: r.name,
      year: r.year,
      crs: r.crs,
      policy: r.policy,
      notice: r.notice,
      regions: [defined({ id: 'C', name: '某县', level: 'county' as const, ...r.county }), ...r.towns.map((t) => defined({ ...t, level: 'town' as const, parentId: 'C' }))],
      firms: r.firms,
      lawyers: r.lawyers.map((l) => defined({ ...l, contact: l.contact && defined(l.contact) })),
      villages: r.villages.map(defined),
      preferences: { villages: r.villagePrefs.filter((p) => p.villageId !== '').map(defined), lawyers: r.lawyerPrefs.filter((p) => p.lawyerId !== '').map(defined) },
      baseline: r.baseline.filter((b) => b.villageId !== '' && b.lawyerId !== '').map(defined),
      travelOverrides: r.travel.filter((o) => o.lawyerId !== '' && o.villageId !== '').map(defined),
    });
    return parseScenario(input);
  });

describe('round trip: a scenario exported to the workbook reads back the same', () => {
  it('for small scenarios of every shape', async () => {
    await fc.assert(
      fc.asyncProperty(smallScenario, async (s) => {
        expect(await roundTrip(s)).toEqual(s);
      }),
      { numRuns: 12 },
    );
  }, 30_000);

  it('for generated ones (baseline, preferences, pins, team modes)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 1_000_000 }), fc.constantFrom('individual' as const, 'by-class' as const), async (seed, mode) => {
        const s = withoutBoundaries(parseScenario(generateScenario({ preset: 'county', seed, baseline: true, pins: true, mode })));
        expect(await roundTrip(s)).toEqual(s);
      }),
      { numRuns: 2 },
    );
  }, 30_000);
});

describe('docs/WORKBOOK.md', () => {
  it('is what scripts/write-workbook-doc.ts writes from the column tables', async () => {
    const { readFileSync } = await import('node:fs');
    const { workbookDocument } = await import('../../src/io/workbook-doc.js');
    expect(readFileSync(new URL('../../docs/WORKBOOK.md', import.meta.url), 'utf8')).toBe(workbookDocument());
  });
});
