import { z } from 'zod';
import { formatPath, type Issue, IssueList, zodIssues } from './common.js';
import { lawyerCap, Scenario } from './scenario.js';
import { compareBlockingPairs, Solution } from './solution.js';
import { Calendar } from './calendar.js';

/**
 * Parses a scenario and checks it as a whole: shape first, then ids and references,
 * then the pins (R1, R2, R5). Throws one error listing every problem found (the first
 * MAX_LISTED_ISSUES of them, with the count of all).
 */
export function parseScenario(input: unknown): Scenario {
  const sink = new IssueList();
  const parsed = parsePartwise(Scenario, input, sink);
  sink.throwIfAny('scenario');
  scenarioIntegrityIssues(parsed as Scenario, sink);
  sink.throwIfAny('scenario');
  return parsed as Scenario;
}

/**
 * Parses a solution. A document of the earlier shape, with its blocking pairs listed in
 * `metrics.preferences.blockingPairs.pairs`, is read with them moved to the top-level `blockingPairs`
 * (in the order that list now has), so stored and saved solutions stay readable.
 */
export function parseSolution(input: unknown): Solution {
  const sink = new IssueList();
  const parsed = parsePartwise(Solution, withBlockingPairsOnTop(input), sink);
  sink.throwIfAny('solution');
  return parsed as Solution;
}

export function parseCalendar(input: unknown): Calendar {
  const sink = new IssueList();
  const parsed = parsePartwise(Calendar, input, sink);
  sink.throwIfAny('calendar');
  return parsed as Calendar;
}

/** A value of at most this many JSON values is parsed by zod in one go; a larger one part by part. */
const WHOLE = 2_000;

/** How many values `value` holds (itself, its entries and theirs), counted up to just past `max`, with an explicit stack. */
function valueCount(value: unknown, max: number): number {
  let seen = 0;
  const todo: unknown[] = [value];
  while (todo.length > 0) {
    const v = todo.pop();
    if (++seen > max) return seen;
    if (Array.isArray(v)) {
      if (seen + v.length > max) return max + 1;
      for (const x of v) todo.push(x);
    } else if (v !== null && typeof v === 'object') {
      for (const k in v) if (Object.prototype.hasOwnProperty.call(v, k)) todo.push((v as Record<string, unknown>)[k]);
    }
  }
  return seen;
}

const isPlainObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/** `schema` without `.default()`, `.prefault()` and `.optional()` around it. */
function unwrap(schema: z.ZodType): z.ZodType {
  let s = schema;
  while (s instanceof z.ZodDefault || s instanceof z.ZodPrefault || s instanceof z.ZodOptional) s = s.unwrap() as z.ZodType;
  return s;
}

/** The option of a union of objects whose literal `type` (GeoJSON's) is the value's, if exactly one. */
function unionOption(schema: z.ZodUnion, input: Record<string, unknown>): z.ZodType | undefined {
  const matching = (schema.options as z.ZodType[]).filter((o) => {
    if (!(o instanceof z.ZodObject)) return false;
    const type = (o.shape as Record<string, z.ZodType>).type;
    return type instanceof z.ZodLiteral && type.values.has(input.type as never);
  });
  return matching.length === 1 ? matching[0] : undefined;
}

const NOTHING = Symbol('invalid');

/**
 * `schema.parse(input)`, with every problem put into `sink` at its path under `path`; the value is
 * `NOTHING` when there was any. A large value is checked part by part: an object's fields and an
 * array's entries one at a time, each small part by zod in one go, so a document of 100,000 bad
 * villages is never held as half a million issues, and checking stops once `sink` is full. Same result
 * as zod's for the schemas here (no refinements on opened objects or arrays; unknown keys after the fields).
 */
