/**
 * Firm-town mode (R4) as a set-packing integer program over (firm, town group) columns:
 *   a group is a connected set of at most maxTownsPerFirm towns (adjacency by shared boundary, else by
 *   centres within adjacencyKm); its cost is the exact optimum of serving the group's villages with the
 *   firm's lawyers alone (a min-cost flow: pair costs, caps, convex load, uncovered villages).
 * Each firm serves at most one group, so its lawyers' capacity is private to that group and the
 * reformulation is exact. Columns are generated: every group is enumerated, but its flow is solved only
 * when a lower bound on its reduced cost (the sum of its towns' single-town costs, which the group's cost
 * is at least, the load cost being superadditive) says it may improve the LP. The bound reported covers
 * the groups left out (see `solveFirmTown`). While each MIP runs in a worker, a neighbourhood search
 * (packing-search.ts) improves its incumbent on this thread; the plan returned is the better of the two.
 */
import { booleanIntersects } from '@turf/turf';
import type { LonLat, Region } from '../domain/index.js';
import { haversineKm } from '../geo/distance.js';
import { GroupCoster, groupFlow, type GroupFlowData, type GroupKey, type TownArcs } from './group-flow.js';
import { MODE_FIRM_TOWN, type ModeContext } from './options.js';
import { LpBuilder, type SparseLp } from './lp/sparse.js';
import { solveOnceMore, type MipPool } from './mip-pool.js';
import { PackingSearch, type SubPacking } from './packing-search.js';

export interface FirmTownTown {
  id: string;
  region: Region | undefined;
  villages: number[];
  centre: LonLat;
  /** R6: the firm a pin forces on this town, −1 for none */
  pinnedFirm: number;
}

export interface FirmTownResult {
  towns: FirmTownTown[];
  /** firm number per town, −1 when the town has no firm */
  firmOfTown: Int32Array;
  /** lawyer per village (global index) for the firm-town villages, −1 uncovered */
  lawyerOf: Map<number, number>;
  /** objective of this part in thousandths (its own load costs included) */
  units: number;
  /** a proven lower bound on this part's optimum, thousandths */
  boundUnits: number;
  groups: number;
  flows: number;
  /** the most parts one of its MIPs was solved in */
  parts: number;
}

/** Towns of firm-town counties that have villages, with their centres (location, else the villages' mean). */
export function firmTownTowns(ctx: ModeContext): FirmTownTown[] {
  const { geo } = ctx;
  const s = geo.scenario;
  const regionById = new Map(s.regions.map((r) => [r.id, r]));
  const byTown = new Map<string, number[]>();
  for (let v = 0; v < geo.nV; v++) {
    if (ctx.mode[v] !== MODE_FIRM_TOWN) continue;
    const t = s.villages[v].townId;
    const list = byTown.get(t);
    if (list) list.push(v);
    else byTown.set(t, [v]);
  }
  return [...byTown].map(([id, villages]) => {
    const region = regionById.get(id);
    const centre: LonLat = (region?.location as LonLat | undefined) ?? [
      villages.reduce((a, v) => a + geo.vLon[v], 0) / villages.length,
      villages.reduce((a, v) => a + geo.vLat[v], 0) / villages.length,
    ];
    const pins = new Set(villages.filter((v) => ctx.pinned[v] >= 0).map((v) => ctx.firmOf[ctx.pinned[v]]));
    if (pins.size > 1) throw new Error(`pins: town ${id} is in firm-town mode, but its villages are pinned to lawyers of ${pins.size} firms (R4)`);
    return { id, region, villages, centre, pinnedFirm: pins.size === 1 ? [...pins][0] : -1 };
  });
}

/** R4: two towns are adjacent when both boundaries are given and intersect, else when their centres lie within adjacencyKm. */
export function townAdjacency(towns: FirmTownTown[], adjacencyKm: number): number[][] {
  const adj: number[][] = towns.map(() => []);
  for (let a = 0; a < towns.length; a++) {
    for (let b = a + 1; b < towns.length; b++) {
      const A = towns[a];
      const B = towns[b];
      const near =
        A.region?.boundary && B.region?.boundary
          ? booleanIntersects(A.region.boundary, B.region.boundary)
          : haversineKm(A.centre[0], A.centre[1], B.centre[0], B.centre[1]) <= adjacencyKm;
      if (near) {
        adj[a].push(b);
        adj[b].push(a);
      }
    }
  }
  return adj;
}

