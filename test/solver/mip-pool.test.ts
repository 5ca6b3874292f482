/** The MIP pool's deadline: a model queued behind others gets the time left when its solve starts. */
import { describe, expect, test } from 'vitest';
import type { LpResult, LpSolveOptions } from '../../src/solver/lp/index.js';
import { LpBuilder } from '../../src/solver/lp/index.js';
import { solveOnceMore, withDeadline } from '../../src/solver/mip-pool.js';

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

  test('a MIP that failed after 20 s (its heap ran out) is solved once more in 14 s, and its answer is kept', async () => {
    const lp = new LpBuilder().build();
    const calls: LpSolveOptions[] = [];
    const answers: LpResult[] = [
      { status: 'error', objective: NaN, x: new Float64Array(0), seconds: 20, message: 'Aborted()' },
      { status: 'feasible', objective: 5, bound: 4, x: new Float64Array(0), seconds: 14 },
    ];
    const solve = async (_: unknown, opts: LpSolveOptions) => {
      calls.push(opts);
      return answers[calls.length - 1];
    };
    const r = await solveOnceMore(solve, lp, { deadlineMs: performance.now() + 60_000, relativeGap: 0.01 }, 5);
    expect(r.bound).toBe(4);
    expect(calls).toHaveLength(2);
    expect(calls[1].timeLimitS).toBeCloseTo(14, 6);
    expect(calls[1].relativeGap).toBe(0.01);
    expect(calls[1]).not.toHaveProperty('deadlineMs');
  });

  test('no second try when the deadline leaves too little time, or when the first one did not fail', async () => {
    const lp = new LpBuilder().build();
    let calls = 0;
    const failing = async () => {
      calls++;
      return { status: 'error', objective: NaN, x: new Float64Array(0), seconds: 20 } as LpResult;
    };
    expect((await solveOnceMore(failing, lp, { deadlineMs: performance.now() + 3_000 }, 5)).status).toBe('error');
    expect(calls).toBe(1);
    const fine = async () => {
      calls++;
      return { status: 'time-limit', objective: NaN, x: new Float64Array(0), seconds: 20 } as LpResult;
    };
    expect((await solveOnceMore(fine, lp, { deadlineMs: performance.now() + 60_000 }, 5)).status).toBe('time-limit');
    expect(calls).toBe(2);
  });

  test('without a deadline, the time left of its own limit bounds the second try (team-mode MIPs)', async () => {
    const lp = new LpBuilder().build();
    const calls: LpSolveOptions[] = [];
    const solve = async (_: unknown, opts: LpSolveOptions) => {
      calls.push(opts);
      return { status: calls.length === 1 ? 'error' : 'optimal', objective: 1, bound: 1, x: new Float64Array(0), seconds: 40 } as LpResult;
    };
    expect((await solveOnceMore(solve, lp, { timeLimitS: 60 })).status).toBe('optimal');
    expect(calls.map((c) => c.timeLimitS)).toEqual([60, 20]);
  });
});
