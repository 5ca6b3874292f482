import { compareBlockingPairs, type BlockingPair, type Solution, type SolutionMetrics, type UncoveredReason, type Vacated } from '../domain/index.js';
import type { Geography } from '../geo/geography.js';
import type { AdviserPool } from '../geo/pool.js';
import type { CostModel } from './costs.js';

const round3 = (x: number) => Math.round(x * 1000) / 1000;

/** (objective − bound) / max(1, |objective|), never negative (MODEL.md). */
export function gapOf(objective: number, bound: number): number {
  return Math.max(0, (objective - bound) / Math.max(1, Math.abs(objective)));
}

/** Metrics of a plan (SPEC §3) other than its objective, bound and time, and its blocking pairs (R5), listed apart. */
export function planMetrics(
  geo: Geography,
  cm: CostModel,
  pool: AdviserPool,
  lawyerOf: Int32Array,
): { metrics: Omit<SolutionMetrics, 'objective' | 'bound' | 'gap' | 'solveMs'>; blockingPairs: BlockingPair[] } {
  const load = new Int32Array(geo.nL);
  for (let v = 0; v < geo.nV; v++) if (lawyerOf[v] >= 0) load[lawyerOf[v]]++;
  const villageRankHistogram: Record<string, number> = {};
  const lawyerRankHistogram: Record<string, number> = {};
  const bump = (h: Record<string, number>, key: string) => (h[key] = (h[key] ?? 0) + 1);
  for (let v = 0; v < geo.nV; v++) {
    const l = lawyerOf[v];
    if (cm.hasPreferences(v)) {
      bump(villageRankHistogram, l < 0 ? 'uncovered' : cm.villageRanked(v, l) ? String(cm.villageRank(v, l) + 1) : 'unranked');
    }
    if (l >= 0 && cm.lawyerHasPreferences(l)) {
      bump(lawyerRankHistogram, cm.lawyerRanked(l, v) ? String(cm.lawyerRank(l, v) + 1) : 'unranked');
    }
  }
  // R6: moves away from a baseline adviser still on the roster; villages whose adviser left are counted apart.
  let vsBaseline = 0;
  const byCounty: Record<string, number> = {};
  for (let v = 0; v < geo.nV; v++) {
    const b = cm.baseline[v];
    if (b < 0 || b === lawyerOf[v]) continue;
    vsBaseline++;
    const county = geo.vCounty[v] ?? '(none)';
    byCounty[county] = (byCounty[county] ?? 0) + 1;
  }
  const vacated = vacatedVillages(geo).length;
  const blocking = blockingPairs(geo, cm, pool, lawyerOf, load);
  return {
    metrics: {
      travelKm: travelStats(geo, lawyerOf),
      load: loadFigures(geo, load),
      preferences: {
        villageRankHistogram,
        lawyerRankHistogram,
        blockingPairs: { count: blocking.count, villages: blocking.villages },
      },
      changes: { vsBaseline, byCounty, vacated },
    },
    blockingPairs: blocking.pairs,
  };
}

/**
 * R6: the baseline's villages whose adviser is no longer on the roster, in scenario order, with that
 * adviser: whatever the plan, they have a new adviser (or none).
 */
export function vacatedVillages(geo: Geography): Vacated[] {
  const gone = new Map<number, string>();
  for (const b of geo.scenario.baseline) if (!geo.lawyerIndex.has(b.lawyerId)) gone.set(geo.villageIndex.get(b.villageId)!, b.lawyerId);
  return [...gone].sort((a, b) => a[0] - b[0]).map(([v, lawyerId]) => ({ villageId: geo.scenario.villages[v].id, lawyerId }));
}

/** Villages per practicing lawyer: how many lawyers have each load, and the largest load. */
export function loadFigures(geo: Geography, load: Int32Array): SolutionMetrics['load'] {
  const histogram: Record<string, number> = {};
  let max = 0;
  for (let l = 0; l < geo.nL; l++) {
    if (!geo.lPracticing[l]) continue;
    histogram[load[l]] = (histogram[load[l]] ?? 0) + 1;
    max = Math.max(max, load[l]);
  }
  return { histogram, max };
}

/**
 * Road km of the advisers: total, mean, p95 and max over the assigned villages, from the figures the
 * assignments report (MODEL.md): each rounded to the metre, the total summed exactly in metres, the mean
 * rounded to the metre, p95 and max being assignments' own figures.
 */
export function travelStats(geo: Geography, lawyerOf: Int32Array): SolutionMetrics['travelKm'] {
  const metres: number[] = [];
  for (let v = 0; v < geo.nV; v++) if (lawyerOf[v] >= 0) metres.push(Math.round(geo.roadKm(v, lawyerOf[v]) * 1000));
  if (metres.length === 0) return { total: 0, mean: 0, p95: 0, max: 0 };
  metres.sort((a, b) => a - b);
  const total = metres.reduce((s, m) => s + m, 0);
  return {
    total: total / 1000,
    mean: Math.round(total / metres.length) / 1000,
    p95: metres[Math.ceil(0.95 * metres.length) - 1] / 1000,
    max: metres[metres.length - 1] / 1000,
  };
}