/** Every connected set of at most `k` vertices drawn from `allowed`, each once (ESU enumeration). */
export function connectedSets(adj: number[][], allowed: (t: number) => boolean, k: number, visit: (set: number[]) => void): void {
  const n = adj.length;
  const inSet = new Uint8Array(n);
  const nearSet = new Int32Array(n);
  const set: number[] = [];
  const extend = (ext: number[], root: number) => {
    visit(set);
    if (set.length === k) return;
    const pending = [...ext];
    while (pending.length > 0) {
      const w = pending.pop()!;
      // The new extension: the rest, plus w's neighbours beyond the root that are neither in nor next to the set.
      const next = [...pending];
      for (const u of adj[w]) if (u > root && allowed(u) && !inSet[u] && nearSet[u] === 0 && !pending.includes(u) && !next.includes(u)) next.push(u);
      set.push(w);
      inSet[w] = 1;
      for (const u of adj[w]) nearSet[u]++;
      extend(next, root);
      for (const u of adj[w]) nearSet[u]--;
      inSet[w] = 0;
      set.pop();
    }
  };
  for (let r = 0; r < n; r++) {
    if (!allowed(r)) continue;
    set.push(r);
    inSet[r] = 1;
    for (const u of adj[r]) nearSet[u]++;
    const ext = adj[r].filter((u) => u > r && allowed(u));
    extend(ext, r);
    for (const u of adj[r]) nearSet[u]--;
    inSet[r] = 0;
    set.pop();
  }
}

/** Column-generation rounds at most, and groups each firm adds per round. */
const MAX_ROUNDS = 60;
const ADD_PER_FIRM = 8;
/**
 * Groups left out of the LP that may still beat the incumbent join the MIP, at most this many (the rest
 * bound it by their floor). City seeds 1–12: 60,000 left seeds 9 and 12 at 1.3% and 8%, 120,000 at 0.3% and 4%.
 */
const MAX_NEAR_GROUPS = 120_000;
/**
 * The MIP may stop once its plan is within this of its bound, relative to the plan's objective: on a city
 * the last half percent takes HiGHS longer than the whole solve before it (measured: 45 s against 26 s).
 */
const FIRM_TOWN_GAP = 0.005;
/** MIPs solved at most, each with the groups that could still beat the last one's plan, within one time limit. */
const MAX_MIPS = 2;
/** A part with more towns than this is cut by city, then by county (see `packParts`): a city's MIP takes seconds. */
const MAX_PART_TOWNS = 250;
/**
 * Share of the time limit for the MIP over the LP's own groups, which finds the incumbent the others start
 * from: a better one leaves fewer groups to the next MIP. City seed 12 needs 14–15.5 s of a 55 s limit.
 */
const RESTRICTED_SHARE = 0.35;
/** How often a running MIP reports the share of its time gone. */
const MIP_PROGRESS_MS = 5_000;
/** A further MIP is not started with less time than this left. */
const MIN_MIP_SECONDS = 5;
/** Better groups a firm tries, taking another firm's towns, per local-search step. */
const EJECTION_TRIES = 300;
/** A reduced cost counts as negative below this (costs are whole thousandths). */
const RC_EPS = -0.5;
/** A batch of flows shows its progress when it has twice this many (a few seconds' work). */
const PROGRESS_FLOWS = 5_000;

interface Group {
  firm: number;
  towns: number[];
  /** exact cost in thousandths once its flow is solved, else NaN */
  units: number;
  /** lower bound on `units`: the sum of its towns' single-town costs */
  lower: number;
  lawyerOf?: Int32Array;
}

export interface FirmTownOptions {
  pool: MipPool;
  /** lawyers' slots (R1); the firm-town part is solved first, so every lawyer starts with no village */
  slots: Int32Array;
  loadStep: Float64Array;
  /** seconds for the whole firm-town solve: its MIPs stop by then (each MIP gets MIN_MIP_SECONDS at least) */
  timeLimitS: number;
  /** relative to the plan's objective; FIRM_TOWN_GAP when not given */
  relativeGap?: number;
  /** MAX_PART_TOWNS when not given */
  maxPartTowns?: number;
  onProgress?: (phase: string, fraction: number) => void;
}

/**
 * Solves the firm-town part. The reported bound is min(MIP dual bound over the generated groups,
 * LP bound + the least reduced-cost bound of a group left out): any plan using a left-out group costs at
 * least the LP bound plus that group's reduced cost.
 */
export async function solveFirmTown(ctx: ModeContext, opts: FirmTownOptions): Promise<FirmTownResult> {
  const coster = new GroupCoster(opts.pool.size);
  try {
    return await solveWith(ctx, opts, coster);
  } finally {
    await coster.close();
  }
}

