import { describe, expect, test } from 'vitest';
import { validateSolution } from '../../src/validate/index.js';
import { byId, GOOD, rules, scenario, solution } from './fixtures.js';

describe('a correct plan', () => {
  test('passes with no violation', () => {
    const s = scenario();
    expect(validateSolution(s, solution(s, GOOD))).toEqual([]);
  });
});

describe('REFERENCE', () => {
  test('an unknown lawyer is reported', () => {
    const s = scenario();
    const v = validateSolution(s, solution(s, { assign: { V1: 'LX', V2: 'L2', V3: 'L3' } }));
    expect(rules(v)).toEqual(['REFERENCE']);
    expect(v[0]).toMatchObject({ villageId: 'V1', lawyerId: 'LX', path: 'assignments[0].lawyerId' });
    expect(v[0].message).toContain('LX');
  });

  test('a firm that is not the adviser’s firm is reported', () => {
    const s = scenario();
    const v = validateSolution(s, solution(s, GOOD, (sol) => (sol.assignments[0].firmId = 'F2')));
    expect(rules(v)).toEqual(['REFERENCE']);
    expect(v[0].message).toBe('village V1: firm given as F2, but adviser L1 is of firm F1');
  });

  test('an unknown team member and an unknown uncovered village are reported', () => {
    const s = scenario((x) => (x.policy = { mode: 'team' }));
    const v = validateSolution(s, solution(s, { assign: { V1: ['L1', 'LZ'], V2: 'L2', V3: 'L3' }, uncovered: { VX: 'vetoed-all' } }));
    expect(rules(v)).toEqual(['REFERENCE', 'REFERENCE']);
    expect(v.map((x) => x.path)).toEqual(['assignments[0].team[0]', 'uncovered[0].villageId']);
  });
});

describe('COVERAGE', () => {
  test('a village left out of the plan is reported', () => {
    const s = scenario();
    const v = validateSolution(s, solution(s, { assign: { V1: 'L1', V2: 'L2' } }));
    expect(rules(v)).toEqual(['COVERAGE']);
    expect(v[0]).toMatchObject({ villageId: 'V3', message: 'village V3 is neither assigned nor listed as uncovered' });
  });

  test('a village both assigned and uncovered is reported', () => {
    // Every lawyer in range is full, so the uncovered entry's reason would hold; only the double entry is wrong.
    const s = scenario((x) => (x.policy = { maxVillagesPerLawyer: 1 }));
    const v = validateSolution(s, solution(s, { ...GOOD, uncovered: { V3: 'all-candidates-at-cap' } }));
    expect(rules(v)).toEqual(['COVERAGE']);
    expect(v[0]).toMatchObject({ villageId: 'V3', message: 'village V3 appears 2 times (assignments[2], uncovered[0])' });
  });

  test('a village assigned twice is reported', () => {
    const s = scenario();
    const sol = solution(s, GOOD);
    sol.assignments.push({ ...sol.assignments[1], lawyerId: 'L2' });
    const v = validateSolution(s, sol).filter((x) => x.rule !== 'METRICS');
    expect(rules(v)).toEqual(['COVERAGE']);
    expect(v[0].message).toBe('village V2 appears 2 times (assignments[1], assignments[3])');
  });
});

describe('R1', () => {
  test('a lawyer over the cap is reported', () => {
    const s = scenario((x) => (byId(x.lawyers, 'L1').maxVillages = 1));
    const v = validateSolution(s, solution(s, { assign: { V1: 'L1', V2: 'L1', V3: 'L3' } }));
    expect(rules(v)).toEqual(['R1']);
    expect(v[0]).toMatchObject({ lawyerId: 'L1', message: 'lawyer L1 advises 2 villages, cap 1' });
  });

  test("a lawyer's monthly hours cap them at 8 h a village (R9)", () => {
    const s = scenario((x) => (byId(x.lawyers, 'L1').monthlyHours = 15));
    const v = validateSolution(s, solution(s, { assign: { V1: 'L1', V2: 'L1', V3: 'L3' } }));
    expect(rules(v)).toEqual(['R1']);
    expect(v[0]).toMatchObject({ lawyerId: 'L1', message: 'lawyer L1 advises 2 villages, cap 1' });
  });

  test('team roles count towards the cap', () => {
    const s = scenario((x) => {
      x.policy = { mode: 'team', maxVillagesPerLawyer: 2 };
    });
    const v = validateSolution(s, solution(s, { assign: { V1: ['L1', 'L2'], V2: 'L2', V3: ['L3'] } }));
    expect(v).toEqual([]);
    const over = validateSolution(s, solution(s, { assign: { V1: ['L1', 'L2'], V2: ['L2'], V3: ['L1', 'L2'] } }));
    expect(rules(over).filter((r) => r === 'R1')).toEqual(['R1']);
    expect(over.find((x) => x.rule === 'R1')?.message).toBe('lawyer L2 advises 3 villages, cap 2');
  });
});

