/**
 * Why a village has the adviser it has: the adviser's pair cost term by term (MODEL.md), and every
 * other lawyer it could have had, with the reason each lost, in words a bureau clerk can read out.
 */
import type { Scenario, Solution, UncoveredReason } from '../domain/index.js';
import { Geography } from '../geo/geography.js';
import { CostModel } from './costs.js';

const round3 = (x: number) => Math.round(x * 1000) / 1000;
const fmtKm = (km: number) => `${km.toFixed(1)} 公里`;
/** Costs closer than this (well under the solver's 1/1000 rounding) count as equal. */
const EPS = 1e-6;

/** The pair cost of MODEL.md, term by term; `total` is their sum. */
export interface CostBreakdown {
  travel: number;
  villageRank: number;
  lawyerRank: number;
  change: number;
  total: number;
  /** 1-based place of the lawyer (or their firm) on the village's list; null when not listed */
  villageListPosition: number | null;
  /** 1-based place of the village on the lawyer's list; null when not listed */
  lawyerListPosition: number | null;
}

export interface ExplainedLawyer {
  lawyerId: string;
  name: string;
  firmId: string;
  firmName: string;
  status: 'practicing' | 'intern';
  /** road km, base to village */
  km: number;
  /**
   * `adviser`: has the village; `member`: on its team beside the adviser (R3); `candidate`: may advise it (in
   * range, R1/R2/R5/R7 hold); `ineligible`: may not
   */
  role: 'adviser' | 'member' | 'candidate' | 'ineligible';
  /** the pair cost as adviser; null for members and ineligible lawyers */
  cost: CostBreakdown | null;
  /** villages advised in this solution (any role, R1) and the lawyer's cap */
  load: number;
  cap: number;
  /** the village is pinned to this lawyer (R6) */
  pinned: boolean;
  /** why they did not get the village (for the adviser: why they have it, when a rule decides it) */
  reasons: string[];
}

export interface VillageExplanation {
  village: { id: string; name: string; townId: string; countyId: string | null };
  adviserId: string | null;
  uncovered: { reason: UncoveredReason; detail: string } | null;
  /** one sentence on the outcome */
  summary: string;
  maxTravelKm: number;
  /** the adviser first, then the lawyers who may advise the village by cost, then the nearest who may not */
  candidates: ExplainedLawyer[];
}

export interface ExplainOptions {
  /** lawyers within range who may not advise the village (interns, other city, vetoed, cap 0): the nearest this many */
  ineligibleInRange?: number;
  /** lawyers beyond `maxTravelKm`: the nearest this many */
  beyondRange?: number;
}

/**
 * Explains one village of a solution of `scenario`. Returns undefined when the scenario has no such village.
 * Costs use the solution's weights; loads count the villages each lawyer has in the solution, team places included.
 */