async function solveWith(ctx: ModeContext, opts: FirmTownOptions, coster: GroupCoster): Promise<FirmTownResult> {
  const started = performance.now();
  const { geo, cm } = ctx;
  const towns = firmTownTowns(ctx);
  const adj = townAdjacency(towns, geo.scenario.policy.firmTown.adjacencyKm);
  const maxTowns = geo.scenario.policy.firmTown.maxTownsPerFirm;
  const townUncovered = towns.map((t) => t.villages.reduce((a, v) => a + cm.uncoveredUnits(v), 0));
  const lawyersOfFirm: number[][] = ctx.firmIds.map(() => []);
  for (let l = 0; l < geo.nL; l++) if (geo.lCap[l] > 0 && opts.slots[l] > 0) lawyersOfFirm[ctx.firmOf[l]].push(l);
  const firms = lawyersOfFirm.map((ls, f) => (ls.length > 0 ? f : -1)).filter((f) => f >= 0);

  let flows = 0;
  const nT = towns.length;
  // Each firm's arcs to each town, from the villages' lawyers in range (a spatial query, not firms × towns).
  const slotIndex = new Int32Array(geo.nL).fill(-1);
  for (const ls of lawyersOfFirm) ls.forEach((l, j) => (slotIndex[l] = j));
  const noArcs = towns.map((t) => emptyArcs(ctx, t));
  const arcsByTown = towns.map((t, i) => townArcs(ctx, t, slotIndex, noArcs[i]));
  ctx.forgetReach();
  // A firm's lawyers' slots and shares, the same in every flow of the firm (the flow only reads them).
  const firmCap = lawyersOfFirm.map((ls) => Int32Array.from(ls, (l) => opts.slots[l]));
  const firmShare = lawyersOfFirm.map((ls) => new Int32Array(ls.length).fill(1));
  const townCity = (t: number) => `city ${geo.vCity[towns[t].villages[0]]}`;
  const townCounty = (t: number) => `county ${geo.vCounty[towns[t].villages[0]] ?? ''}`;
  const partTowns = (part: Group[]) => new Set(part.flatMap((g) => g.towns)).size;
  let mipParts = 0;
  const townsOfFirm: number[][] = ctx.firmIds.map(() => []);
  arcsByTown.forEach((byFirm, t) => {
    for (const f of byFirm.keys()) townsOfFirm[f].push(t);
  });
  const flowData: GroupFlowData = { arcsByTown, noArcs, firmCap, firmShare, loadStep: opts.loadStep };
  coster.load(flowData);
  const unitsOf = (keys: GroupKey[]) => {
    flows += keys.length;
    const phase = `firm-town group costs (${keys.length} flows)`;
    return coster.units(keys, keys.length >= 2 * PROGRESS_FLOWS ? (fraction) => opts.onProgress?.(phase, fraction) : undefined);
  };
  const flowOf = (f: number, g: number[]): { units: number; lawyerOf: Int32Array } | undefined => {
    flows++;
    const res = groupFlow(flowData, f, g);
    return res && { units: res.units, lawyerOf: Int32Array.from(res.lawyerIndex, (j) => (j < 0 ? -1 : lawyersOfFirm[f][j])) };
  };

  // Single-town costs: a firm reaches a town when its flow serves at least one village.
  const single = new Map<number, number>(); // f * nT + t → units
  const groups: Group[] = [];
  // A town none of whose villages the firm can reach costs it nothing to leave out.
  const pairs = firms.flatMap((f) => townsOfFirm[f].filter((t) => towns[t].pinnedFirm < 0 || towns[t].pinnedFirm === f).map((t) => ({ firm: f, towns: [t] })));
  const pairUnits = await unitsOf(pairs);
  pairs.forEach(({ firm, towns: [t] }, i) => {
    const units = pairUnits[i];
    if (!(units < townUncovered[t])) return;
    single.set(firm * nT + t, units);
    groups.push({ firm, towns: [t], units, lower: units });
  });
  opts.onProgress?.('firm-town groups', 0.2);
  // Bigger groups: connected, every town reached, or an unreached town that joins reached ones (a cut vertex).
  const pending: Group[] = [];
  if (maxTowns > 1) {
    for (const f of firms) {
      const reached = (t: number) => single.has(f * nT + t);
      const bridge = (t: number) => adj[t].filter(reached).length >= 2;
      const allowed = (t: number) => (reached(t) || (maxTowns >= 3 && bridge(t))) && (towns[t].pinnedFirm < 0 || towns[t].pinnedFirm === f);
      connectedSets(adj, allowed, maxTowns, (set) => {
        if (set.length < 2) return;
        const unreached = set.filter((t) => !reached(t));
        if (unreached.length === set.length) return;
        if (unreached.some((t) => isConnected(adj, set.filter((u) => u !== t)))) return;
        const lower = set.reduce((a, t) => a + (single.get(f * nT + t) ?? townUncovered[t]), 0);
        pending.push({ firm: f, towns: [...set].sort((a, b) => a - b), units: NaN, lower });
      });
    }
  }

  // Column generation on the LP relaxation, then the MIP, then the groups that might still beat the incumbent.
  // Groups' exact costs, a batch at a time (shared with a worker thread); a group's lawyers are found
  // again for the plan's groups only.
  const exact = async (batch: Group[]) => {
    const todo = batch.filter((g) => Number.isNaN(g.units));
    const units = await unitsOf(todo);
    todo.forEach((g, i) => (g.units = units[i]));
  };
  const saving = (g: Group, units: number) => units - g.towns.reduce((a, t) => a + townUncovered[t], 0);
  const constant = townUncovered.reduce((a, b) => a + b, 0);
  const inModel = new Set<Group>(groups);
  let duals: { town: Float64Array; firm: Float64Array } | undefined;
  let dualValue = -Infinity;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const model = setPacking(towns, [...inModel], saving, firms, ctx.firmIds.length, false);
    const lp = await opts.pool.solve(model.lp, { timeLimitS: opts.timeLimitS });
    if (lp.status !== 'optimal' || !lp.rowDual) throw new Error(`firm-town: the LP relaxation ended ${lp.status}${lp.message ? ` (${lp.message})` : ''}`);
    const y = signFeasible(lp.rowDual, model.lp);
    dualValue = y.value + constant;
    duals = { town: y.dual.subarray(0, nT), firm: model.firmDual(y.dual) };
    // The most negative reduced costs of each firm join; a group's flow is solved only when its bound allows.
    const byFirm = new Map<number, { g: Group; rc: number }[]>();
    const maybe = pending.filter((g) => !inModel.has(g) && reducedCost(g, g.lower, saving, duals!) < RC_EPS);
    await exact(maybe);
    for (const g of maybe) {
      const rc = g.units === Infinity ? Infinity : reducedCost(g, g.units, saving, duals);
      if (rc >= RC_EPS) continue;
      const list = byFirm.get(g.firm);
      if (list) list.push({ g, rc });
      else byFirm.set(g.firm, [{ g, rc }]);
    }
    let added = 0;
    for (const list of byFirm.values()) {
      list.sort((x, y) => x.rc - y.rc);
      for (const { g } of list.slice(0, ADD_PER_FIRM)) {
        inModel.add(g);
        added++;
      }
    }
    opts.onProgress?.(`firm-town LP (round ${round + 1}, ${inModel.size} groups)`, Math.min(0.9, 0.3 + 0.03 * round));
    if (added === 0) break;
  }

  // An incumbent by diving on the LP and by a MIP over the LP's groups, then the groups that could still
  // beat it, then the MIP over those from it.
  opts.onProgress?.('firm-town dive', 0.9);
  const computed = [...new Set([...inModel, ...pending.filter((g) => !Number.isNaN(g.units) && g.units !== Infinity)])];
  const dived = improve(await dive(towns, [...inModel], saving, firms, ctx.firmIds.length, opts.pool, opts.timeLimitS), computed, saving, nT, ctx.firmIds.length);
  for (const g of dived) inModel.add(g);
  const divedUnits = dived.reduce((a, g) => a + saving(g, g.units), 0) + constant;
  // Any plan x costs c·x = y·Ax + rc·x ≥ y·b + Σ_firms m_f (y: the last LP's duals made sign-feasible;
  // m_f: the firm's most negative reduced cost or its bound, or 0), since it takes at most one group per
  // firm; a plan with group j costs at least that plus rc_j − m_{f(j)} ("floor" below). A group whose floor
  // reaches the incumbent cannot improve on it: each MIP takes only the groups below it (at most
  // MAX_NEAR_GROUPS of those not yet priced exactly) and the incumbent's, and is solved from the incumbent;
  // a better plan lowers the bar and the next MIP (at most MAX_MIPS) takes what is still below it.
  const rcOf = (g: Group) => reducedCost(g, Number.isNaN(g.units) ? g.lower : g.units, saving, duals!);
  const everyGroup = [...new Set([...inModel, ...pending])];
  const firmFloor = () => {
    const m = new Float64Array(ctx.firmIds.length);
    for (const g of everyGroup) m[g.firm] = Math.min(m[g.firm], rcOf(g));
    return { m, base: dualValue + m.reduce((a, b) => a + b, 0) };
  };
  // The MIPs stop when the time limit since the start runs out: a later one gets what the earlier left,
  // and none starts with too little.
  const mipDeadline = started + opts.timeLimitS * 1000;
  const secondsLeft = () => (mipDeadline - performance.now()) / 1000;
  // HiGHS measures its gap against the model's objective, the savings over leaving every town without a
  // firm, which is many times the plan's own: scale the asked-for gap so that it holds for the plan's.
  const gapFor = (objective: number) => Math.max(1e-9, (opts.relativeGap ?? FIRM_TOWN_GAP) * (Math.abs(objective) / Math.max(1, Math.abs(objective - constant))));
  /**
   * Each part of `groups` solved as a MIP from the incumbent's groups in it: no part does worse than those.
   * A part of more than MAX_PART_TOWNS towns is cut by city, then by county: each firm keeps only its
   * groups in its home (that of its incumbent group, else of its best group), plus the incumbent's groups.
   * The groups cut away are left out of the plan's model, so the final bound covers them by their floor.
   */
  const packParts = async (label: string, groups: Group[], incumbent: Set<Group>, objective: number, deadlineMs: number, presolve: boolean, search?: PackingSearch<Group>) => {
    const partLimit = opts.maxPartTowns ?? MAX_PART_TOWNS;
    let parts = groupComponents(groups, nT);
    for (const key of [townCity, townCounty]) {
      if (parts.every((part) => partTowns(part) <= partLimit)) break;
      parts = parts.flatMap((part) => (partTowns(part) <= partLimit ? [part] : groupComponents(byHome(part, incumbent, key, saving), nT)));
    }
    mipParts = Math.max(mipParts, parts.length);
    parts.sort((a, b) => b.length - a.length);
    const phase = `${label} (${parts.reduce((a, p) => a + p.length, 0)} groups in ${parts.length} parts)`;
    opts.onProgress?.(phase, 0);
    // The share of the MIPs' time gone, every few seconds, while they run in their threads.
    const mipsStarted = performance.now();
    const ticker = setInterval(() => opts.onProgress?.(phase, Math.min(0.99, (performance.now() - mipsStarted) / Math.max(1, deadlineMs - mipsStarted))), MIP_PROGRESS_MS);
    const relativeGap = gapFor(objective);
    // A core left idle by the MIPs searches the incumbent's neighbourhoods meanwhile.
    let mipsDone = false;
    const searching = search && parts.length < opts.pool.size ? search.run(deadlineMs, () => mipsDone) : undefined;
    const solved = await Promise.all(
      parts.map(async (part) => {
        const taken = new Uint8Array(nT).fill(1);
        for (const g of part) for (const t of g.towns) taken[t] = 0;
        const model = setPacking(towns, part, saving, firms, ctx.firmIds.length, true, taken);
        const start = Float64Array.from(part, (g) => (incumbent.has(g) ? 1 : 0));
        const startUnits = part.reduce((a, g, j) => a + (start[j] > 0.5 ? saving(g, g.units) : 0), 0);
        const mip = await solveOnceMore((lp, o) => opts.pool.solve(lp, o), model.lp, { deadlineMs, relativeGap, start, presolve });
        const ok = (mip.status === 'optimal' || mip.status === 'feasible') && mip.objective <= startUnits;
        const units = ok ? mip.objective : startUnits;
        // over the part's groups; with the incumbent as a start it is at most the incumbent's
        const bound = mip.bound !== undefined && mip.status !== 'error' ? Math.min(mip.bound, units) : NaN;
        return { part, x: ok ? mip.x : start, units, bound };
      }),
    ).finally(() => {
      clearInterval(ticker);
      mipsDone = true;
    });
    await searching;
    const units = solved.reduce((a, r) => a + r.units, 0) + constant;
    const bound = solved.reduce((a, r) => a + r.bound, 0) + constant;
    const all = solved.flatMap((r) => r.part);
    const x = Float64Array.from(solved.flatMap((r) => [...r.x]));
    return { groups: all, x, objective: units, bound, chosen: new Set(all.filter((_, j) => x[j] > 0.5)) };
  };

  // A better incumbent first: the MIP over the groups the LP generated (price and branch), in part of the
  // time. Its bound holds for those groups only, so it bounds nothing here. Meanwhile, and during each
  // MIP after it, a neighbourhood search improves the incumbent on the groups priced so far.
  const subPacking: SubPacking<Group> = async (list, start, fixed, deadlineMs) => {
    const model = setPacking(towns, list, saving, firms, ctx.firmIds.length, true, fixed);
    const r = await opts.pool.solve(model.lp, { deadlineMs, start });
    return r.status === 'optimal' || r.status === 'feasible' ? r.x : undefined;
  };
  const search = new PackingSearch<Group>(adj, ctx.firmIds.length, (g) => saving(g, g.units), rcOf, subPacking);
  search.reset(dived);
  /** The better of a MIP's plan and the search's, which goes on from it. */
  const better = (plan: Set<Group>, objective: number) => {
    const found = search.total() + constant;
    if (found < objective) return { plan: new Set(search.plan()), objective: found };
    search.reset(plan);
    return { plan, objective };
  };
  {
    const { m, base } = firmFloor();
    search.use(computed.filter((g) => g.units !== Infinity && base + rcOf(g) - m[g.firm] < divedUnits));
  }
  let incumbent = new Set(dived);
  let best: { groups: Group[]; plan: Set<Group>; objective: number; bound: number } = { groups: [], plan: incumbent, objective: divedUnits, bound: -Infinity };
  const restricted = await packParts("firm-town MIP on the LP's groups", [...inModel], incumbent, divedUnits, performance.now() + 1000 * Math.max(MIN_MIP_SECONDS, opts.timeLimitS * RESTRICTED_SHARE), true, search);
  const first = better(restricted.objective < divedUnits ? restricted.chosen : incumbent, Math.min(restricted.objective, divedUnits));
  incumbent = first.plan;
  for (const g of incumbent) inModel.add(g);
  best = { ...best, plan: incumbent, objective: first.objective };
  for (let run = 0; run < MAX_MIPS; run++) {
    if (run > 0 && secondsLeft() < MIN_MIP_SECONDS) break;
    const { m, base } = firmFloor();
    const below = (g: Group, rc: number) => base + rc - m[g.firm] < best.objective;
    const near: { g: Group; rc: number }[] = [];
    const maybe = pending.filter((g) => !inModel.has(g) && below(g, reducedCost(g, g.lower, saving, duals!)));
    await exact(maybe);
    for (const g of maybe) {
      const rc = g.units === Infinity ? Infinity : reducedCost(g, g.units, saving, duals!);
      if (below(g, rc)) near.push({ g, rc });
    }
    if (run > 0 && near.length === 0) break;
    near.sort((x, y) => x.rc - y.rc);
    for (const { g } of near.slice(0, MAX_NEAR_GROUPS)) inModel.add(g);
    const groupsNow = [...inModel].filter((g) => incumbent.has(g) || (g.units !== Infinity && below(g, rcOf(g))));
    search.use(groupsNow);
    const solved = await packParts(`firm-town MIP ${run + 1}`, groupsNow, incumbent, best.objective, Math.max(mipDeadline, performance.now() + 1000 * MIN_MIP_SECONDS), false, search);
    const next = better(solved.chosen, solved.objective);
    for (const g of next.plan) inModel.add(g);
    best = { groups: solved.groups, plan: next.plan, objective: next.objective, bound: Number.isNaN(solved.bound) ? base : Math.max(solved.bound, base) };
    incumbent = next.plan;
  }

  const { m, base } = firmFloor();
  const inFinal = new Set(best.groups);
  let leftOut = Infinity;
  for (const g of everyGroup) if (!inFinal.has(g)) leftOut = Math.min(leftOut, rcOf(g) - m[g.firm]);
  const boundUnits = Math.min(best.bound, base + leftOut);

  const firmOfTown = new Int32Array(nT).fill(-1);
  const lawyerOf = new Map<number, number>();
  for (const t of towns) for (const v of t.villages) lawyerOf.set(v, -1);
  best.plan.forEach((g) => {
    for (const t of g.towns) firmOfTown[t] = g.firm;
    const villages = g.towns.flatMap((t) => towns[t].villages);
    g.lawyerOf ??= flowOf(g.firm, g.towns)!.lawyerOf;
    villages.forEach((v, i) => lawyerOf.set(v, g.lawyerOf![i]));
  });
  return { towns, firmOfTown, lawyerOf, units: best.objective, boundUnits, groups: inModel.size + pending.filter((g) => !inModel.has(g)).length, flows, parts: mipParts };
}