export function parsePartwise(schema: z.ZodType, input: unknown, sink: IssueList, path: PropertyKey[] = []): unknown {
  if (sink.full) return NOTHING;
  const inner = unwrap(schema);
  const whole = () => {
    const r = schema.safeParse(input);
    if (r.success) return r.data;
    zodIssues(r.error, input, sink, path);
    return NOTHING;
  };
  if (input === undefined || valueCount(input, WHOLE) <= WHOLE) return whole();

  if (inner instanceof z.ZodObject && isPlainObject(input) && !(inner._zod.def.checks?.length)) {
    const shape = inner.shape as Record<string, z.ZodType>;
    const out: Record<string, unknown> = {};
    let ok = true;
    for (const key of Object.keys(shape)) {
      const value = parsePartwise(shape[key], input[key], sink, [...path, key]);
      if (value === NOTHING) ok = false;
      else if (value !== undefined) out[key] = value;
    }
    const catchall = inner._zod.def.catchall as z.ZodType | undefined;
    const strict = catchall instanceof z.ZodNever;
    for (const key of Object.keys(input)) {
      if (Object.prototype.hasOwnProperty.call(shape, key)) continue;
      if (strict) {
        sink.add({ path: formatPath([...path, key]), message: 'unknown field' });
        ok = false;
      } else if (!catchall) {
        // a plain object drops unknown keys, as zod does
      } else {
        const value = parsePartwise(catchall, input[key], sink, [...path, key]);
        if (value === NOTHING) ok = false;
        else out[key] = value;
      }
    }
    return ok ? out : NOTHING;
  }

  if (inner instanceof z.ZodArray && Array.isArray(input)) {
    const length = z.array(z.unknown()).check(...((inner._zod.def.checks ?? []) as z.core.$ZodCheck<unknown[]>[]));
    const sized = length.safeParse(input);
    if (!sized.success) {
      // the entries are not looked at: a list far too long is refused as it is
      zodIssues(sized.error, input, sink, path);
      return NOTHING;
    }
    // Runs of entries that hold at most WHOLE values between them are parsed by zod in one go (one call
    // per entry costs twice the time); an entry larger than that alone is opened in turn.
    const element = inner.element as z.ZodType;
    const run = z.array(element);
    const out: unknown[] = new Array(input.length);
    let ok = true;
    const parseRun = (from: number, to: number) => {
      if (from === to || sink.full) return;
      const part = input.slice(from, to);
      const r = run.safeParse(part);
      if (r.success) {
        for (let k = 0; k < r.data.length; k++) out[from + k] = r.data[k];
        return;
      }
      ok = false;
      for (const issue of r.error.issues) if (typeof issue.path[0] === 'number') issue.path[0] += from;
      zodIssues(r.error, input, sink, path);
    };
    let from = 0;
    let values = 0;
    for (let i = 0; i < input.length && !sink.full; i++) {
      const size = valueCount(input[i], WHOLE);
      if (size > WHOLE) {
        parseRun(from, i);
        const value = parsePartwise(element, input[i], sink, [...path, i]);
        if (value === NOTHING) ok = false;
        else out[i] = value;
        from = i + 1;
        values = 0;
        continue;
      }
      if (values + size > WHOLE) {
        parseRun(from, i);
        from = i;
        values = 0;
      }
      values += size;
    }
    parseRun(from, input.length);
    return ok && !sink.full ? out : NOTHING;
  }

  if (inner instanceof z.ZodUnion && isPlainObject(input)) {
    const option = unionOption(inner, input);
    if (option) return parsePartwise(option, input, sink, path);
  }
  return whole();
}

function indexIds<T extends { id: string }>(items: T[], collection: string, issues: IssueList): Map<string, T> {
  const map = new Map<string, T>();
  items.forEach((item, i) => {
    if (map.has(item.id)) issues.add({ path: `${collection}[${i}].id`, message: 'duplicate id', value: item.id });
    else map.set(item.id, item);
  });
  return map;
}

