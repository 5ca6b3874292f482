import { InvalidDocumentError, type Issue, zodIssues } from './common.js';
import { lawyerCap, Scenario } from './scenario.js';
import { compareBlockingPairs, Solution } from './solution.js';
import { Calendar } from './calendar.js';

/**
 * Parses a scenario and checks it as a whole: shape first, then ids and references,
 * then the pins (R1, R2, R5). Throws one error listing every problem found.
 */
export function parseScenario(input: unknown): Scenario {
  const parsed = Scenario.safeParse(input);
  if (!parsed.success) throw new InvalidDocumentError('scenario', zodIssues(parsed.error, input));
  const issues = scenarioIntegrityIssues(parsed.data);
  if (issues.length > 0) throw new InvalidDocumentError('scenario', issues);
  return parsed.data;
}

/**
 * Parses a solution. A document of the earlier shape, with its blocking pairs listed in
 * `metrics.preferences.blockingPairs.pairs`, is read with them moved to the top-level `blockingPairs`
 * (in the order that list now has), so stored and saved solutions stay readable.
 */
export function parseSolution(input: unknown): Solution {
  const parsed = Solution.safeParse(withBlockingPairsOnTop(input));
  if (!parsed.success) throw new InvalidDocumentError('solution', zodIssues(parsed.error, input));
  return parsed.data;
}

export function parseCalendar(input: unknown): Calendar {
  const parsed = Calendar.safeParse(input);
  if (!parsed.success) throw new InvalidDocumentError('calendar', zodIssues(parsed.error, input));
  return parsed.data;
}

function indexIds<T extends { id: string }>(items: T[], collection: string, issues: Issue[]): Map<string, T> {
  const map = new Map<string, T>();
  items.forEach((item, i) => {
    if (map.has(item.id)) issues.push({ path: `${collection}[${i}].id`, message: 'duplicate id', value: item.id });
    else map.set(item.id, item);
  });
  return map;
}

/** Everything a schema alone cannot see. Returns the problems; an empty list means the scenario holds together. */
export function scenarioIntegrityIssues(s: Scenario): Issue[] {
  const issues: Issue[] = [];
  const regions = indexIds(s.regions, 'regions', issues);
  const firms = indexIds(s.firms, 'firms', issues);
  const lawyers = indexIds(s.lawyers, 'lawyers', issues);
  const villages = indexIds(s.villages, 'villages', issues);
  const unknown = (path: string, what: string, value: string) =>
    issues.push({ path, message: `unknown ${what}`, value });

  s.regions.forEach((r, i) => {
    if (r.parentId === undefined) return;
    const parent = regions.get(r.parentId);
    if (!parent) unknown(`regions[${i}].parentId`, 'region', r.parentId);
    else if (parent.id === r.id) issues.push({ path: `regions[${i}].parentId`, message: 'a region cannot be its own parent', value: r.parentId });
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
    if (cur?.id === r.id) issues.push({ path: `regions[${i}].parentId`, message: 'region parents form a cycle', value: r.parentId });
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
      issues.push({ path: `villages[${i}].townId`, message: `region is a ${town.level}, not a town`, value: v.townId });
  });
  if (typeof s.policy.mode === 'object') {
    for (const county of Object.keys(s.policy.mode)) {
      const r = regions.get(county);
      if (!r) unknown(`policy.mode.${county}`, 'county', county);
      else if (r.level !== 'county')
        issues.push({ path: `policy.mode.${county}`, message: `region is a ${r.level}, not a county`, value: county });
    }
  }

  const villageVetoes = new Map<string, Set<string>>();
  const prefVillagesSeen = new Set<string>();
  s.preferences.villages.forEach((p, i) => {
    const at = `preferences.villages[${i}]`;
    if (!villages.has(p.villageId)) unknown(`${at}.villageId`, 'village', p.villageId);
    if (prefVillagesSeen.has(p.villageId)) issues.push({ path: `${at}.villageId`, message: 'village has a second preference entry', value: p.villageId });
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
    if (prefLawyersSeen.has(p.lawyerId)) issues.push({ path: `${at}.lawyerId`, message: 'lawyer has a second preference entry', value: p.lawyerId });
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
    if (pinnedVillages.has(p.villageId)) issues.push({ path: `${at}.villageId`, message: 'village is pinned twice', value: p.villageId });
    pinnedVillages.add(p.villageId);
    if (!village || !lawyer) return;
    if (lawyer.status === 'intern')
      issues.push({ path: `${at}.lawyerId`, message: 'R2: an intern cannot be a village’s responsible adviser', value: p.lawyerId });
    const vv = villageVetoes.get(p.villageId);
    if (vv && (vv.has(lawyer.id) || vv.has(lawyer.firmId)))
      issues.push({ path: `${at}.lawyerId`, message: 'R5: the village vetoes this lawyer', value: p.lawyerId });
    if (lawyerVetoes.get(p.lawyerId)?.has(p.villageId))
      issues.push({ path: `${at}.villageId`, message: 'R5: the lawyer vetoes this village', value: p.villageId });
    const n = (pinsPerLawyer.get(p.lawyerId) ?? 0) + 1;
    pinsPerLawyer.set(p.lawyerId, n);
    const cap = lawyerCap(s.policy, lawyer);
    if (n === cap + 1)
      issues.push({ path: `${at}.lawyerId`, message: `R1: more pins than the lawyer's cap of ${cap} villages`, value: p.lawyerId });
  });

  // R6: last year's plan may name lawyers who have left the roster since: their villages are vacated
  // (counted apart in the solution's changes), and team members who left drop out of the comparison.
  const baselineVillages = new Set<string>();
  s.baseline.forEach((b, i) => {
    const at = `baseline[${i}]`;
    if (!villages.has(b.villageId)) unknown(`${at}.villageId`, 'village', b.villageId);
    if (baselineVillages.has(b.villageId)) issues.push({ path: `${at}.villageId`, message: 'village appears twice in the baseline', value: b.villageId });
    baselineVillages.add(b.villageId);
  });
  const overridePairs = new Set<string>();
  s.travelOverrides.forEach((o, i) => {
    const at = `travelOverrides[${i}]`;
    if (!villages.has(o.villageId)) unknown(`${at}.villageId`, 'village', o.villageId);
    if (!lawyers.has(o.lawyerId)) unknown(`${at}.lawyerId`, 'lawyer', o.lawyerId);
    const key = `${o.lawyerId}\u0000${o.villageId}`;
    if (overridePairs.has(key)) issues.push({ path: at, message: 'a second override for the same lawyer and village', value: `${o.lawyerId}/${o.villageId}` });
    overridePairs.add(key);
  });
  return issues;
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