/**
 * The groups of a part that stay when each firm keeps to its home (the key of its incumbent group's first
 * town, else of its best group's): those with every town there, and the incumbent's.
 */
function byHome(part: Group[], incumbent: Set<Group>, key: (t: number) => string, saving: (g: Group, u: number) => number): Group[] {
  const home = new Map<number, { key: string; rank: number }>();
  for (const g of part) {
    const rank = incumbent.has(g) ? -Infinity : saving(g, g.units);
    const had = home.get(g.firm);
    if (!had || rank < had.rank) home.set(g.firm, { key: key(g.towns[0]), rank });
  }
  return part.filter((g) => incumbent.has(g) || g.towns.every((t) => key(t) === home.get(g.firm)!.key));
}

/** Groups joined when they share a town or a firm: the parts of a set packing that never compete. */
function groupComponents(groups: Group[], nT: number): Group[][] {
  const parent = new Map<number, number>();
  const find = (x: number): number => {
    let r = x;
    while (parent.has(r) && parent.get(r) !== r) r = parent.get(r)!;
    parent.set(x, r);
    return r;
  };
  const join = (a: number, b: number) => {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent.set(ra, rb);
  };
  for (const g of groups) {
    const firmNode = nT + g.firm;
    if (!parent.has(firmNode)) parent.set(firmNode, firmNode);
    for (const t of g.towns) {
      if (!parent.has(t)) parent.set(t, t);
      join(t, firmNode);
    }
  }
  const byRoot = new Map<number, Group[]>();
  for (const g of groups) {
    const r = find(nT + g.firm);
    const list = byRoot.get(r);
    if (list) list.push(g);
    else byRoot.set(r, [g]);
  }
  return [...byRoot.values()];
}

