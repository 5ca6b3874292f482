import { describe, expect, it } from 'vitest';
import { apportion } from '../../src/gen/apportion.js';
import { QUANTILE_LEVELS } from '../../src/gen/calibration.js';
import { destination, haversineKm } from '../../src/gen/geometry.js';
import { Rng, valueAtLevel } from '../../src/gen/random.js';

describe('apportion', () => {
  it('splits a total in proportion, exactly', () => {
    expect(apportion([1, 1, 2], 8)).toEqual([2, 2, 4]);
    expect(apportion([1, 1, 1], 10)).toEqual([4, 3, 3]);
    expect(apportion([3.3, 1.2, 5.5], 100).reduce((a, b) => a + b, 0)).toBe(100);
  });

  it('respects min and max', () => {
    expect(apportion([100, 1, 1], 10, 1, 5)).toEqual([5, 3, 2]);
    expect(apportion([0, 0], 4, 1)).toEqual([2, 2]);
    expect(() => apportion([1, 1], 1, 1)).toThrow(/cannot split 1/);
  });
});

describe('Rng', () => {
  it('repeats for a seed and stream, and differs across either', () => {
    const draw = (r: Rng) => Array.from({ length: 5 }, () => r.next());
    expect(draw(new Rng(1, 'a'))).toEqual(draw(new Rng(1, 'a')));
    expect(draw(new Rng(1, 'a'))).not.toEqual(draw(new Rng(2, 'a')));
    expect(draw(new Rng(1, 'a'))).not.toEqual(draw(new Rng(1, 'b')));
    expect(draw(new Rng(1).fork('x'))).toEqual(draw(new Rng(1).fork('x')));
  });

  it('draws integers in range, both ends included', () => {
    const r = new Rng(3);
    const seen = new Set(Array.from({ length: 500 }, () => r.int(1, 3)));
    expect([...seen].sort()).toEqual([1, 2, 3]);
  });

  it('reads quantile tables linearly and flat past the last level', () => {
    const table = QUANTILE_LEVELS.map((p) => p * 100);
    expect(valueAtLevel(table, 0.5)).toBeCloseTo(50);
    expect(valueAtLevel(table, 0.3)).toBeCloseTo(30);
    expect(valueAtLevel(table, 0.995)).toBe(99);
    const r = new Rng(5);
    for (let i = 0; i < 100; i++) {
      const x = r.fromQuantiles(table, 0.25, 0.5);
      expect(x).toBeGreaterThanOrEqual(25);
      expect(x).toBeLessThan(50);
    }
  });
});

describe('destination', () => {
  it('lands the asked distance away', () => {
    const from: [number, number] = [113.3, 23.1];
    for (const b of [0, 1, 2, 3, 4, 5]) expect(haversineKm(from, destination(from, 40, b))).toBeCloseTo(40, 0);
  });
});
