/**
 * Hostile documents at the domain level: problems are listed up to MAX_LISTED_ISSUES and counted, the
 * issue formatter never recurses on the user's nesting, a large scenario checked part by part gives
 * zod's own result, and a holiday table lists every problem at once.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  InvalidDocumentError,
  IssueList,
  LIMITS,
  MAX_COUNTED_ISSUES,
  MAX_LISTED_ISSUES,
  parseHolidayTable,
  parseScenario,
  Scenario,
  shortJson,
  zodIssues,
} from '../../src/domain/index.js';
import { parsePartwise } from '../../src/domain/check.js';
import { generateScenario } from '../../src/gen/index.js';

/** `[[[…]]]` nested `depth` deep, built without recursion. */
function nestedArrays(depth: number): unknown {
  let v: unknown = [];
  for (let i = 0; i < depth; i++) v = [v];
  return v;
}

function nestedObjects(depth: number): unknown {
  let v: unknown = {};
  for (let i = 0; i < depth; i++) v = { a: v };
  return v;
}

const invalid = (f: () => unknown): InvalidDocumentError => {
  try {
    f();
  } catch (err) {
    expect(err).toBeInstanceOf(InvalidDocumentError);
    return err as InvalidDocumentError;
  }
  return expect.fail('the document was accepted');
};

const city = generateScenario({ preset: 'city', seed: 3 });

describe('shortJson', () => {
  it('is JSON.stringify for short values, undefined past the bound', () => {
    for (const v of [null, 1, 'a"b', [1, [2, {}]], { a: [1, 'x'], b: null }, [], {}]) expect(shortJson(v)).toBe(JSON.stringify(v));
    expect(shortJson('x'.repeat(81))).toBeUndefined();
    expect(shortJson(Array.from({ length: 100 }, () => 1))).toBeUndefined();
  });

  it('stops early on values 100,000 deep or a million wide (JSON.stringify overflows the stack on the first)', () => {
    expect(() => JSON.stringify(nestedArrays(100_000))).toThrow(RangeError);
    expect(shortJson(nestedArrays(100_000))).toBeUndefined();
    expect(shortJson(nestedObjects(100_000))).toBeUndefined();
    const wide = Array.from({ length: 1_000_000 }, () => 0);
    const t0 = performance.now();
    expect(shortJson(wide)).toBeUndefined();
    expect(performance.now() - t0).toBeLessThan(50);
  });

  it('agrees with JSON.stringify on any JSON value (shorter than the bound) ', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        const json = JSON.stringify(v);
        expect(shortJson(v, 200)).toBe(json.length <= 200 ? json : undefined);
      }),
    );
  });
});

describe('zodIssues on deep values', () => {
  it('a name or a whole body nested 100,000 deep is one issue, no stack overflow', () => {
    const err = invalid(() => parseScenario({ ...city, name: nestedArrays(100_000) }));
    expect(err.issues).toEqual([expect.objectContaining({ path: 'name', message: expect.any(String), zh: expect.any(String) })]);
    expect(invalid(() => parseScenario(nestedArrays(100_000))).issues[0].path).toBe('(root)');
  });

  it('policy.mode as 5,000 nested objects is named at policy.mode', () => {
    const err = invalid(() => parseScenario({ ...city, policy: { mode: nestedObjects(5_000) } }));
    expect(err.issues.map((i) => i.path)).toEqual(['policy.mode.a']);
  });

  it('a union branch of 200,000 issues (Math.max over them overflowed the stack) gives a bounded list', () => {
    const branch = Array.from({ length: 200_000 }, (_, i) => ({ code: 'invalid_value', values: ['individual'], path: [`K${i}`], message: 'bad mode', input: 'teams' }));
    const error = new z.ZodError([{ code: 'invalid_union', errors: [[{ code: 'invalid_type', expected: 'string', path: [], message: 'x', input: {} }], branch], path: ['policy', 'mode'], message: 'Invalid input', input: {} }] as never);
    const listed = zodIssues(error, {});
    expect(listed).toHaveLength(MAX_LISTED_ISSUES);
    expect(listed[0]).toMatchObject({ path: 'policy.mode.K0', message: 'bad mode', code: 'invalid_value' });
  });

  it('stops taking issues once the list is full', () => {
    const schema = z.array(z.string());
    const input = Array.from({ length: 5_000 }, () => 1);
    const r = schema.safeParse(input);
    const sink = new IssueList(10, 100);
    zodIssues(r.error!, input, sink);
    expect([sink.listed.length, sink.count, sink.full]).toEqual([10, 100, true]);
  });
});