/**
 * A packing by diving: solve the LP, take the group with the largest value (every group at 1 at once), drop
 * the groups it conflicts with, and repeat until the LP is integral.
 */
async function dive(towns: FirmTownTown[], groups: Group[], saving: (g: Group, u: number) => number, firms: number[], nFirms: number, pool: MipPool, timeLimitS: number): Promise<Group[]> {
  const chosen: Group[] = [];
  const townTaken = new Uint8Array(towns.length);
  const firmTaken = new Uint8Array(nFirms);
  const take = (g: Group) => {
    chosen.push(g);
    firmTaken[g.firm] = 1;
    for (const t of g.towns) townTaken[t] = 1;
  };
  for (;;) {
    const open = groups.filter((g) => !firmTaken[g.firm] && g.towns.every((t) => !townTaken[t]) && saving(g, g.units) < 0);
    if (open.length === 0) break;
    const model = setPacking(towns, open, saving, firms, nFirms, false, townTaken);
    const lp = await pool.solve(model.lp, { timeLimitS });
    if (lp.status !== 'optimal') break;
    let top = -1;
    open.forEach((g, j) => {
      if (lp.x[j] > 1 - 1e-6) take(g);
      else if (lp.x[j] > 1e-6 && (top < 0 || lp.x[j] > lp.x[top] || (lp.x[j] === lp.x[top] && saving(g, g.units) < saving(open[top], open[top].units)))) top = j;
    });
    if (top < 0) break;
    const g = open[top];
    if (!firmTaken[g.firm] && g.towns.every((t) => !townTaken[t])) take(g);
  }
  return chosen;
}