describe('R2', () => {
  test('an intern as responsible adviser is reported', () => {
    const s = scenario();
    const v = validateSolution(s, solution(s, { assign: { V1: 'I1', V2: 'L2', V3: 'L3' } }));
    expect(rules(v)).toEqual(['R2']);
    expect(v[0]).toMatchObject({ villageId: 'V1', lawyerId: 'I1' });
  });

  test('an intern beside an adviser of another firm is reported; beside their own firm passes', () => {
    const s = scenario((x) => (x.policy = { mode: 'team' }));
    expect(validateSolution(s, solution(s, { assign: { V1: ['L1', 'I1'], V2: 'L2', V3: 'L3' } }))).toEqual([]);
    const v = validateSolution(s, solution(s, { assign: { V1: 'L1', V2: 'L2', V3: ['L3', 'I1'] } }));
    expect(rules(v)).toEqual(['R2']);
    expect(v[0].message).toBe('intern I1 (firm F1) on village V3 beside adviser L3 of another firm (F2)');
  });
});

describe('R3', () => {
  const teamScenario = () =>
    scenario((x) => {
      x.policy = { mode: { K1: 'team' } };
      byId(x.villages, 'V1').needs = ['land', 'family'];
    });

  test('a team covering the needs passes', () => {
    const s = teamScenario();
    expect(validateSolution(s, solution(s, { assign: { V1: ['L1', 'L2'], V2: 'L2', V3: 'L3' } }))).toEqual([]);
  });

  test('a team member of another firm is reported', () => {
    const s = teamScenario();
    const v = validateSolution(s, solution(s, { assign: { V1: ['L1', 'L2', 'L3'], V2: 'L2', V3: 'L3' } }));
    expect(rules(v)).toEqual(['R3']);
    expect(v[0].message).toBe('village V1: team member L3 is of firm F2, adviser L1 of firm F1');
  });

  test('a team larger than team.maxSize is reported', () => {
    const s = scenario((x) => {
      x.policy = { mode: 'team', team: { maxSize: 2 } };
    });
    const v = validateSolution(s, solution(s, { assign: { V1: ['L1', 'L2', 'I1'], V2: 'L2', V3: 'L3' } }));
    expect(rules(v)).toEqual(['R3']);
    expect(v[0].message).toBe('village V1 has a team of 3, max 2');
  });

  test('a member listed twice is reported', () => {
    const s = teamScenario();
    const v = validateSolution(s, solution(s, { assign: { V1: ['L1', 'L2', 'L2'], V2: 'L2', V3: 'L3' } }));
    expect(rules(v)).toEqual(['R3']);
    expect(v[0].message).toBe('village V1: lawyer L2 is on the team twice');
  });

  test('missingNeeds that do not match the team are reported; an honest list passes', () => {
    const s = teamScenario();
    const v = validateSolution(s, solution(s, { assign: { V1: 'L1', V2: 'L2', V3: 'L3' } }));
    expect(rules(v)).toEqual(['R3']);
    expect(v[0].message).toBe('village V1: missingNeeds reported as [], but the team leaves [family] uncovered');
    expect(validateSolution(s, solution(s, { assign: { V1: 'L1', V2: 'L2', V3: 'L3' }, missingNeeds: { V1: ['family'] } }))).toEqual([]);
  });

  test('a team outside team mode is reported', () => {
    const s = scenario((x) => (x.policy = { mode: { K2: 'team' } }));
    const v = validateSolution(s, solution(s, { assign: { V1: ['L1', 'L2'], V2: 'L2', V3: 'L3' } }));
    expect(rules(v)).toEqual(['R3']);
    expect(v[0].message).toBe('village V1 is not in team mode but has team members L2');
  });
});

