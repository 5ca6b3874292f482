/**
 * Changes to a scenario, as a bureau states them (SPEC §6: replace / remove / add a lawyer, edit a
 * village, adjust the policy), and `applyChanges`, which makes the new version. Every problem names the
 * change it comes from: `changes[2].lawyerId`, `changes[0].by.firmId`, `changes[1].set.maxTravelKm`.
 */
import { z } from 'zod';
import { Id, InvalidDocumentError, type Issue } from './common.js';
import { parseScenario } from './check.js';
import { Lawyer, Policy, Village, type Scenario } from './scenario.js';
import type { Solution } from './solution.js';

/**
 * The same fields as `schema`, every one optional and with its defaults removed, nested objects
 * likewise: a patch names only what it changes.
 */
function patchOf(schema: z.ZodType): z.ZodType {
  let s: z.ZodType = schema;
  while (s instanceof z.ZodDefault || s instanceof z.ZodPrefault || s instanceof z.ZodOptional) s = s.unwrap() as z.ZodType;
  if (!(s instanceof z.ZodObject)) return s;
  const shape = Object.fromEntries(Object.entries(s.shape as Record<string, z.ZodType>).map(([k, v]) => [k, patchOf(v).optional()]));
  return z.strictObject(shape);
}

type DeepPartial<T> = T extends readonly unknown[] ? T : T extends object ? { [K in keyof T]?: DeepPartial<T[K]> } : T;

/** Part of a policy; objects inside it are merged field by field, not replaced. */
export const PolicyPatch = patchOf(Policy) as z.ZodType<DeepPartial<z.input<typeof Policy>>>;
export type PolicyPatch = z.infer<typeof PolicyPatch>;

/** Fields of a village to overwrite (not its id). */
export const VillagePatch = Village.omit({ id: true }).partial();

export const Change = z.discriminatedUnion('op', [
  z.strictObject({
    op: z.literal('replace-lawyer'),
    lawyerId: Id,
    /** a new lawyer's record, or the id of a lawyer already in the scenario who takes over */
    by: z.union([Lawyer, Id]),
  }),
  z.strictObject({ op: z.literal('remove-lawyer'), lawyerId: Id }),
  z.strictObject({ op: z.literal('add-lawyer'), lawyer: Lawyer }),
  z.strictObject({ op: z.literal('update-village'), villageId: Id, set: VillagePatch }),
  z.strictObject({ op: z.literal('set-policy'), set: PolicyPatch }),
]);
export type Change = z.infer<typeof Change>;

const isPlainObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/** `patch` laid over `base`: objects merged key by key, anything else (arrays included) replaced. */
export function deepMerge<T>(base: T, patch: unknown): T {
  if (!isPlainObject(base) || !isPlainObject(patch)) return (patch === undefined ? base : patch) as T;
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(patch)) if (v !== undefined) out[k] = deepMerge(out[k], v);
  return out as T;
}

/** Where a lawyer in the new version came from: the change and the field that holds their record or id. */
interface Origin {
  index: number;
  field: 'by' | 'lawyer';
}

/**
 * Applies the changes in order and returns the new scenario, parsed and checked as a whole.
 *
 * - `replace-lawyer`: the replacement takes over the old lawyer's baseline entries, pins and the places
 *   villages gave the old lawyer in their rankings; then the old lawyer is removed. Vetoes of the old
 *   lawyer, the old lawyer's own wishes and their routed road km are personal and go with them.
 *   A record with the old lawyer's own id edits that lawyer in place.
 * - `remove-lawyer`: the lawyer goes, with every team place, pin, preference and road km naming them; their
 *   baseline entries stay and leave their villages vacated (the solution lists them in `changes.vacated`).
 * - `add-lawyer`, `update-village`, `set-policy` (merged into the policy field by field).
 *
 * Throws InvalidDocumentError whose issues point into `changes[i]` wherever a change is to blame,
 * else at the scenario path (e.g. `pins[3].lawyerId`).
 */
