/**
 * Scenario changes (SPEC §6) and the re-plan scenario (R6): what each change carries over, and every
 * error naming the change it comes from.
 */
import { describe, expect, test } from 'vitest';
import { applyChanges, Change, PolicyPatch, replanScenario, type Change as ChangeT } from '../../src/domain/changes.js';
import { InvalidDocumentError, type Issue, type Scenario, type Solution } from '../../src/domain/index.js';
import { east, world } from '../fixtures/small.js';

/**
 * V1, V2, V3 in town T1 (county K1, city C1); W1 in town X1 (county K2, city C2).
 * A, B (firm F1, city C1) and an intern I; D (firm F2, city C2). Baseline V1,V2→A, V3→B, W1→D;
 * V1 pinned to A; V1 ranks A then B and vetoes D; A ranks V2 first; an override for (A, V3).
 */
function base(): Scenario {
  return world({
    villages: [
      { id: 'V1', at: east(1) },
      { id: 'V2', at: east(2) },
      { id: 'V3', at: east(3) },
      { id: 'W1', at: east(6), town: 'X1' },
    ],
    firms: [
      { id: 'F1', at: east(0) },
      { id: 'F2', at: east(8), city: 'C2' },
    ],
    lawyers: [{ id: 'A' }, { id: 'B', at: east(4) }, { id: 'I', intern: true }, { id: 'D', firm: 'F2' }],
    extra: {
      preferences: {
        villages: [{ villageId: 'V1', lawyers: ['A', 'B'], vetoes: ['D'] }],
        lawyers: [{ lawyerId: 'A', villages: ['V2'] }],
      },
      pins: [{ villageId: 'V1', lawyerId: 'A' }],
      baseline: [
        { villageId: 'V1', lawyerId: 'A' },
        { villageId: 'V2', lawyerId: 'A' },
        { villageId: 'V3', lawyerId: 'B' },
        { villageId: 'W1', lawyerId: 'D' },
      ],
      travelOverrides: [{ lawyerId: 'A', villageId: 'V3', km: 9 }],
    },
  });
}

const newLawyer = { id: 'N', name: '律师N', firmId: 'F1', status: 'practicing' as const, specialties: [] };

/** The issues of the InvalidDocumentError `fn` throws. */
function issuesOf(fn: () => unknown): Issue[] {
  try {
    fn();
  } catch (err) {
    if (err instanceof InvalidDocumentError) return err.issues;
    throw err;
  }
  throw new Error('expected an InvalidDocumentError');
}

describe('replace-lawyer', () => {
  test('a new record takes the old lawyer’s place, baseline entries, pins and ranking places', () => {
    const s = applyChanges(base(), [{ op: 'replace-lawyer', lawyerId: 'A', by: newLawyer }]);
    expect(s.lawyers.map((l) => l.id)).toEqual(['N', 'B', 'I', 'D']);
    expect(s.baseline).toEqual([
      { villageId: 'V1', lawyerId: 'N' },
      { villageId: 'V2', lawyerId: 'N' },
      { villageId: 'V3', lawyerId: 'B' },
      { villageId: 'W1', lawyerId: 'D' },
    ]);
    expect(s.pins).toEqual([{ villageId: 'V1', lawyerId: 'N' }]);
    expect(s.preferences.villages).toEqual([{ villageId: 'V1', lawyers: ['N', 'B'], vetoes: ['D'] }]);
    // The old lawyer's own wishes and routed road km are theirs, not the replacement's.
    expect(s.preferences.lawyers).toEqual([]);
    expect(s.travelOverrides).toEqual([]);
  });

  test('handing over to a lawyer already in the scenario merges without duplicates', () => {
    const s = applyChanges(base(), [{ op: 'replace-lawyer', lawyerId: 'A', by: 'B' }]);
    expect(s.lawyers.map((l) => l.id)).toEqual(['B', 'I', 'D']);
    expect(s.baseline.map((b) => `${b.villageId}:${b.lawyerId}`)).toEqual(['V1:B', 'V2:B', 'V3:B', 'W1:D']);
    expect(s.pins).toEqual([{ villageId: 'V1', lawyerId: 'B' }]);
    expect(s.preferences.villages[0].lawyers).toEqual(['B']);
  });

  test('a record with the old id edits the lawyer in place and keeps what names them', () => {
    const s = applyChanges(base(), [{ op: 'replace-lawyer', lawyerId: 'A', by: { ...newLawyer, id: 'A', maxVillages: 3 } }]);
    expect(s.lawyers[0]).toMatchObject({ id: 'A', name: '律师N', maxVillages: 3 });
    expect(s.pins).toEqual([{ villageId: 'V1', lawyerId: 'A' }]);
    expect(s.preferences.lawyers).toEqual([{ lawyerId: 'A', villages: ['V2'] }]);
    expect(s.travelOverrides).toHaveLength(1);
  });

  test('the input scenario is left as it was', () => {
    const before = base();
    const copy = structuredClone(before);
    applyChanges(before, [{ op: 'replace-lawyer', lawyerId: 'A', by: newLawyer }, { op: 'remove-lawyer', lawyerId: 'B' }]);
    expect(before).toEqual(copy);
  });
});