/**
 * R5: every pair of a village v and a lawyer l in range who may advise it, where v strictly prefers l
 * to what it has (uncovered is worst) and l strictly prefers v to its worst village or has room.
 * Each side orders its own list first, then the rest by road km. Judged over every lawyer in range,
 * not only the solver's candidates, so the figure does not depend on pruning. The pairs come sorted by
 * village id, then lawyer id (`compareBlockingPairs`), the order the solution lists them in.
 */
export function blockingPairs(geo: Geography, cm: CostModel, pool: AdviserPool, lawyerOf: Int32Array, load: Int32Array) {
  const worst = new Int32Array(geo.nL).fill(-1);
  for (let v = 0; v < geo.nV; v++) {
    const l = lawyerOf[v];
    if (l >= 0 && (worst[l] < 0 || lawyerOrder(geo, cm, l, v, worst[l]) > 0)) worst[l] = v;
  }
  const accepts = (l: number, v: number) => load[l] < geo.lCap[l] || (worst[l] >= 0 && lawyerOrder(geo, cm, l, v, worst[l]) < 0);
  const pairs: BlockingPair[] = [];
  const { villages, lawyers } = geo.scenario;
  const villagesIn = new Set<number>();
  const ids: number[] = [];
  const kms: number[] = [];
  // Lawyers in range are found by their group (one firm at one base): a few hundred points instead of
  // thousands. A routing figure is a lawyer's own, so with any of those the search goes node by node.
  const byGroup = geo.overrides.size === 0;
  const nodesNear = (v: number, reach: number, fn: (g: number, km: number) => void) => {
    if (!byGroup) {
      geo.withinRoadKm(pool.points, pool.rep, v, reach, ids, kms);
      for (let i = 0; i < ids.length; i++) fn(ids[i], kms[i]);
      return;
    }
    geo.withinRoadKm(pool.groupPoints, pool.groupLawyer, v, reach, ids, kms);
    for (let i = 0; i < ids.length; i++) {
      for (let j = pool.groupStart[ids[i]]; j < pool.groupStart[ids[i] + 1]; j++) fn(pool.groupNodes[j], kms[i]);
    }
  };
  for (let v = 0; v < geo.nV; v++) {
    const cur = lawyerOf[v];
    const found: number[] = [];
    // Lawyers v listed above its current one (all of them when it has none, or an unlisted one).
    for (const l of cm.rankedLawyers(v)) {
      if (l === cur || (cur >= 0 && villageOrder(geo, cm, v, l, cur) >= 0)) continue;
      if (geo.mayAdvise(v, l) && geo.roadKm(v, l) <= geo.maxTravelKm && accepts(l, v)) found.push(l);
    }
    // Unlisted lawyers strictly nearer than the current one, when the current one is unlisted too.
    if (cur < 0 || !cm.villageRanked(v, cur)) {
      const reach = cur < 0 ? geo.maxTravelKm : geo.roadKm(v, cur);
      nodesNear(v, reach, (g, km) => {
        if (cur >= 0 && km >= reach) return;
        for (let m = pool.memberStart[g]; m < pool.memberStart[g + 1]; m++) {
          const l = pool.members[m];
          if (l === cur || cm.villageRanked(v, l) || !geo.mayAdvise(v, l)) continue;
          if (accepts(l, v)) found.push(l);
        }
      });
    }
    if (found.length === 0) continue;
    villagesIn.add(v);
    found.sort((a, b) => a - b);
    for (const l of found) pairs.push([villages[v].id, lawyers[l].id]);
  }
  return { count: pairs.length, villages: villagesIn.size, pairs: pairs.sort(compareBlockingPairs) };
}

/** How village v orders lawyers a and b: negative when it prefers a. Its list first, then the nearer. */
export function villageOrder(geo: Geography, cm: CostModel, v: number, a: number, b: number): number {
  return cm.villageRank(v, a) - cm.villageRank(v, b) || geo.roadKm(v, a) - geo.roadKm(v, b);
}

/** How lawyer l orders villages a and b: negative when it prefers a. */
export function lawyerOrder(geo: Geography, cm: CostModel, l: number, a: number, b: number): number {
  return cm.lawyerRank(l, a) - cm.lawyerRank(l, b) || geo.roadKm(a, l) - geo.roadKm(b, l);
}

const fmtKm = (km: number) => `${km.toFixed(1)} 公里`;

/**
 * The plan an uncovered village's words are about: the optimum (the default), or a stable match (R5),
 * saying whether the optimal plan of the same scenario covers the village.
 */
export type UncoveredIn = { plan: 'optimal' } | { plan: 'stable'; coveredByOptimum: boolean };

/**
 * Why village v has no adviser, in words a bureau clerk understands, naming the lawyers it could
 * have had and why each was not possible, worded for the plan it is in.
 */
