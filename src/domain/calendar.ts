import { z } from 'zod';
import { ClockTime, Id, IsoDate } from './common.js';
import { RuleId } from './rules.js';

export const CALENDAR_SCHEMA = 'ovola.calendar/v1';

export const VisitKind = z.enum(['onsite', 'evening-school', 'weekend', 'remote']);
export type VisitKind = z.infer<typeof VisitKind>;
export const Activity = z.enum(['law-class', 'dispute-screening', 'consultation']);
export type Activity = z.infer<typeof Activity>;

export const Visit = z.strictObject({
  lawyerId: Id,
  villageId: Id,
  date: IsoDate,
  start: ClockTime,
  end: ClockTime,
  kind: VisitKind,
  activity: Activity.optional(),
});
export type Visit = z.infer<typeof Visit>;

export const MonthSummary = z.strictObject({
  villageId: Id,
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'expected YYYY-MM'),
  onsiteHours: z.number().min(0),
  remoteHours: z.number().min(0),
  onsiteVisits: z.number().int().min(0),
  eveningSchool: z.number().int().min(0),
  weekend: z.number().int().min(0),
});

export const Calendar = z.strictObject({
  schema: z.literal(CALENDAR_SCHEMA),
  year: z.number().int().min(2000).max(2100),
  months: z.array(z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'expected YYYY-MM')),
  /** true when the holiday table for `year` was computed, not published */
  provisional: z.boolean().default(false),
  visits: z.array(Visit),
  summary: z.array(MonthSummary),
  /** rules that could not be met, each by village and month */
  shortfalls: z
    .array(z.strictObject({ rule: RuleId, villageId: Id.optional(), lawyerId: Id.optional(), month: z.string().optional(), detail: z.string() }))
    .default([]),
});
export type Calendar = z.infer<typeof Calendar>;