/**
 * Local search on a packing: a firm moves to a better group whose towns are free (or its own), or takes
 * another firm's towns when that firm's best other group loses less than it gains; until nothing improves.
 */
function improve(start: Group[], groups: Group[], saving: (g: Group, u: number) => number, nTowns: number, nFirms: number): Group[] {
  const byFirm: Group[][] = Array.from({ length: nFirms }, () => []);
  for (const g of groups) byFirm[g.firm].push(g);
  for (const list of byFirm) list.sort((a, b) => saving(a, a.units) - saving(b, b.units));
  const current: (Group | undefined)[] = new Array(nFirms);
  const owner = new Int32Array(nTowns).fill(-1);
  const set = (f: number, g: Group | undefined) => {
    const old = current[f];
    if (old) for (const t of old.towns) owner[t] = -1;
    current[f] = g;
    if (g) for (const t of g.towns) owner[t] = f;
  };
  for (const g of start) set(g.firm, g);
  const value = (g: Group | undefined) => (g ? saving(g, g.units) : 0);
  /** the best group of f whose towns are free or f's own */
  const bestFree = (f: number): Group | undefined => byFirm[f].find((g) => g.towns.every((t) => owner[t] < 0 || owner[t] === f));
  for (let sweep = 0, improved = true; improved && sweep < 20; sweep++) {
    improved = false;
    for (let f = 0; f < nFirms; f++) {
      const alone = bestFree(f);
      if (alone && value(alone) < value(current[f]) - 0.5) {
        set(f, alone);
        improved = true;
        continue;
      }
      // Take towns from one other firm h, which then moves to its best group clear of them.
      let tries = 0;
      for (const g of byFirm[f]) {
        if (value(g) >= value(current[f]) - 0.5 || tries++ >= EJECTION_TRIES) break;
        const others = [...new Set(g.towns.map((t) => owner[t]).filter((o) => o >= 0 && o !== f))];
        if (others.length !== 1) continue;
        const h = others[0];
        const oldF = current[f];
        const oldH = current[h];
        set(f, undefined);
        set(h, undefined);
        set(f, g);
        const hNext = bestFree(h);
        if (value(g) + value(hNext) < value(oldF) + value(oldH) - 0.5) {
          set(h, hNext);
          improved = true;
          break;
        }
        set(f, undefined);
        set(f, oldF);
        set(h, oldH);
      }
    }
  }
  return current.filter((g): g is Group => g !== undefined);
}