export function explainUncovered(geo: Geography, v: number, load: Int32Array, where: UncoveredIn = { plan: 'optimal' }): { reason: UncoveredReason; detail: string } {
  const { lawyers } = geo.scenario;
  const ids: number[] = [];
  const kms: number[] = [];
  geo.lawyersWithinRoadKm(v, geo.maxTravelKm, ids, kms);
  const order = ids.map((_, i) => i).sort((a, b) => kms[a] - kms[b] || ids[a] - ids[b]);
  const interns: string[] = [];
  const otherCity: string[] = [];
  const vetoed: string[] = [];
  const full: string[] = [];
  for (const i of order) {
    const l = ids[i];
    const who = `${lawyers[l].name}(${fmtKm(kms[i])})`;
    if (!geo.lPracticing[l]) interns.push(who);
    else if (!geo.sameCityOrPaired(v, l)) otherCity.push(who);
    else if (!geo.notVetoed(v, l)) vetoed.push(`${who}${geo.villageVetoes[v]?.has(l) ? '被本村否决' : '否决本村'}`);
    else if (geo.lCap[l] === 0) full.push(`${lawyers[l].name}(${fmtKm(kms[i])},个人上限为 0)`);
    else full.push(`${lawyers[l].name}(${fmtKm(kms[i])},已满 ${load[l]}/${geo.lCap[l]} 个村)`);
  }
  const range = `${geo.maxTravelKm} 公里内`;
  const list = (names: string[], max = 8) => names.slice(0, max).join('、') + (names.length > max ? ` 等 ${names.length} 人` : '');
  const notes: string[] = [];
  if (interns.length) notes.push(`实习人员 ${list(interns)} 不能独自担任法律顾问(R2)`);
  if (otherCity.length) notes.push(`外市律师 ${list(otherCity)} 不属对口支援,只服务本市(R7)`);
  const tail = notes.length ? `;${notes.join(';')}` : '';
  if (full.length > 0) {
    const plan = where.plan === 'optimal' ? '在最优方案中' : '在本稳定匹配方案中';
    const optimum =
      where.plan === 'stable' && where.coveredByOptimum ? ';最优方案可为本村安排顾问,本方案按双向选择(R5)稳定匹配而未能覆盖' : '';
    return {
      reason: 'all-candidates-at-cap',
      detail: `${range}可担任顾问的 ${full.length} 名执业律师${plan}都已满额(R1):${list(full)}${tail}${vetoed.length ? `;另有 ${list(vetoed)}(R5)` : ''}${optimum}`,
    };
  }
  if (vetoed.length > 0) {
    return { reason: 'vetoed-all', detail: `${range}的执业律师都因双向选择的否决而不能担任(R5):${list(vetoed)}${tail}` };
  }
  return {
    reason: 'no-practicing-lawyer-in-range',
    detail: `${range}没有可担任顾问的执业律师${nearestBeyond(geo, v)}${tail}`,
  };
}

/** The nearest lawyer who could advise v but for the distance, as a hint of how far off help is. */
function nearestBeyond(geo: Geography, v: number): string {
  const ids: number[] = [];
  const kms: number[] = [];
  for (const factor of [2, 4, 8]) {
    geo.lawyersWithinRoadKm(v, geo.maxTravelKm * factor, ids, kms);
    let best = -1;
    for (let i = 0; i < ids.length; i++) {
      if (geo.mayAdvise(v, ids[i]) && (best < 0 || kms[i] < kms[best])) best = i;
    }
    if (best >= 0) return `;最近的可担任律师 ${geo.scenario.lawyers[ids[best]].name} 在 ${kms[best].toFixed(1)} 公里外`;
  }
  return '';
}

/**
 * Assignments and uncovered villages of a plan, in scenario order, and the baseline's vacated villages.
 * `optimum`, for a stable match: the optimal plan of the same scenario, which the words of uncovered villages compare with.
 */
export function planDocument(geo: Geography, lawyerOf: Int32Array, optimum?: Int32Array): Pick<Solution, 'assignments' | 'uncovered' | 'changes'> {
  const { villages, lawyers } = geo.scenario;
  const assignments: Solution['assignments'] = [];
  const uncovered: Solution['uncovered'] = [];
  const load = new Int32Array(geo.nL);
  for (let v = 0; v < geo.nV; v++) if (lawyerOf[v] >= 0) load[lawyerOf[v]]++;
  for (let v = 0; v < geo.nV; v++) {
    const l = lawyerOf[v];
    if (l >= 0) {
      assignments.push({ villageId: villages[v].id, lawyerId: lawyers[l].id, team: [], firmId: lawyers[l].firmId, travelKm: round3(geo.roadKm(v, l)) });
    } else {
      const where: UncoveredIn = optimum ? { plan: 'stable', coveredByOptimum: optimum[v] >= 0 } : { plan: 'optimal' };
      uncovered.push({ villageId: villages[v].id, ...explainUncovered(geo, v, load, where) });
    }
  }
  const vacated = vacatedVillages(geo);
  return { assignments, uncovered, ...(vacated.length > 0 ? { changes: { vacated } } : {}) };
}