describe('R4', () => {
  const firmTown = (policy: object = {}) =>
    scenario((x) => {
      x.policy = { mode: { K1: 'firm-town' }, ...policy };
    });
  const plan = { assign: { V1: 'L1', V2: 'L2', V3: 'L1' }, firmTowns: { T1: 'F1', T2: 'F1' } };

  test('one firm per town over adjacent towns passes', () => {
    const s = firmTown();
    expect(validateSolution(s, solution(s, plan))).toEqual([]);
  });

  test('a village advised by a lawyer of another firm than its town’s is reported', () => {
    const s = firmTown();
    const v = validateSolution(s, solution(s, { ...plan, assign: { V1: 'L1', V2: 'L2', V3: 'L3' } }));
    expect(rules(v)).toEqual(['R4']);
    expect(v[0].message).toBe('village V3 in town T2 (firm F1) is advised by L3 of firm F2');
  });

  test('a firm over maxTownsPerFirm is reported', () => {
    const s = firmTown({ firmTown: { maxTownsPerFirm: 1 } });
    const v = validateSolution(s, solution(s, plan));
    expect(rules(v)).toEqual(['R4']);
    expect(v[0].message).toBe('firm F1 serves 2 towns, max 1');
  });

  test('towns whose centres lie beyond adjacencyKm are reported', () => {
    // T1's centre is the mean of V1 and V2, about 9.5 km from T2's centre (V3).
    const s = firmTown({ firmTown: { adjacencyKm: 5 } });
    const v = validateSolution(s, solution(s, plan));
    expect(rules(v)).toEqual(['R4']);
    expect(v[0].message).toBe('firm F1 serves towns that are not adjacent: [T1] / [T2]');
  });

  test('a town location wins over the mean of its villages', () => {
    const s = scenario((x) => {
      x.policy = { mode: { K1: 'firm-town' }, firmTown: { adjacencyKm: 5 } };
      byId(x.regions, 'T1').location = [113.0, 23.07];
    });
    expect(validateSolution(s, solution(s, plan))).toEqual([]);
  });

  test('towns whose boundaries touch are adjacent however far their centres', () => {
    const square = (lon: number) => ({
      type: 'Polygon' as const,
      coordinates: [[[lon, 23], [lon + 0.05, 23], [lon + 0.05, 23.1], [lon, 23.1], [lon, 23]] as [number, number][]],
    });
    const s = scenario((x) => {
      x.policy = { mode: { K1: 'firm-town' }, firmTown: { adjacencyKm: 1 } };
      byId(x.regions, 'T1').boundary = square(113.0);
      byId(x.regions, 'T2').boundary = square(113.05);
    });
    expect(validateSolution(s, solution(s, plan))).toEqual([]);
    const apart = scenario((x) => {
      x.policy = { mode: { K1: 'firm-town' }, firmTown: { adjacencyKm: 100 } };
      byId(x.regions, 'T1').boundary = square(113.0);
      byId(x.regions, 'T2').boundary = square(113.2);
    });
    expect(rules(validateSolution(apart, solution(apart, plan)))).toEqual(['R4']);
  });

  test('a town with villages but no firm is reported', () => {
    const s = firmTown();
    const v = validateSolution(s, solution(s, { ...plan, firmTowns: { T1: 'F1' } }));
    expect(rules(v)).toEqual(['R4']);
    expect(v[0].message).toBe('town T2 (firm-town mode) has no firm in firmTowns');
  });

  test('a town honestly without a firm may be left out of firmTowns', () => {
    const s = firmTown();
    expect(validateSolution(s, solution(s, { assign: { V1: 'L1', V2: 'L2' }, uncovered: { V3: 'town-without-firm' }, firmTowns: { T1: 'F1' } }))).toEqual([]);
  });
});

describe('R5', () => {
  test('a village vetoing the adviser’s firm is reported', () => {
    const s = scenario((x) => (x.preferences = { villages: [{ villageId: 'V1', vetoes: ['F1'] }] }));
    const v = validateSolution(s, solution(s, GOOD));
    expect(rules(v)).toEqual(['R5']);
    expect(v[0].message).toBe('village V1 vetoes firm F1 of lawyer L1, yet L1 advises it');
  });

  test('a lawyer vetoing the village is reported', () => {
    const s = scenario((x) => (x.preferences = { lawyers: [{ lawyerId: 'L2', vetoes: ['V2'] }] }));
    const v = validateSolution(s, solution(s, GOOD));
    expect(rules(v)).toEqual(['R5']);
    expect(v[0]).toMatchObject({ villageId: 'V2', lawyerId: 'L2', message: 'lawyer L2 vetoes village V2, yet L2 advises it' });
  });

  test('a vetoed team member is reported', () => {
    const s = scenario((x) => {
      x.policy = { mode: 'team' };
      x.preferences = { villages: [{ villageId: 'V1', vetoes: ['L2'] }] };
    });
    const v = validateSolution(s, solution(s, { assign: { V1: ['L1', 'L2'], V2: 'L2', V3: 'L3' } }));
    expect(rules(v)).toEqual(['R5']);
    expect(v[0].message).toBe('village V1 vetoes lawyer L2, yet L2 is on its team');
  });
});

