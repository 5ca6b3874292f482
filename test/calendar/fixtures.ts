/**
 * Tiny worlds for the calendar's tests, 2026, one city: the firm F1 sits at [113.00, 23.00]; villages lie
 * east of it at the km given (0.01° of longitude ≈ 1.02 km there); each lawyer works from F1.
 */
import { expect } from 'vitest';
import { type Calendar, parseScenario, type Scenario, type Solution, type Visit } from '../../src/domain/index.js';
import { solve } from '../../src/solver/solve.js';
import { validateCalendar } from '../../src/validate/index.js';
import { east, world } from '../fixtures/small.js';

export interface VillageSpec {
  id: string;
  km: number;
  flexible?: boolean;
  evening?: number;
  weekend?: number;
}

/** One world; `edit` changes the parsed scenario's copy (e.g. the policy) before it is parsed again. */
export function tiny(villages: VillageSpec[], lawyers: LawyerSpec[], edit?: (s: Scenario) => void): Scenario {
  const input = structuredClone(world({ villages: villages.map((v) => ({ id: v.id, at: east(v.km) })), lawyers: lawyers.map((l) => ({ id: l.id })) }));
  for (const v of input.villages) {
    const spec = villages.find((x) => x.id === v.id)!;
    if (spec.flexible) v.serviceMode = 'flexible';
    if (spec.evening || spec.weekend) v.requests = { eveningSchoolPerMonth: spec.evening ?? 0, weekendPerMonth: spec.weekend ?? 0 };
  }
  for (const l of input.lawyers) {
    const spec = lawyers.find((x) => x.id === l.id)!;
    if (spec.unavailable) l.unavailable = spec.unavailable;
    if (spec.monthlyHours !== undefined) l.monthlyHours = spec.monthlyHours;
  }
  edit?.(input);
  return parseScenario(input);
}

export interface LawyerSpec {
  id: string;
  unavailable?: string[];
  monthlyHours?: number;
}

/** A solution in which one lawyer advises every village: `assign` village → lawyer, from the optimal solve with pins. */
export function plan(s: Scenario, assign?: Record<string, string>): Solution {
  if (!assign) return solve(s);
  const pinned = { ...s, pins: Object.entries(assign).map(([villageId, lawyerId]) => ({ villageId, lawyerId })) };
  return solve(pinned);
}

/** Every calendar a test makes must pass the independent validator. */
export function expectValid(s: Scenario, sol: Solution, cal: Calendar, opts: Parameters<typeof validateCalendar>[3] = {}): void {
  expect(validateCalendar(s, sol, cal, opts)).toEqual([]);
}

/** All dates of a month, YYYY-MM-DD. */
export function datesOf(month: string): string[] {
  const [y, m] = month.split('-').map(Number);
  const n = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return Array.from({ length: n }, (_, i) => `${month}-${String(i + 1).padStart(2, '0')}`);
}

export const weekdayOf = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay();
export const on = (visits: Visit[], villageId: string, kind?: Visit['kind']) => visits.filter((v) => v.villageId === villageId && (kind === undefined || v.kind === kind));
