/**
 * `parseScenario` on bad input: one test per class of error, each naming the exact field path of
 * every problem, all reported at once in one InvalidDocumentError.
 */
import { describe, expect, test } from 'vitest';
import { InvalidDocumentError, type Issue, parseScenario } from '../../src/domain/index.js';

/**
 * A small valid scenario as plain JSON: city C1 > county K1 > towns T1, T2; firms F1, F2 in K1;
 * lawyers L1 (F1), L2 (F2), intern I1 (F1); villages V1, V2 (T1) and V3 (T2).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the tests break this document on purpose
type Doc = any;
function doc(): Doc {
  return {
    schema: 'ovola.scenario/v1',
    name: '测试',
    year: 2026,
    regions: [
      { id: 'C1', name: '甲市', level: 'city' },
      { id: 'K1', name: '甲县', level: 'county', parentId: 'C1' },
      { id: 'T1', name: '一镇', level: 'town', parentId: 'K1' },
      { id: 'T2', name: '二镇', level: 'town', parentId: 'K1' },
    ],
    firms: [
      { id: 'F1', name: '一所', location: [113.0, 23.0], regionId: 'K1' },
      { id: 'F2', name: '二所', location: [113.1, 23.0], regionId: 'K1' },
    ],
    lawyers: [
      { id: 'L1', name: '律师一', firmId: 'F1', status: 'practicing' },
      { id: 'L2', name: '律师二', firmId: 'F2', status: 'practicing' },
      { id: 'I1', name: '实习一', firmId: 'F1', status: 'intern' },
    ],
    villages: [
      { id: 'V1', name: '一村', townId: 'T1', kind: 'village', location: [113.01, 23.0] },
      { id: 'V2', name: '二村', townId: 'T1', kind: 'community', location: [113.02, 23.0] },
      { id: 'V3', name: '三村', townId: 'T2', kind: 'village', location: [113.03, 23.0] },
    ],
  };
}

/** The issues `parseScenario` throws for a document; fails the test if it does not throw them. */
function issuesOf(input: Doc): Issue[] {
  try {
    parseScenario(input);
  } catch (err) {
    expect(err).toBeInstanceOf(InvalidDocumentError);
    return (err as InvalidDocumentError).issues;
  }
  expect.fail('the scenario was accepted');
}

/** Every issue's path, sorted, so a test states the whole set of problems exactly. */
const pathsOf = (input: Doc) =>
  issuesOf(input)
    .map((i) => i.path)
    .sort();

const sorted = (paths: string[]) => [...paths].sort();

test('the base document is valid', () => {
  expect(() => parseScenario(doc())).not.toThrow();
});

describe('shape', () => {
  test('a wrong schema literal is reported at `schema`, with the other shape errors', () => {
    const d = doc();
    d.schema = 'ovola.scenario/v2';
    d.lawyers[1].status = 'retired';
    const issues = issuesOf(d);
    expect(issues.map((i) => i.path).sort()).toEqual(sorted(['schema', 'lawyers[1].status']));
    expect(issues.find((i) => i.path === 'schema')).toMatchObject({ value: 'ovola.scenario/v2' });
    expect(issues.find((i) => i.path === 'schema')!.message).toContain('ovola.scenario/v1');
  });

  test('an unknown field is rejected with its path', () => {
    const d = doc();
    d.comment = 'x';
    d.lawyers[1].nickname = '小二';
    d.policy = { weights: { speed: 3 } };
    d.villages[2].requests = { eveningSchoolPerMonth: 1, nightSchool: 2 };
    const issues = issuesOf(d);
    expect(issues.map((i) => i.path).sort()).toEqual(
      sorted(['comment', 'lawyers[1].nickname', 'policy.weights.speed', 'villages[2].requests.nightSchool']),
    );
    for (const i of issues) expect(i.message).toBe('unknown field');
  });

  test('a missing required field is reported with its path', () => {
    const d = doc();
    delete d.name;
    delete d.lawyers[1].firmId;
    delete d.villages[0].location;
    delete d.firms[1].regionId;
    expect(pathsOf(d)).toEqual(sorted(['name', 'lawyers[1].firmId', 'villages[0].location', 'firms[1].regionId']));
  });

  test('a value that fits no alternative of a union is reported where it came closest: a mode map entry, a boundary coordinate', () => {
    const d = doc();
    d.policy = { mode: { K1: 'teams' } };
    d.regions[2].boundary = { type: 'Polygon', coordinates: [[[113, 23], [113.1, 23], [113.1, 'x'], [113, 23]]] };
    const issues = issuesOf(d);
    expect(issues.map((i) => i.path).sort()).toEqual(sorted(['policy.mode.K1', 'regions[2].boundary.coordinates[0][2][1]']));
    expect(issues.find((i) => i.path === 'policy.mode.K1')).toMatchObject({ value: 'teams' });
    expect(issues.find((i) => i.path === 'policy.mode.K1')!.message).toContain('firm-town');
    // a value wrong at the union itself is reported there
    d.regions[2].boundary = undefined;
    d.policy = { mode: 7 };
    expect(pathsOf(d)).toEqual(['policy.mode']);
  });

  test('coordinates outside [-180, 180] × [-90, 90] are reported at the coordinate', () => {
    const d = doc();
    d.villages[0].location = [181, 23];
    d.villages[1].location = [113, -91];
    d.firms[1].location = [-200, 95];
    d.lawyers[0].base = [113, 90.5];
    d.regions[0].location = [180.01, 0];
    const issues = issuesOf(d);
    expect(issues.map((i) => i.path).sort()).toEqual(
      sorted([
        'villages[0].location[0]',
        'villages[1].location[1]',
        'firms[1].location[0]',
        'firms[1].location[1]',
        'lawyers[0].base[1]',
        'regions[0].location[0]',
      ]),
    );
    expect(issues.find((i) => i.path === 'villages[0].location[0]')).toMatchObject({ value: 181, message: expect.stringContaining('longitude') });
    expect(issues.find((i) => i.path === 'villages[1].location[1]')).toMatchObject({ value: -91, message: expect.stringContaining('latitude') });
  });

  test('the edge coordinates ±180 and ±90 are accepted', () => {
    const d = doc();
    d.villages[0].location = [180, 90];
    d.villages[1].location = [-180, -90];
    expect(() => parseScenario(d)).not.toThrow();
  });
});