describe('remove-lawyer, add-lawyer, update-village, set-policy', () => {
  test('remove-lawyer drops the lawyer and every pin, preference and override naming them; their baseline villages are vacated', () => {
    const s = applyChanges(base(), [{ op: 'remove-lawyer', lawyerId: 'A' }]);
    expect(s.lawyers.map((l) => l.id)).toEqual(['B', 'I', 'D']);
    // The baseline keeps naming A, who is gone: V1 and V2 are vacated, and the solution counts them so.
    expect(s.baseline.map((b) => `${b.villageId}:${b.lawyerId}`)).toEqual(['V1:A', 'V2:A', 'V3:B', 'W1:D']);
    expect(s.pins).toEqual([]);
    expect(s.preferences.villages).toEqual([{ villageId: 'V1', lawyers: ['B'], vetoes: ['D'] }]);
    expect(s.preferences.lawyers).toEqual([]);
    expect(s.travelOverrides).toEqual([]);
    // A vetoed lawyer leaves the veto list too.
    expect(applyChanges(base(), [{ op: 'remove-lawyer', lawyerId: 'D' }]).preferences.villages[0].vetoes).toEqual([]);
  });

  test('add-lawyer appends; update-village overwrites the fields given; set-policy merges field by field', () => {
    const s = applyChanges(base(), [
      { op: 'add-lawyer', lawyer: newLawyer },
      { op: 'update-village', villageId: 'V2', set: { name: '新二村', needs: ['土地'] } },
      { op: 'set-policy', set: { maxTravelKm: 50, weights: { change: 100 } } },
    ]);
    expect(s.lawyers.at(-1)).toEqual(newLawyer);
    expect(s.villages[1]).toMatchObject({ id: 'V2', name: '新二村', needs: ['土地'], townId: 'T1', location: east(2) });
    expect(s.policy.maxTravelKm).toBe(50);
    expect(s.policy.weights).toEqual({ ...base().policy.weights, change: 100 });
  });

  test('the change schema: strict, discriminated by op, and a policy patch fills in no defaults', () => {
    expect(PolicyPatch.parse({ weights: { load: 1 } })).toEqual({ weights: { load: 1 } });
    expect(Change.safeParse({ op: 'rename-lawyer', lawyerId: 'A' }).success).toBe(false);
    expect(Change.safeParse({ op: 'update-village', villageId: 'V1', set: { id: 'V9' } }).success).toBe(false);
    expect(Change.safeParse({ op: 'set-policy', set: { weights: { speed: 1 } } }).success).toBe(false);
    expect(Change.safeParse({ op: 'set-policy', set: { maxTravelKm: -5 } }).success).toBe(false);
    expect(Change.safeParse({ op: 'replace-lawyer', lawyerId: 'A', by: 'B' }).success).toBe(true);
  });
});

