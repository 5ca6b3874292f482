import { SOLUTION_SCHEMA, type Solution, type UncoveredReason, type Weights } from '../domain/index.js';
import type { Geography } from '../geo/geography.js';
import { AdviserPool } from '../geo/pool.js';
import type { ModesResult } from './modes.js';
import { MODE_FIRM_TOWN, MODE_TEAM } from './options.js';
import { UNITS } from './costs.js';
import { explainUncovered, gapOf, loadFigures, planMetrics, vacatedVillages } from './report.js';

const round3 = (x: number) => Math.round(x * 1000) / 1000;
const list = (names: string[], max = 8) => names.slice(0, max).join('、') + (names.length > max ? ` 等 ${names.length} 个` : '');

/** The `ovola.solution/v1` document of a team / firm-town solve started at `started` (performance.now()). */
export function modesSolution(geo: Geography, weights: Weights, res: ModesResult, started: number): Solution {
  const objective = res.objectiveUnits / UNITS;
  const bound = res.boundUnits / UNITS;
  const gap = gapOf(objective, bound);
  const { metrics, blockingPairs } = modesMetrics(geo, res);
  return {
    schema: SOLUTION_SCHEMA,
    scenarioName: geo.scenario.name,
    method: 'optimal',
    mode: geo.scenario.policy.mode,
    status: gap <= 1e-9 ? 'optimal' : 'feasible',
    weights,
    ...modesDocument(geo, res),
    metrics: { objective, bound, gap, ...metrics, solveMs: Math.round(performance.now() - started), candidatePairs: res.columns, pricingRounds: res.pricingRounds },
    blockingPairs,
  };
}

/** Assignments (with teams and missing needs), firm-town pairs, named teams and uncovered villages of a team / firm-town plan. */
export function modesDocument(geo: Geography, res: ModesResult): Pick<Solution, 'assignments' | 'uncovered' | 'firmTowns' | 'teams' | 'changes'> {
  const { villages, lawyers } = geo.scenario;
  const { ctx } = res;
  const load = loadAnyRole(geo, res);
  const assignments: Solution['assignments'] = [];
  const uncovered: Solution['uncovered'] = [];
  const townOf = new Map<string, { firm: number; town: number }>();
  res.firmTown?.towns.forEach((t, i) => townOf.set(t.id, { firm: res.firmTown!.firmOfTown[i], town: i }));
  const shortfall = res.firmTown ? townShortfall(geo, res) : new Map<string, string>();

  for (let v = 0; v < geo.nV; v++) {
    const l = res.lawyerOf[v];
    if (l >= 0) {
      const o = res.choice[v];
      const members = o?.members ?? [];
      const a: Solution['assignments'][number] = {
        villageId: villages[v].id,
        lawyerId: lawyers[l].id,
        team: members.map((m) => lawyers[m].id),
        firmId: lawyers[l].firmId,
        travelKm: round3(geo.roadKm(v, l)),
      };
      if (ctx.mode[v] === MODE_TEAM) {
        const covered = new Set([l, ...members].flatMap((x) => lawyers[x].specialties));
        const missing = ctx.needs[v].filter((n) => !covered.has(n));
        if (missing.length > 0) a.missingNeeds = missing;
      }
      assignments.push(a);
      continue;
    }
    if (ctx.mode[v] === MODE_FIRM_TOWN) {
      const t = townOf.get(villages[v].townId)!;
      if (t.firm < 0) uncovered.push({ villageId: villages[v].id, reason: 'town-without-firm', detail: shortfall.get(villages[v].townId)! });
      else uncovered.push({ villageId: villages[v].id, ...firmTownUncovered(geo, v, ctx.firmIds[t.firm], load) });
      continue;
    }
    uncovered.push({ villageId: villages[v].id, ...explainUncovered(geo, v, load) });
  }

  const out: Pick<Solution, 'assignments' | 'uncovered' | 'firmTowns' | 'teams' | 'changes'> = { assignments, uncovered };
  if (res.firmTown) {
    out.firmTowns = res.firmTown.towns
      .map((t, i) => ({ townId: t.id, firm: res.firmTown!.firmOfTown[i] }))
      .filter((x) => x.firm >= 0)
      .map((x) => ({ townId: x.townId, firmId: ctx.firmIds[x.firm] }));
  }
  const teams = namedTeams(assignments);
  if (teams.length > 0) out.teams = teams;
  const vacated = vacatedVillages(geo);
  if (vacated.length > 0) out.changes = { vacated };
  return out;
}

/** Villages each lawyer serves in any role (R1). */
export function loadAnyRole(geo: Geography, res: ModesResult): Int32Array {
  const load = new Int32Array(geo.nL);
  for (let v = 0; v < geo.nV; v++) {
    const l = res.lawyerOf[v];
    if (l < 0) continue;
    load[l]++;
    for (const m of res.choice[v]?.members ?? []) load[m]++;
  }
  return load;
}