export function explainVillage(scenario: Scenario, solution: Solution, villageId: string, options: ExplainOptions = {}): VillageExplanation | undefined {
  const geo = new Geography(scenario);
  const v = geo.villageIndex.get(villageId);
  if (v === undefined) return undefined;
  const cm = new CostModel(geo, solution.weights);
  const { lawyers, firms } = scenario;
  const village = scenario.villages[v];
  const firmName = new Map(firms.map((f) => [f.id, f.name]));
  const w = solution.weights;

  const load = new Int32Array(geo.nL);
  for (const a of solution.assignments) {
    for (const id of [a.lawyerId, ...a.team]) {
      const l = geo.lawyerIndex.get(id);
      if (l !== undefined) load[l]++;
    }
  }
  const assignment = solution.assignments.find((a) => a.villageId === villageId);
  const adviser = assignment ? (geo.lawyerIndex.get(assignment.lawyerId) ?? -1) : -1;
  const uncovered = solution.uncovered.find((u) => u.villageId === villageId);
  const pinnedTo = scenario.pins.find((p) => p.villageId === villageId)?.lawyerId;
  const cap = (l: number) => geo.lCap[l];

  const breakdown = (l: number): CostBreakdown => {
    const km = geo.roadKm(v, l);
    const b = cm.baseline[v];
    const travel = w.travelKm * km;
    const villageRank = w.villagePreference * cm.villageRank(v, l);
    const lawyerRank = w.lawyerPreference * cm.lawyerRank(l, v);
    const change = b >= 0 && b !== l ? w.change : 0;
    return {
      travel: round3(travel),
      villageRank: round3(villageRank),
      lawyerRank: round3(lawyerRank),
      change: round3(change),
      total: round3(travel + villageRank + lawyerRank + change),
      villageListPosition: cm.villageRanked(v, l) ? cm.villageRank(v, l) + 1 : null,
      lawyerListPosition: cm.lawyerRanked(l, v) ? cm.lawyerRank(l, v) + 1 : null,
    };
  };
  const entry = (l: number, role: ExplainedLawyer['role'], reasons: string[]): ExplainedLawyer => ({
    lawyerId: lawyers[l].id,
    name: lawyers[l].name,
    firmId: lawyers[l].firmId,
    firmName: firmName.get(lawyers[l].firmId) ?? lawyers[l].firmId,
    status: lawyers[l].status,
    km: round3(geo.roadKm(v, l)),
    role,
    cost: role === 'ineligible' || role === 'member' ? null : breakdown(l),
    load: load[l],
    cap: cap(l),
    pinned: pinnedTo === lawyers[l].id,
    reasons,
  });

  /** Hard rules that keep l from advising v, in the order a clerk would check them. */
  const barred = (l: number, km: number): string[] => {
    const out: string[] = [];
    if (!geo.lPracticing[l]) out.push('实习人员不能独自担任(R2)');
    else if (geo.lCap[l] === 0) out.push('个人上限为 0 个村(R1)');
    if (!geo.sameCityOrPaired(v, l)) out.push('非本市律师且不属对口支援(R7)');
    if (geo.villageVetoes[v]?.has(l)) out.push('被本村否决(R5)');
    if (geo.lawyerVetoes[l]?.has(v)) out.push('否决本村(R5)');
    if (km > geo.maxTravelKm) out.push(`超出 ${geo.maxTravelKm} 公里服务半径(${fmtKm(km)})`);
    return out;
  };

  const adviserCost = adviser >= 0 ? breakdown(adviser) : undefined;
  const adviserKm = adviser >= 0 ? geo.roadKm(v, adviser) : 0;
  // Firm-town mode (R4): the firm that holds v's town, if any, and the towns each firm holds.
  const townFirm = solution.firmTowns?.find((f) => f.townId === village.townId)?.firmId;
  const firmTownMode = townFirm !== undefined || uncovered?.reason === 'town-without-firm';
  const townsHeld = new Map<string, number>();
  for (const f of solution.firmTowns ?? []) townsHeld.set(f.firmId, (townsHeld.get(f.firmId) ?? 0) + 1);
  /** R4: why l's firm does not serve v's town, when that decides (firm-town mode only). */
  const otherFirm = (l: number): string | undefined => {
    if (!firmTownMode) return undefined;
    const f = lawyers[l].firmId;
    if (townFirm !== undefined) return f === townFirm ? undefined : `本镇由${firmName.get(townFirm) ?? townFirm}承接(R4,一镇一所),顾问须出自该所`;
    const held = townsHeld.get(f) ?? 0;
    const max = scenario.policy.firmTown.maxTownsPerFirm;
    return held >= max ? `所在律师事务所已承接 ${held} 个镇街,达到上限 ${max}(R4)` : `所在律师事务所未承接本镇(R4:已承接 ${held} 个镇街,所承接镇街须相邻)`;
  };
  /** Why a lawyer who may advise v did not get it: at cap, or the terms of the pair cost where they do worse. */
  const lost = (l: number): string[] => {
    const out: string[] = [];
    const r4 = otherFirm(l);
    if (r4) {
      out.push(r4);
      if (load[l] >= geo.lCap[l]) out.push(`已满额(${load[l]}/${geo.lCap[l]})`);
      return out;
    }
    if (pinnedTo !== undefined && pinnedTo !== lawyers[l].id) {
      const pinned = geo.lawyerIndex.get(pinnedTo);
      out.push(`本村已固定由${pinned === undefined ? pinnedTo : lawyers[pinned].name}担任(R6)`);
    }
    if (load[l] >= geo.lCap[l]) out.push(`已满额(${load[l]}/${geo.lCap[l]})`);
    if (adviser < 0 || adviserCost === undefined) return out.length ? out : ['未被选中'];
    const c = breakdown(l);
    const km = geo.roadKm(v, l);
    if (km > adviserKm + EPS) out.push(`距离更远(${fmtKm(km)},现任顾问 ${fmtKm(adviserKm)})`);
    if (c.villageRank > adviserCost.villageRank + EPS) {
      const place = (p: number | null) => (p === null ? '未列入' : `第 ${p} 位`);
      out.push(`排名靠后(本村名单${place(c.villageListPosition)},现任顾问${place(adviserCost.villageListPosition)})`);
    }
    if (c.lawyerRank > adviserCost.lawyerRank + EPS) {
      const place = (p: number | null) => (p === null ? '未列入本村' : `本村列第 ${p} 位`);
      out.push(`律师本人志愿中排名靠后(${place(c.lawyerListPosition)},现任顾问${place(adviserCost.lawyerListPosition)})`);
    }
    if (c.change > adviserCost.change + EPS) out.push(`非原顾问,更换计变更代价 ${w.change}(R6)`);
    // The convex load term: l's next village costs load × w.load, the adviser's current one (load − 1) × w.load.
    if (out.length === 0 && w.load * load[l] > w.load * (load[adviser] - 1) + EPS) out.push(`工作量均衡(已有 ${load[l]} 个村)`);
    if (out.length === 0) out.push(solution.method === 'optimal' ? '综合代价不低于现任顾问' : '稳定匹配中未配对');
    return out;
  };

  // Everyone within range, interns included; then the nearest beyond it, widening the search as explainUncovered does.
  const ids: number[] = [];
  const kms: number[] = [];
  geo.lawyersWithinRoadKm(v, geo.maxTravelKm, ids, kms);
  const inRange = ids.map((l, i) => ({ l, km: kms[i] })).sort((a, b) => a.km - b.km || a.l - b.l);
  const eligible: ExplainedLawyer[] = [];
  const ineligible: { e: ExplainedLawyer; km: number }[] = [];
  const teamOf = new Set((assignment?.team ?? []).map((id) => geo.lawyerIndex.get(id)).filter((l): l is number => l !== undefined));
  for (const { l, km } of inRange) {
    if (l === adviser || teamOf.has(l)) continue;
    const bars = barred(l, km);
    if (bars.length === 0) eligible.push(entry(l, 'candidate', lost(l)));
    else if (ineligible.length < (options.ineligibleInRange ?? 5)) ineligible.push({ e: entry(l, 'ineligible', bars), km });
  }
  const beyond: ExplainedLawyer[] = [];
  const wanted = options.beyondRange ?? 3;
  for (const factor of [2, 4, 8, 16]) {
    if (wanted === 0 || geo.nL - inRange.length === 0) break;
    geo.lawyersWithinRoadKm(v, geo.maxTravelKm * factor, ids, kms);
    const far = ids.map((l, i) => ({ l, km: kms[i] })).filter((x) => x.km > geo.maxTravelKm && x.l !== adviser);
    if (far.length < wanted && factor < 16) continue;
    far.sort((a, b) => a.km - b.km || a.l - b.l);
    for (const { l, km } of far.slice(0, wanted)) beyond.push(entry(l, 'ineligible', barred(l, km)));
    break;
  }
  // In firm-town mode the lawyers of the town's firm, who could have advised, come first.
  const ofOtherFirm = (e: ExplainedLawyer) => (townFirm !== undefined && e.firmId !== townFirm ? 1 : 0);
  eligible.sort((a, b) => ofOtherFirm(a) - ofOtherFirm(b) || a.cost!.total - b.cost!.total || a.km - b.km);

  const candidates: ExplainedLawyer[] = [];
  if (adviser >= 0) {
    const reasons: string[] = [];
    if (pinnedTo === lawyers[adviser].id) reasons.push('固定分配(R6)');
    if (adviserKm > geo.maxTravelKm) reasons.push(`超出 ${geo.maxTravelKm} 公里服务半径,因固定分配仍由其担任`);
    candidates.push(entry(adviser, 'adviser', reasons));
  }
  // R3: each member with the needs they bring.
  const needs = village.needs ?? [];
  for (const l of teamOf) {
    const brings = needs.filter((n) => lawyers[l].specialties.includes(n));
    candidates.push(entry(l, 'member', [`团队成员(R3)${brings.length ? `,覆盖:${brings.join('、')}` : ''}`]));
  }
  // loops, not push(...list): a village may have thousands of lawyers in range
  for (const e of eligible) candidates.push(e);
  for (const x of ineligible) candidates.push(x.e);
  for (const e of beyond) candidates.push(e);

  let summary: string;
  if (adviser >= 0 && adviserCost) {
    const a = lawyers[adviser];
    const parts = [`路程 ${adviserCost.travel}`, `本村排名 ${adviserCost.villageRank}`, `律师排名 ${adviserCost.lawyerRank}`, `变更 ${adviserCost.change}`];
    summary =
      `${village.name}由${a.name}(${firmName.get(a.firmId) ?? a.firmId})担任法律顾问,路程 ${fmtKm(adviserKm)},` +
      `配对代价 ${adviserCost.total}(${parts.join(' + ')});` +
      (townFirm !== undefined
        ? `服务半径内本所另有 ${eligible.filter((e) => e.firmId === townFirm).length} 名可担任的执业律师。`
        : `服务半径内另有 ${eligible.length} 名可担任的执业律师。`) +
      modeSentence(scenario, solution, v, assignment);
  } else {
    summary = `${village.name}没有法律顾问:${uncovered?.detail ?? '方案未列出原因'}`;
  }
  return {
    village: { id: village.id, name: village.name, townId: village.townId, countyId: geo.vCounty[v] ?? null },
    adviserId: adviser >= 0 ? lawyers[adviser].id : null,
    uncovered: uncovered ? { reason: uncovered.reason, detail: uncovered.detail } : null,
    summary,
    maxTravelKm: geo.maxTravelKm,
    candidates,
  };
}