describe('errors name the change', () => {
  test('unknown ids', () => {
    const changes: ChangeT[] = [
      { op: 'add-lawyer', lawyer: newLawyer },
      { op: 'remove-lawyer', lawyerId: 'Z' },
      { op: 'replace-lawyer', lawyerId: 'B', by: 'Q' },
      { op: 'update-village', villageId: 'V9', set: { name: 'x' } },
      { op: 'add-lawyer', lawyer: { ...newLawyer, id: 'B' } },
      { op: 'replace-lawyer', lawyerId: 'B', by: { ...newLawyer, id: 'D' } },
    ];
    expect(issuesOf(() => applyChanges(base(), changes))).toEqual([
      { path: 'changes[1].lawyerId', message: 'unknown lawyer', value: 'Z' },
      { path: 'changes[2].by', message: 'unknown lawyer', value: 'Q' },
      { path: 'changes[3].villageId', message: 'unknown village', value: 'V9' },
      { path: 'changes[4].lawyer.id', message: 'a lawyer with this id already exists', value: 'B' },
      { path: 'changes[5].by.id', message: 'a lawyer with this id already exists; give the id alone to hand over to them', value: 'D' },
    ]);
  });

  test('integrity errors of the new scenario are traced to the change that caused them', () => {
    const issues = issuesOf(() =>
      applyChanges(base(), [
        { op: 'add-lawyer', lawyer: { ...newLawyer, firmId: 'F9' } },
        { op: 'update-village', villageId: 'V3', set: { townId: 'T9' } },
      ]),
    );
    expect(issues).toEqual([
      { path: 'changes[0].lawyer.firmId', message: 'unknown firm (lawyers[4].firmId)', value: 'F9' },
      { path: 'changes[1].set.townId', message: 'unknown town (villages[2].townId)', value: 'T9' },
    ]);
  });

  test('pins that cannot hold after a change: R2 intern, R7 other city, R1 cap lowered', () => {
    expect(issuesOf(() => applyChanges(base(), [{ op: 'replace-lawyer', lawyerId: 'A', by: 'I' }]))).toEqual([
      { path: 'changes[0].by', message: 'R2: an intern cannot be a village’s responsible adviser (pins[0].lawyerId)', value: 'I' },
    ]);
    expect(issuesOf(() => applyChanges(base(), [{ op: 'replace-lawyer', lawyerId: 'A', by: { ...newLawyer, firmId: 'F2' } }]))).toEqual([
      { path: 'changes[0].by', message: 'R7: the lawyer serves another city and is not in paired assistance (pins[0].lawyerId)', value: 'N' },
    ]);
    const twoPins = { ...base(), pins: [{ villageId: 'V1', lawyerId: 'A' }, { villageId: 'V2', lawyerId: 'A' }] };
    expect(issuesOf(() => applyChanges(twoPins, [{ op: 'set-policy', set: { maxVillagesPerLawyer: 1 } }]))).toEqual([
      { path: 'changes[0].set.maxVillagesPerLawyer', message: "R1: more pins than the lawyer's cap of 1 villages (pins[1].lawyerId)", value: 'A' },
    ]);
  });
});

describe('replanScenario (R6)', () => {
  /** A plan: V1, V2 → A, V3 → B, W1 → D. */
  const plan = { assignments: ['V1:A', 'V2:A', 'V3:B', 'W1:D'].map((p) => ({ villageId: p.split(':')[0], lawyerId: p.split(':')[1], team: [] })) } as unknown as Solution;
  const unpinned = () => ({ ...base(), pins: [], baseline: [] });

  test('the plan becomes the baseline, carried through the changes; villages outside the scope are pinned', () => {
    const s = replanScenario(unpinned(), plan, [{ op: 'replace-lawyer', lawyerId: 'A', by: newLawyer }], 'K1');
    expect(s.baseline.map((b) => `${b.villageId}:${b.lawyerId}`)).toEqual(['V1:N', 'V2:N', 'V3:B', 'W1:D']);
    expect(s.pins).toEqual([{ villageId: 'W1', lawyerId: 'D' }]);
    // Scope K2: K1's villages keep their advisers, the replacement included.
    expect(replanScenario(unpinned(), plan, [{ op: 'replace-lawyer', lawyerId: 'A', by: newLawyer }], 'K2').pins.map((p) => `${p.villageId}:${p.lawyerId}`)).toEqual([
      'V1:N',
      'V2:N',
      'V3:B',
    ]);
  });

  test('a removed adviser’s villages are vacated and free wherever they lie; no scope pins nothing', () => {
    const s = replanScenario(unpinned(), plan, [{ op: 'remove-lawyer', lawyerId: 'A' }], 'K2');
    expect(s.pins).toEqual([{ villageId: 'V3', lawyerId: 'B' }]);
    expect(s.baseline.map((b) => `${b.villageId}:${b.lawyerId}`)).toEqual(['V1:A', 'V2:A', 'V3:B', 'W1:D']);
    expect(replanScenario(unpinned(), plan, [], undefined).pins).toEqual([]);
  });

  test('pins outside the scope that cannot hold, and a bad scope, are errors with paths', () => {
    const capped = { ...newLawyer, maxVillages: 1 };
    expect(issuesOf(() => replanScenario(unpinned(), plan, [{ op: 'replace-lawyer', lawyerId: 'A', by: capped }], 'K2'))).toEqual([
      {
        path: 'pins[1].lawyerId',
        message: "R1: more pins than the lawyer's cap of 1 villages: village V2 lies outside scope K2 and keeps its adviser N (R6)",
        value: 'N',
      },
    ]);
    expect(issuesOf(() => replanScenario(unpinned(), plan, [], 'K7'))).toEqual([{ path: 'scope', message: 'unknown region', value: 'K7' }]);
    expect(issuesOf(() => replanScenario(unpinned(), plan, [], 'T1'))).toEqual([{ path: 'scope', message: 'region is a town, not a county or city', value: 'T1' }]);
  });
});