describe('ids and references', () => {
  test('duplicate ids are reported in each collection', () => {
    const d = doc();
    d.regions.push({ id: 'T2', name: '又二镇', level: 'town', parentId: 'K1' });
    d.firms.push({ id: 'F1', name: '又一所', location: [113, 23], regionId: 'K1' });
    d.lawyers.push({ id: 'L2', name: '又律师二', firmId: 'F1', status: 'practicing' });
    d.villages.push({ id: 'V1', name: '又一村', townId: 'T1', kind: 'village', location: [113, 23] });
    const issues = issuesOf(d);
    expect(issues.map((i) => i.path).sort()).toEqual(sorted(['regions[4].id', 'firms[2].id', 'lawyers[3].id', 'villages[3].id']));
    for (const i of issues) expect(i.message).toBe('duplicate id');
    expect(issues.find((i) => i.path === 'lawyers[3].id')).toMatchObject({ value: 'L2' });
  });

  test('unknown regions, firms and towns are reported where they are named', () => {
    const d = doc();
    d.regions[3].parentId = 'KX';
    d.firms[0].regionId = 'KY';
    d.lawyers[1].firmId = 'FX';
    d.villages[2].townId = 'TX';
    const issues = issuesOf(d);
    expect(issues.map((i) => i.path).sort()).toEqual(
      sorted(['regions[3].parentId', 'firms[0].regionId', 'lawyers[1].firmId', 'villages[2].townId']),
    );
    expect(issues.find((i) => i.path === 'lawyers[1].firmId')).toMatchObject({ message: 'unknown firm', value: 'FX' });
    expect(issues.find((i) => i.path === 'villages[2].townId')).toMatchObject({ message: 'unknown town', value: 'TX' });
  });

  test('unknown lawyers, villages and firms in preferences, pins, baseline villages and travelOverrides are reported', () => {
    const d = doc();
    d.preferences = {
      villages: [
        { villageId: 'VX', lawyers: ['L1', 'LX'], firms: ['FX'], vetoes: ['ZZ'] },
        { villageId: 'V1', vetoes: ['F2', 'L2'] },
      ],
      lawyers: [{ lawyerId: 'LY', villages: ['VY'], vetoes: ['V1', 'VZ'] }],
    };
    d.pins = [
      { villageId: 'VP', lawyerId: 'L1' },
      { villageId: 'V2', lawyerId: 'LP' },
    ];
    d.baseline = [
      { villageId: 'VB', lawyerId: 'L1' },
      { villageId: 'V2', lawyerId: 'LB', team: ['L1', 'LT'] },
    ];
    d.travelOverrides = [
      { lawyerId: 'LO', villageId: 'V1', km: 3 },
      { lawyerId: 'L1', villageId: 'VO', km: 3 },
    ];
    const issues = issuesOf(d);
    expect(issues.map((i) => i.path).sort()).toEqual(
      sorted([
        'preferences.villages[0].villageId',
        'preferences.villages[0].lawyers[1]',
        'preferences.villages[0].firms[0]',
        'preferences.villages[0].vetoes[0]',
        'preferences.lawyers[0].lawyerId',
        'preferences.lawyers[0].villages[0]',
        'preferences.lawyers[0].vetoes[1]',
        'pins[0].villageId',
        'pins[1].lawyerId',
        'baseline[0].villageId',
        'travelOverrides[0].lawyerId',
        'travelOverrides[1].villageId',
      ]),
    );
    for (const i of issues) expect(i.message).toMatch(/^unknown /);
    expect(issues.find((i) => i.path === 'baseline[0].villageId')).toMatchObject({ message: 'unknown village', value: 'VB' });
  });

  test('a baseline may name lawyers who have left the roster (R6: their villages are vacated)', () => {
    const d = doc();
    d.baseline = [
      { villageId: 'V1', lawyerId: 'L00003' },
      { villageId: 'V2', lawyerId: 'L1', team: ['L2', 'GONE'] },
    ];
    const s = parseScenario(d);
    expect(s.baseline).toEqual(d.baseline);
  });

  test('a second entry for the same village or pair is reported', () => {
    const d = doc();
    d.preferences = {
      villages: [{ villageId: 'V1' }, { villageId: 'V1', lawyers: ['L1'] }],
      lawyers: [{ lawyerId: 'L1' }, { lawyerId: 'L1' }],
    };
    d.pins = [
      { villageId: 'V2', lawyerId: 'L1' },
      { villageId: 'V2', lawyerId: 'L2' },
    ];
    d.baseline = [
      { villageId: 'V3', lawyerId: 'L1' },
      { villageId: 'V3', lawyerId: 'L1' },
    ];
    d.travelOverrides = [
      { lawyerId: 'L1', villageId: 'V1', km: 3 },
      { lawyerId: 'L1', villageId: 'V1', km: 4 },
    ];
    expect(pathsOf(d)).toEqual(
      sorted(['preferences.villages[1].villageId', 'preferences.lawyers[1].lawyerId', 'pins[1].villageId', 'baseline[1].villageId', 'travelOverrides[1]']),
    );
  });

  test('a village whose town is a county (or a city) is reported', () => {
    const d = doc();
    d.villages[0].townId = 'K1';
    d.villages[2].townId = 'C1';
    const issues = issuesOf(d);
    expect(issues).toEqual([
      { path: 'villages[0].townId', message: 'region is a county, not a town', value: 'K1' },
      { path: 'villages[2].townId', message: 'region is a city, not a town', value: 'C1' },
    ]);
  });

  test('a region parent cycle is reported at the parentId of each region on it', () => {
    // K2 → C2 → K2 is a loop; the villages' chain T1 → K1 → C1 is sound.
    const d = doc();
    d.regions.push({ id: 'C2', name: '乙市', level: 'city', parentId: 'K2' }, { id: 'K2', name: '乙县', level: 'county', parentId: 'C2' });
    const issues = issuesOf(d);
    expect(issues.map((i) => i.path).sort()).toEqual(sorted(['regions[4].parentId', 'regions[5].parentId']));
    for (const i of issues) expect(i.message).toMatch(/cycle/);
  });

  test('a region parent cycle names the regions on the cycle, not the sound regions below it', () => {
    // C1 → K1 → C1 loops. T1 and T2 name an existing parent (K1): their own field is right.
    const d = doc();
    d.regions[0].parentId = 'K1';
    expect(pathsOf(d)).toEqual(sorted(['regions[0].parentId', 'regions[1].parentId']));
  });

  test('a region that is its own parent is reported once, and only there', () => {
    const d = doc();
    d.regions[0].parentId = 'C1';
    const issues = issuesOf(d);
    expect(issues.map((i) => i.path)).toEqual(['regions[0].parentId']);
    expect(issues[0]).toMatchObject({ value: 'C1' });
  });

  test('a policy.mode map naming a non-county is reported at policy.mode.<id>', () => {
    const d = doc();
    d.policy = { mode: { K1: 'individual', T1: 'team', C1: 'firm-town', KX: 'individual' } };
    const issues = issuesOf(d);
    expect(issues.map((i) => i.path).sort()).toEqual(sorted(['policy.mode.T1', 'policy.mode.C1', 'policy.mode.KX']));
    expect(issues.find((i) => i.path === 'policy.mode.T1')).toMatchObject({ message: 'region is a town, not a county' });
    expect(issues.find((i) => i.path === 'policy.mode.C1')).toMatchObject({ message: 'region is a city, not a county' });
    expect(issues.find((i) => i.path === 'policy.mode.KX')).toMatchObject({ message: 'unknown county' });
  });
});