export function applyChanges(scenario: Scenario, changes: readonly Change[]): Scenario {
  const s: Scenario = structuredClone(scenario);
  const issues: Issue[] = [];
  const origin = new Map<string, Origin>();
  const villageChange = new Map<string, number>();
  const policyChanges: { index: number; set: PolicyPatch }[] = [];
  const lawyerAt = (id: string) => s.lawyers.findIndex((l) => l.id === id);

  changes.forEach((c, i) => {
    const at = `changes[${i}]`;
    switch (c.op) {
      case 'replace-lawyer': {
        const k = lawyerAt(c.lawyerId);
        if (k < 0) {
          issues.push({ path: `${at}.lawyerId`, message: 'unknown lawyer', value: c.lawyerId });
          return;
        }
        if (typeof c.by === 'string') {
          if (c.by === c.lawyerId) {
            issues.push({ path: `${at}.by`, message: 'a lawyer cannot replace themselves', value: c.by });
            return;
          }
          if (lawyerAt(c.by) < 0) {
            issues.push({ path: `${at}.by`, message: 'unknown lawyer', value: c.by });
            return;
          }
          s.lawyers.splice(k, 1);
          handOver(s, c.lawyerId, c.by);
          origin.delete(c.lawyerId);
          origin.set(c.by, { index: i, field: 'by' });
        } else {
          if (c.by.id !== c.lawyerId && lawyerAt(c.by.id) >= 0) {
            issues.push({ path: `${at}.by.id`, message: 'a lawyer with this id already exists; give the id alone to hand over to them', value: c.by.id });
            return;
          }
          s.lawyers[k] = c.by;
          if (c.by.id !== c.lawyerId) {
            handOver(s, c.lawyerId, c.by.id);
            origin.delete(c.lawyerId);
          }
          origin.set(c.by.id, { index: i, field: 'by' });
        }
        return;
      }
      case 'remove-lawyer': {
        const k = lawyerAt(c.lawyerId);
        if (k < 0) {
          issues.push({ path: `${at}.lawyerId`, message: 'unknown lawyer', value: c.lawyerId });
          return;
        }
        s.lawyers.splice(k, 1);
        forget(s, c.lawyerId);
        origin.delete(c.lawyerId);
        return;
      }
      case 'add-lawyer': {
        if (lawyerAt(c.lawyer.id) >= 0) {
          issues.push({ path: `${at}.lawyer.id`, message: 'a lawyer with this id already exists', value: c.lawyer.id });
          return;
        }
        s.lawyers.push(c.lawyer);
        origin.set(c.lawyer.id, { index: i, field: 'lawyer' });
        return;
      }
      case 'update-village': {
        const k = s.villages.findIndex((v) => v.id === c.villageId);
        if (k < 0) {
          issues.push({ path: `${at}.villageId`, message: 'unknown village', value: c.villageId });
          return;
        }
        s.villages[k] = { ...s.villages[k], ...c.set };
        villageChange.set(c.villageId, i);
        return;
      }
      case 'set-policy': {
        s.policy = deepMerge(s.policy, c.set);
        policyChanges.push({ index: i, set: c.set });
        return;
      }
    }
  });
  if (issues.length > 0) throw new InvalidDocumentError('changes', issues);

  const blame = (issue: Issue): Issue => {
    const path = blamePath(s, issue, origin, villageChange, policyChanges);
    return path === undefined ? issue : { ...issue, path, message: `${issue.message} (${issue.path})` };
  };
  let out: Scenario;
  try {
    out = parseScenario(s);
  } catch (err) {
    if (err instanceof InvalidDocumentError) throw new InvalidDocumentError('changes', err.issues.map(blame), err.count, err.countIsLowerBound);
    throw err;
  }
  // R7 is not among parseScenario's pin checks; a replacement from another city would break every pin handed over.
  const cityIssues = pinCityIssues(out, (p) => origin.has(p.lawyerId));
  if (cityIssues.length > 0) throw new InvalidDocumentError('changes', cityIssues.map(blame));
  return out;
}