/** Teams of two or more lawyers that serve two or more villages with the same people, as firms present them. */
export function namedTeams(assignments: Solution['assignments']): NonNullable<Solution['teams']> {
  const byPeople = new Map<string, { firmId: string; members: string[]; villages: string[] }>();
  for (const a of assignments) {
    if (a.team.length === 0) continue;
    const members = [a.lawyerId, ...a.team].sort();
    const key = members.join('\u0000');
    const t = byPeople.get(key);
    if (t) t.villages.push(a.villageId);
    else byPeople.set(key, { firmId: a.firmId, members, villages: [a.villageId] });
  }
  return [...byPeople.values()]
    .filter((t) => t.villages.length >= 2)
    .sort((a, b) => a.firmId.localeCompare(b.firmId) || a.members.join().localeCompare(b.members.join()))
    .map((t, i) => ({ id: `${t.firmId}-T${i + 1}`, ...t }));
}

/** Metrics of a team / firm-town plan: as in individual mode, with the load counted in any role (R1). */
export function modesMetrics(geo: Geography, res: ModesResult) {
  const { metrics, blockingPairs } = planMetrics(geo, res.cm, new AdviserPool(geo, () => true), res.lawyerOf);
  return { metrics: { ...metrics, load: loadFigures(geo, loadAnyRole(geo, res)) }, blockingPairs };
}

/**
 * R4: why a village of a town served by `firmId` has no adviser: the firm's practicing lawyers in range
 * (of the village's city) are none, all vetoed, or all full.
 */
function firmTownUncovered(geo: Geography, v: number, firmId: string, load: Int32Array): { reason: UncoveredReason; detail: string } {
  const { lawyers, firms } = geo.scenario;
  const firmName = firms.find((f) => f.id === firmId)?.name ?? firmId;
  const ids: number[] = [];
  const kms: number[] = [];
  geo.lawyersWithinRoadKm(v, geo.maxTravelKm, ids, kms);
  const inRange = ids
    .map((l, i) => ({ l, km: kms[i] }))
    .filter(({ l }) => lawyers[l].firmId === firmId && geo.lPracticing[l] && geo.sameCityOrPaired(v, l))
    .sort((a, b) => a.km - b.km || a.l - b.l);
  const who = ({ l, km }: { l: number; km: number }) => `${lawyers[l].name}(${km.toFixed(1)} 公里,已服务 ${load[l]}/${geo.lCap[l]} 个村)`;
  const head = `本镇由${firmName}承接(R4,一镇一所)`;
  if (inRange.length === 0) return { reason: 'no-practicing-lawyer-in-range', detail: `${head},但该所在 ${geo.maxTravelKm} 公里内没有可担任顾问的执业律师` };
  const open = inRange.filter(({ l }) => geo.notVetoed(v, l));
  if (open.length === 0) return { reason: 'vetoed-all', detail: `${head},该所服务半径内的律师都因双向选择的否决而不能担任(R5):${inRange.map(({ l }) => lawyers[l].name).join('、')}` };
  return { reason: 'all-candidates-at-cap', detail: `${head},该所服务半径内可担任的 ${open.length} 名执业律师都已满额(R1):${list(open.map(who))}` };
}

/**
 * R4: for every town left without a firm, the sentence its villages carry: which towns of its county have
 * no firm, and how many lawyers (and firms) short the county is, at the policy cap.
 */
function townShortfall(geo: Geography, res: ModesResult): Map<string, string> {
  const ft = res.firmTown!;
  const s = geo.scenario;
  const regionName = new Map(s.regions.map((r) => [r.id, r.name]));
  const countyOf = new Map(s.regions.filter((r) => r.level === 'town').map((r) => [r.id, r.parentId ?? r.id]));
  const byCounty = new Map<string, { towns: number; without: typeof ft.towns }>();
  ft.towns.forEach((t, i) => {
    const c = countyOf.get(t.id) ?? t.id;
    const e = byCounty.get(c) ?? { towns: 0, without: [] };
    e.towns++;
    if (ft.firmOfTown[i] < 0) e.without.push(t);
    byCounty.set(c, e);
  });
  const cap = s.policy.maxVillagesPerLawyer;
  const maxTowns = s.policy.firmTown.maxTownsPerFirm;
  const out = new Map<string, string>();
  for (const [county, e] of byCounty) {
    if (e.without.length === 0) continue;
    const villages = e.without.reduce((a, t) => a + t.villages.length, 0);
    const lawyersShort = Math.ceil(villages / cap);
    const firmsShort = Math.ceil(e.without.length / maxTowns);
    const names = e.without.map((t) => regionName.get(t.id) ?? t.id);
    for (const t of e.without) {
      out.set(
        t.id,
        `${regionName.get(t.id) ?? t.id}没有律师事务所承接(R4,一镇一所):${regionName.get(county) ?? county}共 ${e.towns} 个镇街,` +
          `其中 ${e.without.length} 个无所承接(${list(names)}),共 ${villages} 个村(社区);` +
          `服务半径内的律师事务所每家至多承接 ${maxTowns} 个相邻镇街,均已用尽或无法到达。` +
          `按每名律师 ${cap} 个村计,尚缺约 ${lawyersShort} 名执业律师(至少 ${firmsShort} 家律师事务所)`,
      );
    }
  }
  return out;
}