describe('pins that cannot hold', () => {
  test('a pin on an intern is reported (R2)', () => {
    const d = doc();
    d.pins = [
      { villageId: 'V1', lawyerId: 'L1' },
      { villageId: 'V2', lawyerId: 'I1' },
      { villageId: 'V3', lawyerId: 'I1' },
    ];
    const issues = issuesOf(d);
    expect(issues.map((i) => i.path)).toEqual(['pins[1].lawyerId', 'pins[2].lawyerId']);
    for (const i of issues) expect(i).toMatchObject({ message: expect.stringMatching(/^R2: /), value: 'I1' });
  });

  test('pins beyond a cap are reported once per lawyer, at the first pin over it (R1)', () => {
    const d = doc();
    d.lawyers[0].maxVillages = 1; // L1: personal cap 1
    d.policy = { maxVillagesPerLawyer: 2 }; // L2: policy cap 2
    d.villages.push(
      { id: 'V4', name: '四村', townId: 'T2', kind: 'village', location: [113.04, 23.0] },
      { id: 'V5', name: '五村', townId: 'T2', kind: 'village', location: [113.05, 23.0] },
      { id: 'V6', name: '六村', townId: 'T2', kind: 'village', location: [113.06, 23.0] },
    );
    d.pins = [
      { villageId: 'V1', lawyerId: 'L1' },
      { villageId: 'V2', lawyerId: 'L2' },
      { villageId: 'V3', lawyerId: 'L1' }, // L1's 2nd: over cap 1
      { villageId: 'V4', lawyerId: 'L1' }, // L1's 3rd: not reported again
      { villageId: 'V5', lawyerId: 'L2' },
      { villageId: 'V6', lawyerId: 'L2' }, // L2's 3rd: over cap 2
    ];
    const issues = issuesOf(d);
    expect(issues.map((i) => i.path)).toEqual(['pins[2].lawyerId', 'pins[5].lawyerId']);
    expect(issues[0]).toMatchObject({ value: 'L1', message: expect.stringMatching(/^R1: .*cap of 1 /) });
    expect(issues[1]).toMatchObject({ value: 'L2', message: expect.stringMatching(/^R1: .*cap of 2 /) });
  });

  test('a pin on a vetoed pair is reported, whichever side vetoes (R5)', () => {
    const d = doc();
    d.preferences = {
      villages: [
        { villageId: 'V1', vetoes: ['L1'] },
        { villageId: 'V2', vetoes: ['F2'] },
      ],
      lawyers: [{ lawyerId: 'L1', vetoes: ['V3'] }],
    };
    d.pins = [
      { villageId: 'V1', lawyerId: 'L1' }, // the village vetoes the lawyer
      { villageId: 'V2', lawyerId: 'L2' }, // the village vetoes the lawyer's firm
      { villageId: 'V3', lawyerId: 'L1' }, // the lawyer vetoes the village
    ];
    const issues = issuesOf(d);
    expect(issues).toEqual([
      { path: 'pins[0].lawyerId', message: 'R5: the village vetoes this lawyer', value: 'L1' },
      { path: 'pins[1].lawyerId', message: 'R5: the village vetoes this lawyer', value: 'L2' },
      { path: 'pins[2].villageId', message: 'R5: the lawyer vetoes this village', value: 'V3' },
    ]);
  });
});