/**
 * Row duals with the sign each row's bounds allow (y ≤ 0 on a row bounded only above, y ≥ 0 only below; a
 * wrong-signed dual, numerical noise, becomes 0), and y·b: then c·x ≥ y·b + (c − Aᵀy)·x for every feasible x.
 */
function signFeasible(rowDual: Float64Array, lp: SparseLp): { dual: Float64Array; value: number } {
  const dual = new Float64Array(rowDual.length);
  let value = 0;
  for (let i = 0; i < rowDual.length; i++) {
    const y = rowDual[i];
    const bound = y < 0 ? lp.rowUpper[i] : y > 0 ? lp.rowLower[i] : 0;
    if (!Number.isFinite(bound)) continue;
    dual[i] = y;
    value += y * bound;
  }
  return { dual, value };
}

function reducedCost(g: Group, units: number, saving: (g: Group, u: number) => number, duals: { town: Float64Array; firm: Float64Array }): number {
  let rc = saving(g, units) - duals.firm[g.firm];
  for (const t of g.towns) rc -= duals.town[t];
  return rc;
}

function isConnected(adj: number[][], set: number[]): boolean {
  if (set.length <= 1) return true;
  const inSet = new Set(set);
  const seen = new Set([set[0]]);
  const stack = [set[0]];
  while (stack.length > 0) {
    const a = stack.pop()!;
    for (const b of adj[a]) {
      if (!inSet.has(b) || seen.has(b)) continue;
      seen.add(b);
      stack.push(b);
    }
  }
  return seen.size === set.length;
}