describe('error lists are capped and counted', () => {
  it('30,000 empty villages (5 problems each): the first 1,000 problems listed, counting stops at MAX_COUNTED_ISSUES', () => {
    const err = invalid(() => parseScenario({ ...city, villages: Array.from({ length: 30_000 }, () => ({})) }));
    expect(err.issues).toHaveLength(MAX_LISTED_ISSUES);
    expect(err.count).toBe(MAX_COUNTED_ISSUES);
    expect(err.countIsLowerBound).toBe(true);
    expect(err.issues[0]).toMatchObject({ path: 'villages[0].id', code: 'required', zh: expect.stringContaining('缺少') });
    expect(err.message.split('\n')[0]).toBe(`invalid scenario: at least ${MAX_COUNTED_ISSUES} problems (the first ${MAX_LISTED_ISSUES} are listed)`);
  });

  it('3,000 villages with a bad town: every one counted, the first 1,000 listed', () => {
    const villages = city.villages.slice(0, 3_000).map((v) => ({ ...v, townId: 'nowhere' }));
    const err = invalid(() => parseScenario({ ...city, villages, pins: [], baseline: [], preferences: {} }));
    expect(err.count).toBe(villages.length);
    expect(err.countIsLowerBound).toBe(false);
    expect(err.issues).toHaveLength(MAX_LISTED_ISSUES);
    expect(err.message.split('\n')[0]).toBe(`invalid scenario: ${villages.length} problems (the first 1000 are listed)`);
  });

  it('a list beyond its bound is one problem at the list, its entries not looked at', () => {
    const err = invalid(() => parseScenario({ ...city, lawyers: [...city.lawyers, ...Array.from({ length: LIMITS.lawyers }, () => ({}))] }));
    expect(err.issues.map((i) => i.path)).toEqual(['lawyers']);
  });
});

describe('a large scenario is checked part by part with zod’s own result', () => {
  const text = JSON.stringify(generateScenario({ preset: 'city', seed: 5, baseline: true }));

  it('valid: the same parsed document', () => {
    const doc = JSON.parse(text);
    expect(JSON.stringify(parsePartwise(Scenario, doc, new IssueList()))).toBe(JSON.stringify(Scenario.parse(doc)));
  });

  it('broken anywhere: the same set of problems', () => {
    const paths = ['villages', 'lawyers', 'firms', 'regions', 'baseline'] as const;
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(...paths), fc.nat(), fc.constantFrom<unknown>(null, 1, 'x', {}, [], { id: 7 })), { minLength: 1, maxLength: 6 }),
        fc.boolean(),
        (breaks, unknownField) => {
          const doc = JSON.parse(text);
          for (const [list, i, value] of breaks) doc[list][i % doc[list].length] = value;
          if (unknownField) doc.extra = true;
          const ours = new IssueList(Infinity, Infinity);
          parsePartwise(Scenario, doc, ours);
          const theirs = zodIssues(Scenario.safeParse(doc).error!, doc, new IssueList(Infinity, Infinity));
          const key = (i: { path: string; message: string }) => `${i.path}: ${i.message}`;
          expect(ours.listed.map(key).sort()).toEqual(theirs.map(key).sort());
        },
      ),
      { numRuns: 25 },
    );
  });
});

describe('holiday tables list every problem at once', () => {
  const table = { schema: 'ovola.holidays/v1', year: 2031, holidays: ['2031-01-01'], workdays: ['2031-01-04'] };

  it('a malformed date, a date of another year, a weekday make-up day and the wrong year, all together', () => {
    const err = invalid(() => parseHolidayTable({ ...table, holidays: ['2031-13-01', '2030-05-01'], workdays: ['2031-03-05'] }, { year: 2032 }));
    expect(err.issues.map((i) => i.path).sort()).toEqual(['holidays[0]', 'holidays[1]', 'workdays[0]', 'year']);
  });

  it('a valid table parses', () => {
    expect(parseHolidayTable(table, { year: 2031 })).toEqual(table);
  });
});