describe('R6', () => {
  test('a broken pin is reported', () => {
    const s = scenario((x) => (x.pins = [{ villageId: 'V1', lawyerId: 'L2' }]));
    expect(validateSolution(s, solution(s, { assign: { V1: 'L2', V2: 'L1', V3: 'L3' } }))).toEqual([]);
    const v = validateSolution(s, solution(s, GOOD));
    expect(rules(v)).toEqual(['R6']);
    expect(v[0].message).toBe('village V1 is pinned to lawyer L2, but it is advised by L1');
  });
});

describe('R7', () => {
  test('a lawyer of another city is reported', () => {
    const s = scenario();
    const v = validateSolution(s, solution(s, { assign: { V1: 'L9', V2: 'L2', V3: 'L3' } }));
    expect(rules(v)).toEqual(['R7']);
    expect(v[0].message).toBe('lawyer L9 (city C2) serves village V1 in city C1 without paired assistance');
  });

  test('a paired-assistance lawyer may cross the city line', () => {
    const s = scenario((x) => (byId(x.lawyers, 'L9').pairedAssistance = true));
    expect(validateSolution(s, solution(s, { assign: { V1: 'L9', V2: 'L2', V3: 'L3' } }))).toEqual([]);
  });
});

describe('TRAVEL', () => {
  const far = (pin: boolean) =>
    scenario((x) => {
      x.lawyers.push({ id: 'L5', name: 'Far Lawyer', firmId: 'F1', status: 'practicing', base: [113.0, 24.0] });
      if (pin) x.pins = [{ villageId: 'V1', lawyerId: 'L5' }];
    });

  test('an adviser beyond maxTravelKm is reported', () => {
    const s = far(false);
    const v = validateSolution(s, solution(s, { assign: { V1: 'L5', V2: 'L2', V3: 'L3' } }));
    expect(rules(v)).toEqual(['TRAVEL']);
    expect(v[0].message).toBe('lawyer L5 is 144.6 road km from village V1, limit 80');
  });

  test('a pinned pair is exempt from the range', () => {
    const s = far(true);
    expect(validateSolution(s, solution(s, { assign: { V1: 'L5', V2: 'L2', V3: 'L3' } }))).toEqual([]);
  });

  test('a road-km override decides the range', () => {
    const s = scenario((x) => (x.travelOverrides = [{ lawyerId: 'L1', villageId: 'V1', km: 81 }]));
    const v = validateSolution(s, solution(s, GOOD));
    expect(rules(v)).toEqual(['TRAVEL']);
    expect(v[0].message).toBe('lawyer L1 is 81.0 road km from village V1, limit 80');
  });

  test('a travelKm that is not the road km is reported', () => {
    const s = scenario();
    const v = validateSolution(s, solution(s, GOOD, (sol) => (sol.assignments[2].travelKm += 0.005)));
    // The reported totals, made before the edit, no longer add up either (MODEL.md: to the metre).
    expect(v.map((x) => x.path)).toEqual(['assignments[2].travelKm', 'metrics.travelKm.total', 'metrics.travelKm.mean']);
    expect(v[0]).toMatchObject({ rule: 'TRAVEL', villageId: 'V3' });
  });

  test('road km is the haversine distance times the detour factor', () => {
    // One degree of latitude is 111.195 km on a sphere of radius 6371.0088 km.
    const s = scenario((x) => {
      x.policy = { travel: { detourFactor: 1 }, maxTravelKm: 200 };
      x.lawyers.push({ id: 'L5', name: 'Far Lawyer', firmId: 'F1', status: 'practicing', base: [113.01, 24.0] });
    });
    const ok = solution(s, { assign: { V1: 'L5', V2: 'L2', V3: 'L3' } }, (sol) => (sol.assignments[0].travelKm = 111.195));
    expect(rules(validateSolution(s, ok)).filter((r) => r === 'TRAVEL')).toEqual([]);
  });
});