/** Everything that named `from` now names `to` (R6: the replacement takes over); see applyChanges. */
function handOver(s: Scenario, from: string, to: string): void {
  const swap = (ids: string[]) => [...new Set(ids.map((id) => (id === from ? to : id)))];
  for (const b of s.baseline) {
    if (b.lawyerId === from) b.lawyerId = to;
    if (b.team) b.team = swap(b.team).filter((id) => id !== b.lawyerId);
  }
  for (const p of s.pins) if (p.lawyerId === from) p.lawyerId = to;
  for (const p of s.preferences.villages) {
    if (p.lawyers) p.lawyers = swap(p.lawyers);
    if (p.vetoes) p.vetoes = p.vetoes.filter((id) => id !== from);
  }
  s.preferences.lawyers = s.preferences.lawyers.filter((p) => p.lawyerId !== from);
  s.travelOverrides = s.travelOverrides.filter((o) => o.lawyerId !== from);
}

/**
 * Every mention of a removed lawyer goes with them, except their own baseline entries: those stay,
 * naming a lawyer no longer on the roster, so the solution counts the villages as vacated (R6).
 */
function forget(s: Scenario, id: string): void {
  for (const b of s.baseline) if (b.team) b.team = b.team.filter((m) => m !== id);
  s.pins = s.pins.filter((p) => p.lawyerId !== id);
  for (const p of s.preferences.villages) {
    if (p.lawyers) p.lawyers = p.lawyers.filter((m) => m !== id);
    if (p.vetoes) p.vetoes = p.vetoes.filter((m) => m !== id);
  }
  s.preferences.lawyers = s.preferences.lawyers.filter((p) => p.lawyerId !== id);
  s.travelOverrides = s.travelOverrides.filter((o) => o.lawyerId !== id);
}

/** The change path an issue of the new scenario comes from, when one change is to blame. */
function blamePath(
  s: Scenario,
  issue: Issue,
  origin: Map<string, Origin>,
  villageChange: Map<string, number>,
  policyChanges: { index: number; set: PolicyPatch }[],
): string | undefined {
  const m = /^(lawyers|villages|pins)\[(\d+)\](.*)$/.exec(issue.path);
  if (m) {
    const [, list, k, rest] = m;
    if (list === 'lawyers') {
      const o = origin.get(s.lawyers[Number(k)]?.id ?? '');
      return o && `changes[${o.index}].${o.field}${rest}`;
    }
    if (list === 'villages') {
      const i = villageChange.get(s.villages[Number(k)]?.id ?? '');
      return i === undefined ? undefined : `changes[${i}].set${rest}`;
    }
    const pin = s.pins[Number(k)];
    const o = pin && origin.get(pin.lawyerId);
    if (o) return `changes[${o.index}].${o.field}`;
    const lastPolicy = policyChanges.at(-1);
    if (issue.message.startsWith('R1') && lastPolicy) return `changes[${lastPolicy.index}].set.maxVillagesPerLawyer`;
    return undefined;
  }
  if (issue.path === 'policy' || issue.path.startsWith('policy.')) {
    const rest = issue.path.slice('policy'.length);
    const keys = rest.split('.').filter(Boolean);
    // The last change that set this field, else the last that touched the policy at all.
    const setsField = (p: PolicyPatch) => {
      let cur: unknown = p;
      for (const key of keys) {
        if (!isPlainObject(cur) || !(key in cur)) return false;
        cur = cur[key];
      }
      return true;
    };
    const c = [...policyChanges].reverse().find((p) => setsField(p.set)) ?? policyChanges.at(-1);
    return c && `changes[${c.index}].set${rest}`;
  }
  return undefined;
}

/**
 * R7 for pins: a pinned lawyer who is not in paired assistance must serve their firm's city. Checks
 * the pins `which` selects; a village or firm whose city cannot be found passes (MODEL.md).
 */
