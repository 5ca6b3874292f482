/** The MIP pool's deadline: a model queued behind others gets the time left when its solve starts. */
import { describe, expect, test } from 'vitest';
import { withDeadline } from '../../src/solver/mip-pool.js';

describe('MIP pool deadlines', () => {
  test('a deadline becomes the seconds left now, never more than the time limit and never under one second', () => {
    const now = performance.now();
    const ahead = withDeadline({ deadlineMs: now + 10_000, relativeGap: 0.01 });
    expect(ahead.timeLimitS).toBeGreaterThan(9);
    expect(ahead.timeLimitS).toBeLessThanOrEqual(10);
    expect(ahead).not.toHaveProperty('deadlineMs');
    expect(ahead.relativeGap).toBe(0.01);
    expect(withDeadline({ deadlineMs: now + 10_000, timeLimitS: 3 }).timeLimitS).toBe(3);
    expect(withDeadline({ deadlineMs: now - 5_000 }).timeLimitS).toBe(1);
  });

  test('without a deadline the options pass unchanged', () => {
    const opts = { timeLimitS: 7 };
    expect(withDeadline(opts)).toBe(opts);
  });
});