/**
 * Every firm's arcs to a town's villages: pair costs in range (R2, R5, R7; a pin only to its lawyer, R6),
 * over the lawyers with slots (`slotIndex[l]`: l's index in its firm's list, −1 for none). Firms that
 * reach no village of the town are absent; `none` (the town with no arc) lends them its uncovered costs. Every
 * group holding the town reuses them.
 */
function townArcs(ctx: ModeContext, town: FirmTownTown, slotIndex: Int32Array, none: TownArcs): Map<number, TownArcs> {
  const n = town.villages.length;
  const lists = new Map<number, { head: number[]; cost: number[] }[]>();
  town.villages.forEach((v, i) => {
    const r = ctx.reach(v);
    for (let k = 0; k < r.lawyer.length; k++) {
      const l = r.lawyer[k];
      if (!r.adviser[k] || slotIndex[l] < 0) continue;
      const f = ctx.firmOf[l];
      let perVillage = lists.get(f);
      if (!perVillage) lists.set(f, (perVillage = Array.from({ length: n }, () => ({ head: [], cost: [] }))));
      perVillage[i].head.push(slotIndex[l]);
      perVillage[i].cost.push(ctx.cm.pairUnits(v, l, r.km[k]));
    }
  });
  const out = new Map<number, TownArcs>();
  for (const [f, perVillage] of lists) {
    const start = new Int32Array(n + 1);
    const head: number[] = [];
    const cost: number[] = [];
    let blocked = false;
    perVillage.forEach((a, i) => {
      // loops, not push(...list): a firm may have thousands of lawyers
      for (const h of a.head) head.push(h);
      for (const c of a.cost) cost.push(c);
      start[i + 1] = head.length;
      if (ctx.pinned[town.villages[i]] >= 0 && a.head.length === 0) blocked = true;
    });
    out.set(f, { start, head: Int32Array.from(head), cost: Float64Array.from(cost), uncoveredCost: none.uncoveredCost, blocked });
  }
  return out;
}

/** A town's villages with no arc: blocked when one of them is pinned (its lawyer is not of the firm). */
function emptyArcs(ctx: ModeContext, town: FirmTownTown): TownArcs {
  const n = town.villages.length;
  const uncoveredCost = Float64Array.from(town.villages, (v) => (ctx.pinned[v] >= 0 ? Infinity : ctx.cm.uncoveredUnits(v)));
  return { start: new Int32Array(n + 1), head: new Int32Array(0), cost: new Float64Array(0), uncoveredCost, blocked: town.villages.some((v) => ctx.pinned[v] >= 0) };
}

/**
 * The set-packing model. Rows: one per town (at most one group; exactly one when a pin forces its firm,
 * R6), then one per firm (at most one group). Columns: one per group, costing its flow cost less the
 * uncovered cost of its towns (the constant Σ uncovered is added outside).
 */
function setPacking(towns: FirmTownTown[], groups: Group[], saving: (g: Group, u: number) => number, firms: number[], nFirms: number, integer: boolean, taken?: Uint8Array) {
  const b = new LpBuilder();
  const townRow = townRows(b, towns, taken);
  const firmRow = firmRows(b, firms);
  const firmIndex = new Int32Array(nFirms).fill(-1);
  firms.forEach((f, i) => (firmIndex[f] = i));
  groupColumns(b, groups, saving, townRow, firmRow, firmIndex, integer);
  const lp: SparseLp = b.build();
  return {
    lp,
    groups,
    firmDual: (rowDual: Float64Array) => {
      const out = new Float64Array(nFirms);
      firms.forEach((f, i) => (out[f] = rowDual[firmRow + i]));
      return out;
    },
  };
}

function townRows(b: LpBuilder, towns: FirmTownTown[], taken?: Uint8Array): number {
  // R4: a town has at most one firm; a town whose village is pinned (R6) must have its pinned lawyer's firm (unless already given one).
  const first = b.addRows(0, 0, 0);
  towns.forEach((t, i) => b.addRows(1, t.pinnedFirm >= 0 && !taken?.[i] ? 1 : -Infinity, 1));
  return first;
}

function firmRows(b: LpBuilder, firms: number[]): number {
  // R4: a firm serves at most one group of adjacent towns.
  return b.addRows(firms.length, -Infinity, 1);
}

function groupColumns(b: LpBuilder, groups: Group[], saving: (g: Group, u: number) => number, townRow: number, firmRow: number, firmIndex: Int32Array, integer: boolean): void {
  // A group is taken whole or not at all: y_{f,G} ∈ {0, 1}.
  for (const g of groups) {
    const rows = [...g.towns.map((t) => townRow + t), firmRow + firmIndex[g.firm]];
    b.addCol(saving(g, g.units), 0, 1, rows, rows.map(() => 1), integer);
  }
}
