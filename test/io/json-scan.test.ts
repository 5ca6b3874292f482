/** The structural pre-scan of JSON bodies: bounds by path, depth, string length, NUL and __proto__, never recursing. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../src/domain/index.js';
import { generateScenario } from '../../src/gen/index.js';
import { DEFAULT_SCAN_LIMITS, scanJson, type ScanLimits } from '../../src/io/json-scan.js';

const nested = (depth: number, open = '[', close = ']') => open.repeat(depth) + close.repeat(depth);

describe('scanJson', () => {
  it('lets a province through in one linear pass (about JSON.parse’s time; a second would mean something quadratic)', () => {
    const text = JSON.stringify(generateScenario({ preset: 'province', seed: 1, baseline: true }));
    const t0 = performance.now();
    expect(scanJson(text)).toBeUndefined();
    expect(performance.now() - t0).toBeLessThan(1_000);
  });

  it('100,000 nested arrays: 422 at the 33rd level, no recursion', () => {
    const problem = scanJson(nested(100_000));
    expect(problem?.status).toBe(422);
    expect(problem?.issue.path).toBe('[0]'.repeat(LIMITS.depth));
    expect(scanJson(`{"name": ${nested(100_000)}}`)?.issue.path).toBe(`name${'[0]'.repeat(LIMITS.depth - 1)}`);
    expect(scanJson(nested(LIMITS.depth))).toBeUndefined();
  });

  it('more villages than the bound: 413 naming villages; policy.mode entries and ring points likewise', () => {
    const villages = `{"villages": [${Array.from({ length: LIMITS.villages + 1 }, () => '{}').join(',')}]}`;
    expect(scanJson(villages)).toMatchObject({ status: 413, issue: { path: 'villages', message: `more than ${LIMITS.villages} entries` } });
    const mode = `{"policy": {"mode": {${Array.from({ length: LIMITS.modeEntries + 1 }, (_, i) => `"K${i}": "team"`).join(',')}}}}`;
    expect(scanJson(mode)).toMatchObject({ status: 413, issue: { path: 'policy.mode' } });
    const lists = `{"preferences": {"villages": [{"lawyers": [${Array.from({ length: LIMITS.list + 1 }, () => '"L"').join(',')}]}]}}`;
    expect(scanJson(lists)).toMatchObject({ status: 413, issue: { path: 'preferences.villages[0].lawyers', message: `more than ${LIMITS.entries} entries` } });
    const ring = `{"regions": [{"boundary": {"type": "Polygon", "coordinates": [[${Array.from({ length: 5 }, () => '[1,2]').join(',')}]]}}]}`;
    expect(scanJson(ring)).toBeUndefined();
  });

  it('a NUL in a value or a key: 400 naming the path', () => {
    expect(scanJson('{"villages": [{"name": "a\\u0000b"}]}')).toMatchObject({ status: 400, issue: { path: 'villages[0].name' } });
    expect(scanJson('{"policy": {"mode": {"K\\u00001": "team"}}}')).toMatchObject({ status: 400, issue: { path: 'policy.mode["K\\u00001"]' } });
    // written raw it is not JSON at all (JSON.parse refuses control characters in strings)
    expect(() => JSON.parse('["a\u0000"]')).toThrow(SyntaxError);
    expect(scanJson('["a\\\\u0000"]')).toBeUndefined(); // a backslash, then the text u0000
  });

  it('a string past the bound: 413; a __proto__ key: 400', () => {
    expect(scanJson(`{"name": "${'x'.repeat(LIMITS.text + 1)}"}`)).toMatchObject({ status: 413, issue: { path: 'name' } });
    expect(scanJson(`{"name": "${'x'.repeat(LIMITS.text)}"}`)).toBeUndefined();
    expect(scanJson('{"a": {"__proto__": {"x": 1}}}')).toMatchObject({ status: 400, issue: { path: 'a.__proto__' } });
  });

  it('ends on any text, JSON or not', () => {
    fc.assert(fc.property(fc.string({ unit: fc.constantFrom('[', ']', '{', '}', '"', '\\', ',', ':', 'a', '1', ' ', 'u', '0') }), (text) => void scanJson(text)));
  });

  /** The same verdict as a recursive walk of the parsed value (fine for small values), for small bounds. */
  it('agrees with a plain recursive check on any JSON value', () => {
    const limits: ScanLimits = { depth: 4, text: 6, entries: 3, paths: { big: 6, 'a[].b': 1 } };
    type Verdict = { status: number; path: string } | undefined;
    const reference = (root: unknown): Verdict => {
      const key = (p: string, k: string) => (/^[A-Za-z_$][\w$-]*$|^\d+$/.test(k) ? (p === '' ? k : `${p}.${k}`) : `${p}[${JSON.stringify(k)}]`);
      const walk = (v: unknown, path: string, pattern: string, depth: number): Verdict => {
        const shown = path === '' ? '(root)' : path;
        if (typeof v === 'string') {
          if (JSON.stringify(v).length - 2 > limits.text) return { status: 413, path: shown };
          if (v.includes('\u0000')) return { status: 400, path: shown };
          return undefined;
        }
        if (v === null || typeof v !== 'object') return undefined;
        if (depth + 1 > limits.depth) return { status: 422, path: shown };
        const max = limits.paths[pattern] ?? limits.entries;
        const entries: [string | number, unknown][] = Array.isArray(v) ? v.map((x, i) => [i, x]) : Object.entries(v);
        for (let k = 0; k < entries.length; k++) {
          if (k === max) return { status: 413, path: shown };
          const [name, x] = entries[k];
          if (typeof name === 'string') {
            if (JSON.stringify(name).length - 2 > limits.text) return { status: 413, path: shown };
            if (name.includes('\u0000') || name === '__proto__') return { status: 400, path: key(path, name) };
          }
          const childPath = typeof name === 'number' ? `${path}[${name}]` : key(path, name);
          const childPatternOf = Array.isArray(v) ? `${pattern}[]` : pattern === '' ? String(name) : `${pattern}.${name}`;
          const found = walk(x, childPath, childPatternOf, depth + 1);
          if (found) return found;
        }
        return undefined;
      };
      return walk(root, '', '', 0);
    };
    const arbitrary = fc.letrec((tie) => ({
      value: fc.oneof({ depthSize: 'small' }, fc.constantFrom('a', 'a\u0000', 'long string', 'x"y', '\\"\\', 1, null, true), tie('array'), tie('object')),
      array: fc.array(tie('value'), { maxLength: 5 }),
      object: fc.dictionary(fc.constantFrom('a', 'b', 'big', '__proto__', 'k\u0000', 'a b', 'very long key'), tie('value'), { maxKeys: 5 }),
    })).value;
    fc.assert(
      fc.property(arbitrary, (v) => {
        const text = JSON.stringify(v);
        const parsed = JSON.parse(text);
        const got = scanJson(text, limits);
        expect(got && { status: got.status, path: got.issue.path }).toEqual(reference(parsed));
      }),
      { numRuns: 500 },
    );
  });

  it('uses the domain limits by default', () => {
    expect(DEFAULT_SCAN_LIMITS).toMatchObject({ depth: LIMITS.depth, text: LIMITS.text });
  });
});