describe('defaults', () => {
  test('defaults are filled in when omitted', () => {
    const s = parseScenario(doc());
    expect(s.policy).toMatchObject({
      maxVillagesPerLawyer: 8,
      mode: 'individual',
      travel: { detourFactor: 1.3, speedKmh: 40 },
      service: { monthlyHours: 8, minOnsiteVisitsPerMonth: 1, maxRemoteShare: 0.5, flexibleHalfYearOnsiteHours: 50 },
    });
    expect(s.policy.maxTravelKm).toBeGreaterThan(0);
    expect(s.policy.candidatesPerVillage).toBeGreaterThanOrEqual(1);
    expect(s.policy.team.maxSize).toBeGreaterThanOrEqual(1);
    expect(s.policy.firmTown.maxTownsPerFirm).toBeGreaterThanOrEqual(1);
    for (const key of ['travelKm', 'villagePreference', 'lawyerPreference', 'change', 'load', 'uncovered', 'teamMember'] as const) {
      expect(typeof s.policy.weights[key], key).toBe('number');
    }
    expect(s.preferences).toEqual({ villages: [], lawyers: [] });
    expect(s.pins).toEqual([]);
    expect(s.baseline).toEqual([]);
    expect(s.travelOverrides).toEqual([]);
    expect(s.lawyers[0].specialties).toEqual([]);
  });

  test('a partial policy keeps what it gives and fills the rest', () => {
    const d = doc();
    d.policy = { maxVillagesPerLawyer: 5, weights: { load: 7 }, travel: { detourFactor: 1.5 } };
    const s = parseScenario(d);
    const defaults = parseScenario(doc()).policy;
    expect(s.policy.maxVillagesPerLawyer).toBe(5);
    expect(s.policy.weights).toEqual({ ...defaults.weights, load: 7 });
    expect(s.policy.travel).toEqual({ detourFactor: 1.5, speedKmh: 40 });
    expect(s.policy.service).toEqual(defaults.service);
  });
});