/** Everything a schema alone cannot see. Returns the problems; an empty list means the scenario holds together. */
export function scenarioIntegrityIssues(s: Scenario, into?: IssueList): Issue[] {
  const issues = into ?? new IssueList();
  const regions = indexIds(s.regions, 'regions', issues);
  const firms = indexIds(s.firms, 'firms', issues);
  const lawyers = indexIds(s.lawyers, 'lawyers', issues);
  const villages = indexIds(s.villages, 'villages', issues);
  const unknown = (path: string, what: string, value: string) =>
    issues.add({ path, message: `unknown ${what}`, value });

  s.regions.forEach((r, i) => {
    if (r.parentId === undefined) return;
    const parent = regions.get(r.parentId);
    if (!parent) unknown(`regions[${i}].parentId`, 'region', r.parentId);
    else if (parent.id === r.id) issues.add({ path: `regions[${i}].parentId`, message: 'a region cannot be its own parent', value: r.parentId });
  });
  // A parent chain that loops would make "which city is this village in" unanswerable. Blame only
  // the regions on the loop (a walk that returns to where it started), not the ones below it.
  s.regions.forEach((r, i) => {
    if (r.parentId === r.id) return;
    const seen = new Set<string>([r.id]);
    let cur = r.parentId === undefined ? undefined : regions.get(r.parentId);
    while (cur !== undefined && !seen.has(cur.id)) {
      seen.add(cur.id);
      cur = cur.parentId === undefined ? undefined : regions.get(cur.parentId);
    }
    if (cur?.id === r.id) issues.add({ path: `regions[${i}].parentId`, message: 'region parents form a cycle', value: r.parentId });
  });
  s.firms.forEach((f, i) => {
    if (!regions.has(f.regionId)) unknown(`firms[${i}].regionId`, 'region', f.regionId);
  });
  s.lawyers.forEach((l, i) => {
    if (!firms.has(l.firmId)) unknown(`lawyers[${i}].firmId`, 'firm', l.firmId);
  });
  s.villages.forEach((v, i) => {
    const town = regions.get(v.townId);
    if (!town) unknown(`villages[${i}].townId`, 'town', v.townId);
    else if (town.level !== 'town')
      issues.add({ path: `villages[${i}].townId`, message: `region is a ${town.level}, not a town`, value: v.townId });
  });
  if (typeof s.policy.mode === 'object') {
    for (const county of Object.keys(s.policy.mode)) {
      const r = regions.get(county);
      if (!r) unknown(`policy.mode.${county}`, 'county', county);
      else if (r.level !== 'county')
        issues.add({ path: `policy.mode.${county}`, message: `region is a ${r.level}, not a county`, value: county });
    }
  }

  const villageVetoes = new Map<string, Set<string>>();
  const prefVillagesSeen = new Set<string>();
  s.preferences.villages.forEach((p, i) => {
    const at = `preferences.villages[${i}]`;
    if (!villages.has(p.villageId)) unknown(`${at}.villageId`, 'village', p.villageId);
    if (prefVillagesSeen.has(p.villageId)) issues.add({ path: `${at}.villageId`, message: 'village has a second preference entry', value: p.villageId });
    prefVillagesSeen.add(p.villageId);
    p.lawyers?.forEach((id, j) => {
      if (!lawyers.has(id)) unknown(`${at}.lawyers[${j}]`, 'lawyer', id);
    });
    p.firms?.forEach((id, j) => {
      if (!firms.has(id)) unknown(`${at}.firms[${j}]`, 'firm', id);
    });
    p.vetoes?.forEach((id, j) => {
      if (!lawyers.has(id) && !firms.has(id)) unknown(`${at}.vetoes[${j}]`, 'lawyer or firm', id);
    });
    villageVetoes.set(p.villageId, new Set(p.vetoes ?? []));
  });
  const lawyerVetoes = new Map<string, Set<string>>();
  const prefLawyersSeen = new Set<string>();
  s.preferences.lawyers.forEach((p, i) => {
    const at = `preferences.lawyers[${i}]`;
    if (!lawyers.has(p.lawyerId)) unknown(`${at}.lawyerId`, 'lawyer', p.lawyerId);
    if (prefLawyersSeen.has(p.lawyerId)) issues.add({ path: `${at}.lawyerId`, message: 'lawyer has a second preference entry', value: p.lawyerId });
    prefLawyersSeen.add(p.lawyerId);
    p.villages?.forEach((id, j) => {
      if (!villages.has(id)) unknown(`${at}.villages[${j}]`, 'village', id);
    });
    p.vetoes?.forEach((id, j) => {
      if (!villages.has(id)) unknown(`${at}.vetoes[${j}]`, 'village', id);
    });
    lawyerVetoes.set(p.lawyerId, new Set(p.vetoes ?? []));
  });

  // Pins are hard (R6), so a pin that breaks another hard rule makes the scenario unsolvable: say so up front.
  const pinnedVillages = new Set<string>();
  const pinsPerLawyer = new Map<string, number>();
  s.pins.forEach((p, i) => {
    const at = `pins[${i}]`;
    const village = villages.get(p.villageId);
    const lawyer = lawyers.get(p.lawyerId);
    if (!village) unknown(`${at}.villageId`, 'village', p.villageId);
    if (!lawyer) unknown(`${at}.lawyerId`, 'lawyer', p.lawyerId);
    if (pinnedVillages.has(p.villageId)) issues.add({ path: `${at}.villageId`, message: 'village is pinned twice', value: p.villageId });
    pinnedVillages.add(p.villageId);
    if (!village || !lawyer) return;
    if (lawyer.status === 'intern')
      issues.add({ path: `${at}.lawyerId`, message: 'R2: an intern cannot be a village’s responsible adviser', value: p.lawyerId });
    const vv = villageVetoes.get(p.villageId);
    if (vv && (vv.has(lawyer.id) || vv.has(lawyer.firmId)))
      issues.add({ path: `${at}.lawyerId`, message: 'R5: the village vetoes this lawyer', value: p.lawyerId });
    if (lawyerVetoes.get(p.lawyerId)?.has(p.villageId))
      issues.add({ path: `${at}.villageId`, message: 'R5: the lawyer vetoes this village', value: p.villageId });
    const n = (pinsPerLawyer.get(p.lawyerId) ?? 0) + 1;
    pinsPerLawyer.set(p.lawyerId, n);
    const cap = lawyerCap(s.policy, lawyer);
    if (n === cap + 1)
      issues.add({ path: `${at}.lawyerId`, message: `R1: more pins than the lawyer's cap of ${cap} villages`, value: p.lawyerId });
  });

  // R6: last year's plan may name lawyers who have left the roster since: their villages are vacated
  // (counted apart in the solution's changes), and team members who left drop out of the comparison.
  const baselineVillages = new Set<string>();
  s.baseline.forEach((b, i) => {
    const at = `baseline[${i}]`;
    if (!villages.has(b.villageId)) unknown(`${at}.villageId`, 'village', b.villageId);
    if (baselineVillages.has(b.villageId)) issues.add({ path: `${at}.villageId`, message: 'village appears twice in the baseline', value: b.villageId });
    baselineVillages.add(b.villageId);
  });
  const overridePairs = new Set<string>();
  s.travelOverrides.forEach((o, i) => {
    const at = `travelOverrides[${i}]`;
    if (!villages.has(o.villageId)) unknown(`${at}.villageId`, 'village', o.villageId);
    if (!lawyers.has(o.lawyerId)) unknown(`${at}.lawyerId`, 'lawyer', o.lawyerId);
    const key = `${o.lawyerId}\u0000${o.villageId}`;
    if (overridePairs.has(key)) issues.add({ path: at, message: 'a second override for the same lawyer and village', value: `${o.lawyerId}/${o.villageId}` });
    overridePairs.add(key);
  });
  return issues.listed;
}

const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/** The earlier shape (pairs inside the metrics) as the current one; anything else as it is. */
function withBlockingPairsOnTop(input: unknown): unknown {
  if (!isRecord(input) || !isRecord(input.metrics) || !isRecord(input.metrics.preferences)) return input;
  const bp = input.metrics.preferences.blockingPairs;
  if (!isRecord(bp) || !('pairs' in bp)) return input;
  const { pairs, ...counts } = bp;
  const moved = Array.isArray(pairs) && pairs.every((p) => Array.isArray(p) && p.length === 2 && p.every((x) => typeof x === 'string'))
    ? [...(pairs as [string, string][])].sort(compareBlockingPairs)
    : pairs;
  return {
    ...input,
    metrics: { ...input.metrics, preferences: { ...input.metrics.preferences, blockingPairs: counts } },
    ...(input.blockingPairs === undefined ? { blockingPairs: moved } : {}),
  };
}