describe('uncovered villages', () => {
  const withFarVillage = () =>
    scenario((x) => x.villages.push({ id: 'V4', name: 'Far Village', townId: 'T2', kind: 'village', location: [110.0, 21.0] }));

  test('no practicing lawyer in range: true passes, false is reported', () => {
    const s = withFarVillage();
    expect(validateSolution(s, solution(s, { ...GOOD, uncovered: { V4: 'no-practicing-lawyer-in-range' } }))).toEqual([]);
    const v = validateSolution(s, solution(s, { assign: { V2: 'L2', V3: 'L3' }, uncovered: { V1: 'no-practicing-lawyer-in-range', V4: 'no-practicing-lawyer-in-range' } }));
    expect(rules(v)).toEqual(['COVERAGE']);
    expect(v[0].message).toBe('village V1 uncovered as "no-practicing-lawyer-in-range": practicing lawyers within 80 km: L1 (1.3 km), L2 (1.3 km), L3 (14.5 km)');
  });

  test('interns and lawyers of another city do not count as in range', () => {
    const s = scenario((x) => {
      x.lawyers = x.lawyers.filter((l) => l.id === 'I1' || l.id === 'L9');
    });
    expect(validateSolution(s, solution(s, { uncovered: { V1: 'no-practicing-lawyer-in-range', V2: 'no-practicing-lawyer-in-range', V3: 'no-practicing-lawyer-in-range' } }))).toEqual([]);
  });

  test('vetoed-all: true passes, false is reported', () => {
    const s = scenario((x) => (x.preferences = { villages: [{ villageId: 'V1', vetoes: ['F1', 'L3'] }] }));
    expect(validateSolution(s, solution(s, { assign: { V2: 'L2', V3: 'L3' }, uncovered: { V1: 'vetoed-all' } }))).toEqual([]);
    const v = validateSolution(s, solution(s, { assign: { V3: 'L3' }, uncovered: { V1: 'vetoed-all', V2: 'vetoed-all' } }));
    expect(rules(v)).toEqual(['COVERAGE']);
    expect(v[0].message).toBe('village V2 uncovered as "vetoed-all": not vetoed either way: L1 (3.0 km), L2 (3.0 km), L3 (13.3 km)');
  });

  test('vetoed-all for a village with no lawyer in range is reported', () => {
    const s = withFarVillage();
    const v = validateSolution(s, solution(s, { ...GOOD, uncovered: { V4: 'vetoed-all' } }));
    expect(rules(v)).toEqual(['COVERAGE']);
    expect(v[0].message).toBe('village V4 uncovered as "vetoed-all": no practicing lawyer is in range at all');
  });

  test('all candidates at cap: true passes; a lawyer with room is a needless gap', () => {
    const s = scenario((x) => (x.policy = { maxVillagesPerLawyer: 1 }));
    const plan = { assign: { V1: 'L1', V2: 'L2' }, uncovered: { V3: 'all-candidates-at-cap' as const } };
    // L3 is free, so the plan that leaves V3 out is needlessly short.
    const v = validateSolution(s, solution(s, plan));
    expect(rules(v)).toEqual(['COVERAGE']);
    expect(v[0].message).toBe('village V3 uncovered as "all-candidates-at-cap": left uncovered needlessly: L3 (1.4 km) advises 0 villages, cap 1');
    const full = scenario((x) => {
      x.policy = { maxVillagesPerLawyer: 1 };
      x.villages.push({ id: 'V4', name: 'Village Four', townId: 'T1', kind: 'village', location: [113.01, 23.01] });
    });
    expect(validateSolution(full, solution(full, { ...GOOD, uncovered: { V4: 'all-candidates-at-cap' } }))).toEqual([]);
  });

  test('town-without-firm outside firm-town mode is reported', () => {
    const s = withFarVillage();
    const v = validateSolution(s, solution(s, { ...GOOD, uncovered: { V4: 'town-without-firm' } }));
    expect(rules(v)).toEqual(['COVERAGE']);
    expect(v[0].message).toBe('village V4 uncovered as "town-without-firm": its county is not in firm-town mode');
  });

  test('in firm-town mode only the town’s firm counts', () => {
    const s = scenario((x) => {
      x.policy = { mode: { K1: 'firm-town' }, maxVillagesPerLawyer: 1 };
    });
    // T2 belongs to F1, whose lawyers are full; L3 of F2 is free but may not serve T2.
    expect(validateSolution(s, solution(s, { assign: { V1: 'L1', V2: 'L2' }, uncovered: { V3: 'all-candidates-at-cap' }, firmTowns: { T1: 'F1', T2: 'F1' } }))).toEqual([]);
  });
});
