import { describe, expect, it } from 'vitest';
import { generateScenario } from '../../src/gen/index.js';
import { buildIndex, convexHull, countyOutlines, figures, filterVillages, lawyerColour, options, orderedHistogram, type ScenarioDoc } from '../../web/src/map/plan-data.js';

const doc: ScenarioDoc = {
  name: 't',
  regions: [
    { id: '440100', name: '广州市', level: 'city' },
    { id: '440111', name: '白云区', level: 'county', parentId: '440100' },
    { id: '440112', name: '黄埔区', level: 'county', parentId: '440100', boundary: { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 0]]] } },
    { id: 'T1', name: '太和镇', level: 'town', parentId: '440111' },
    { id: 'T2', name: '人和镇', level: 'town', parentId: '440111' },
    { id: 'T3', name: '九龙镇', level: 'town', parentId: '440112' },
  ],
  firms: [
    { id: 'F1', name: '甲所', location: [113, 23], regionId: '440111' },
    { id: 'F2', name: '乙所', location: [113.5, 23.2], regionId: '440112' },
  ],
  lawyers: [
    { id: 'L1', name: '张三', firmId: 'F1', status: 'practicing' },
    { id: 'L2', name: '李四', firmId: 'F2', status: 'practicing', base: [113.4, 23.1] },
  ],
  villages: [
    { id: 'V1', name: '大田村', townId: 'T1', location: [113.1, 23.1] },
    { id: 'V2', name: '南岗村', townId: 'T1', location: [113.2, 23.0] },
    { id: 'V3', name: '汉湖村', townId: 'T2', location: [113.3, 23.3] },
    { id: 'V4', name: '凤岗村', townId: 'T3', location: [113.6, 23.2] },
  ],
};
const solution = {
  assignments: [
    { villageId: 'V1', lawyerId: 'L1', firmId: 'F1', travelKm: 4 },
    { villageId: 'V2', lawyerId: 'L1', firmId: 'F1', travelKm: 12 },
    { villageId: 'V4', lawyerId: 'L2', firmId: 'F2', travelKm: 30 },
  ],
  uncovered: [{ villageId: 'V3', reason: 'no-practicing-lawyer-in-range', detail: '最近 52 公里' }],
};

describe('the plan index', () => {
  const ix = buildIndex(doc, solution);

  it('joins villages to towns, counties, advisers and reasons', () => {
    expect(ix.counties.map((c) => c.name)).toEqual(['白云区', '黄埔区']);
    expect(Array.from(ix.county)).toEqual([0, 0, 0, 1]);
    expect(Array.from(ix.lawyer)).toEqual([0, 0, -1, 1]);
    expect(ix.reasons).toEqual(['no-practicing-lawyer-in-range']);
    expect(ix.details.get(2)).toBe('最近 52 公里');
    expect(ix.lawyers[0]).toMatchObject({ lon: 113, lat: 23 });
    expect(ix.lawyers[1]).toMatchObject({ lon: 113.4, lat: 23.1 });
  });

  it('filters by county, town, firm, lawyer, text and uncovered', () => {
    const ids = (f: Parameters<typeof filterVillages>[1]) => Array.from(filterVillages(ix, f), (i) => ix.ids[i]);
    expect(ids({})).toEqual(['V1', 'V2', 'V3', 'V4']);
    expect(ids({ county: 0 })).toEqual(['V1', 'V2', 'V3']);
    expect(ids({ town: ix.towns.findIndex((t) => t.id === 'T1') })).toEqual(['V1', 'V2']);
    expect(ids({ firm: 1 })).toEqual(['V4']);
    expect(ids({ lawyer: 0, town: 0 })).toEqual(['V1', 'V2']);
    expect(ids({ text: '汉湖' })).toEqual(['V3']);
    expect(ids({ text: 'v4' })).toEqual(['V4']);
    expect(ids({ text: '太和' })).toEqual(['V1', 'V2']);
    expect(ids({ uncovered: true })).toEqual(['V3']);
    expect(ids({ county: -1 })).toHaveLength(4);
  });

  it('narrows the select options', () => {
    expect(options(ix, { county: 1 }).towns!.map((t) => ix.towns[t].id)).toEqual(['T3']);
    expect(options(ix, { firm: 0 }).lawyers).toEqual([0]);
  });

  it('computes travel, load and uncovered figures over a selection', () => {
    const f = figures(ix, filterVillages(ix, {}));
    expect(f).toMatchObject({ villages: 4, covered: 3, travel: { total: 46, max: 30, p95: 30 } });
    expect(f.travel.mean).toBeCloseTo(46 / 3);
    expect(f.travelBands.filter(([, n]) => n > 0)).toEqual([
      [5, 1],
      [15, 1],
      [30, 1],
    ]);
    expect([...f.load]).toEqual([
      [1, 1],
      [2, 1],
    ]);
    expect([...f.uncoveredByReason]).toEqual([['no-practicing-lawyer-in-range', 1]]);
  });

  it('outlines a county by its boundary, else by the hull of its villages', () => {
    const o = countyOutlines(doc, ix);
    expect(o.map((x) => x.drawn)).toEqual(['hull', 'boundary']);
    expect(o[0].rings[0]).toHaveLength(3);
  });
});

describe('helpers', () => {
  it('convexHull drops inner and collinear points', () => {
    expect(convexHull([[0, 0], [2, 0], [1, 0], [1, 1], [2, 2], [0, 2]])).toEqual([[0, 0], [2, 0], [2, 2], [0, 2]]);
  });
  it('gives each lawyer a stable colour', () => {
    expect(lawyerColour('L1')).toBe(lawyerColour('L1'));
    expect(lawyerColour('L1')).not.toBe(lawyerColour('L2'));
  });
  it('orders rank histograms numerically, named buckets last', () => {
    expect(orderedHistogram({ uncovered: 1, '10': 2, '2': 3, '1': 4 }).map(([k]) => k)).toEqual(['1', '2', '10', 'uncovered']);
  });
});

describe('at province scale', () => {
  it('indexes ~26,500 villages and filters them in a few milliseconds', () => {
    const scenario = generateScenario({ preset: 'province', seed: 1 }) as unknown as ScenarioDoc;
    const assignments = scenario.villages.map((v, k) => ({ villageId: v.id, lawyerId: scenario.lawyers[k % scenario.lawyers.length].id, firmId: scenario.lawyers[k % scenario.lawyers.length].firmId, travelKm: k % 40 }));
    const t0 = performance.now();
    const ix = buildIndex(scenario, { assignments, uncovered: [] });
    const built = performance.now() - t0;
    expect(ix.n).toBeGreaterThan(20_000);
    const t1 = performance.now();
    for (let t = 0; t < 20; t++) filterVillages(ix, { town: t, text: '村' });
    const perFilter = (performance.now() - t1) / 20;
    expect(built).toBeLessThan(1000);
    expect(perFilter).toBeLessThan(20);
  });
});