export function pinCityIssues(s: Scenario, which: (pin: Scenario['pins'][number], index: number) => boolean = () => true): Issue[] {
  const regions = new Map(s.regions.map((r) => [r.id, r]));
  const cityOf = (regionId: string | undefined): string | undefined => {
    for (let r = regionId === undefined ? undefined : regions.get(regionId), hops = 0; r && hops < 64; hops++) {
      if (r.level === 'city') return r.id;
      r = r.parentId === undefined ? undefined : regions.get(r.parentId);
    }
    return undefined;
  };
  const lawyers = new Map(s.lawyers.map((l) => [l.id, l]));
  const villages = new Map(s.villages.map((v) => [v.id, v]));
  const firms = new Map(s.firms.map((f) => [f.id, f]));
  const out: Issue[] = [];
  s.pins.forEach((p, i) => {
    if (!which(p, i)) return;
    const lawyer = lawyers.get(p.lawyerId);
    const village = villages.get(p.villageId);
    if (!lawyer || !village || lawyer.pairedAssistance) return;
    const vc = cityOf(village.townId);
    const lc = cityOf(firms.get(lawyer.firmId)?.regionId);
    if (vc !== undefined && lc !== undefined && vc !== lc)
      out.push({ path: `pins[${i}].lawyerId`, message: 'R7: the lawyer serves another city and is not in paired assistance', value: p.lawyerId });
  });
  return out;
}

/**
 * R6: the scenario a re-plan solves. The solution's plan becomes the baseline (its lawyers carried
 * through the changes), the changes are applied, and every village outside `scope` (a county or city id;
 * undefined = no limit) is pinned to its current adviser. A village whose adviser was removed keeps a
 * baseline entry naming them: it is vacated, free to move wherever it lies, and counted apart. Inside the
 * scope nothing is pinned beyond the scenario's own pins: the change weight keeps what need not move.
 *
 * Throws InvalidDocumentError when a change is wrong (paths `changes[i]…`) or a pin cannot hold
 * (paths `pins[k]…`, the message naming the village and lawyer).
 */
export function replanScenario(scenario: Scenario, solution: Solution, changes: readonly Change[], scope?: string): Scenario {
  const regions = new Map(scenario.regions.map((r) => [r.id, r]));
  if (scope !== undefined) {
    const r = regions.get(scope);
    if (!r) throw new InvalidDocumentError('replan', [{ path: 'scope', message: 'unknown region', value: scope }]);
    if (r.level === 'town') throw new InvalidDocumentError('replan', [{ path: 'scope', message: 'region is a town, not a county or city', value: scope }]);
  }
  const baseline = solution.assignments.map((a) => ({ villageId: a.villageId, lawyerId: a.lawyerId, ...(a.team.length > 0 ? { team: a.team } : {}) }));
  const changed = applyChanges({ ...scenario, baseline }, changes);
  if (scope === undefined) return changed;

  const within = (regionId: string): boolean => {
    for (let r = regions.get(regionId), hops = 0; r && hops < 64; hops++) {
      if (r.id === scope) return true;
      r = r.parentId === undefined ? undefined : regions.get(r.parentId);
    }
    return false;
  };
  const townOf = new Map(changed.villages.map((v) => [v.id, v.townId]));
  const pinned = new Set(changed.pins.map((p) => p.villageId));
  const onRoster = new Set(changed.lawyers.map((l) => l.id));
  const first = changed.pins.length;
  const pins = [...changed.pins];
  for (const b of changed.baseline) {
    const town = townOf.get(b.villageId);
    if (town === undefined || within(town) || pinned.has(b.villageId) || !onRoster.has(b.lawyerId)) continue;
    pins.push({ villageId: b.villageId, lawyerId: b.lawyerId });
  }
  const next = { ...changed, pins };
  const explain = (issue: Issue): Issue => {
    const m = /^pins\[(\d+)\]/.exec(issue.path);
    const k = m ? Number(m[1]) : -1;
    if (k < first) return issue;
    const p = pins[k];
    return { ...issue, message: `${issue.message}: village ${p.villageId} lies outside scope ${scope} and keeps its adviser ${p.lawyerId} (R6)` };
  };
  let out: Scenario;
  try {
    out = parseScenario(next);
  } catch (err) {
    if (err instanceof InvalidDocumentError) throw new InvalidDocumentError('replan', err.issues.map(explain), err.count, err.countIsLowerBound);
    throw err;
  }
  const cityIssues = pinCityIssues(out, (_, i) => i >= first);
  if (cityIssues.length > 0) throw new InvalidDocumentError('replan', cityIssues.map(explain));
  return out;
}