/**
 * Team mode (R3): who is on the team and what each brings, and the needs no team in range could cover;
 * firm-town mode (R4): which firm holds the town. Empty in individual mode.
 */
function modeSentence(scenario: Scenario, solution: Solution, v: number, assignment: Solution['assignments'][number] | undefined): string {
  if (!assignment) return '';
  const village = scenario.villages[v];
  const byId = new Map(scenario.lawyers.map((l) => [l.id, l]));
  const firmName = scenario.firms.find((f) => f.id === assignment.firmId)?.name ?? assignment.firmId;
  const town = solution.firmTowns?.find((f) => f.townId === village.townId);
  if (town) return `本镇实行一镇一所(R4),由${firmName}承接,本村顾问须出自该所。`;
  const needs = village.needs ?? [];
  if (assignment.team.length === 0 && needs.length === 0) return '';
  const adviser = byId.get(assignment.lawyerId);
  const who = (id: string) => {
    const l = byId.get(id);
    const has = l ? needs.filter((n) => l.specialties.includes(n)) : [];
    return `${l?.name ?? id}${l?.status === 'intern' ? '(实习人员)' : ''}${has.length ? `(${has.join('、')})` : ''}`;
  };
  const parts = [`本村需求:${needs.length ? needs.join('、') : '无'}`];
  parts.push(`团队(R3,同一律师事务所${firmName}):${[assignment.lawyerId, ...assignment.team].map(who).join('、')}`);
  if (adviser && assignment.team.length === 0 && needs.length > 0 && !assignment.missingNeeds?.length) parts.push('顾问本人已覆盖全部需求,无需增加成员');
  if (assignment.team.length > 0) parts.push('每增加一名成员计其路程与固定代价,团队按需求取最小');
  if (assignment.missingNeeds?.length)
    parts.push(`未覆盖:${assignment.missingNeeds.join('、')}——服务半径内同所律师中无人具备该专长或均已满额,已如实列出`);
  return `${parts.join(';')}。`;
}
