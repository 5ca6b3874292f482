/**
 * Team mode (R3), firm-town mode (R4) and scenarios mixing them with individual mode, as integer programs
 * with an honest bound (SPEC §4, docs/MODEL.md).
 *
 *  1. Firm-town counties first: a set-packing MIP over (firm, town group) columns (firm-town.ts), every
 *     lawyer with their full cap.
 *  2. Team and individual villages together: an options MIP (master.ts) over team options (options.ts),
 *     on the slots the firm-town part left, so lawyers shared across counties keep one cap (R1). Options are
 *     generated: the LP relaxation is solved, every lawyer in range is priced with its duals, and options
 *     with a negative reduced cost join, until none is left.
 *  3. The MIP is split into the connected components of the option graph (exact); a component too big for
 *     one MIP is split by county, each lawyer's slots shared out as the LP solution uses them, and villages
 *     a part leaves uncovered are repaired afterwards with the slots left.
 *
 * The bound: each part's bound is computed with every lawyer's full cap, so their sum is a lower bound of
 * the whole (the load cost is superadditive); the options part's is the Lagrangian bound
 *   L(λ) = Σ_v min(uncovered_v, min over every option of v of cost + Σ_{l on it} λ_l) + Σ_l Σ_k min(0, step_k − λ_l)
 * at the LP's load duals λ ≥ 0, which is at most the optimum for any λ, and equals the LP bound once pricing
 * finds nothing. It never depends on how a component was split.
 */
import type { Weights } from '../domain/index.js';
import type { Geography } from '../geo/geography.js';
import { CostModel } from './costs.js';
import { solveFirmTown, type FirmTownResult } from './firm-town.js';
import { buildMaster } from './master.js';
import { MipPool, solveOnceMore } from './mip-pool.js';
import { MODE_FIRM_TOWN, ModeContext, optionKey, type TeamOption } from './options.js';
import type { LpResult } from './lp/sparse.js';

export interface ModesOptions {
  onProgress?: (p: { phase: string; fraction: number }) => void;
  /** seconds for each team part's MIP, and for the whole firm-town solve (its MIPs stop by then); the whole solve may take somewhat longer */
  timeLimitS?: number;
  /** where a MIP may stop: team parts, HiGHS `mip_rel_gap` (default 1e-4); firm-town, relative to the plan's objective (default 0.5%) */
  relativeGap?: number;
  /** worker threads for MIPs (default: up to 2, one per core); 0 solves in this thread */
  threads?: number;
  /** team and individual villages: split a component into parts by county when it has more villages than this */
  maxPartVillages?: number;
  /** firm-town: cut a part by city, then county, when it has more towns than this (default 250) */
  maxPartTowns?: number;
}

export interface ModesResult {
  ctx: ModeContext;
  cm: CostModel;
  /** chosen option per village, undefined when uncovered or in firm-town mode */
  choice: (TeamOption | undefined)[];
  /** firm-town part, when there are firm-town villages */
  firmTown?: FirmTownResult;
  /** lawyer per village (adviser), −1 uncovered */
  lawyerOf: Int32Array;
  objectiveUnits: number;
  boundUnits: number;
  parts: number;
  columns: number;
  pricingRounds: number;
}

/** Options of each village in the first LP. */
const INITIAL_OPTIONS = 6;
/** Options per village added in a pricing round, at most. */
const ADD_PER_ROUND = 3;
const MAX_ROUNDS = 30;
/** A reduced cost counts as negative below this (costs are whole thousandths). */
const RC_EPS = -0.5;
/** A group's pricing stops when its LP gained less than STALL_RELATIVE over the last STALL_ROUNDS rounds. */
const STALL_ROUNDS = 2;
const STALL_RELATIVE = 1e-9;
/** One MIP takes a whole component up to this many villages (prd-city, 2,800, solves whole in seconds); beyond, parts by county. */
const DEFAULT_PART_VILLAGES = 4_000;

export async function solveModes(geo: Geography, weights: Weights, opts: ModesOptions = {}): Promise<ModesResult> {
  const cm = new CostModel(geo, weights);
  const ctx = new ModeContext(geo, cm);
  const progress = (phase: string, fraction: number) => opts.onProgress?.({ phase, fraction });
  const timeLimitS = opts.timeLimitS ?? 60;
  const relativeGap = opts.relativeGap ?? 1e-4;
  // every role counts towards R1, so interns' caps (as members) count here too
  const loadStep = cm.loadSteps(ctx.anyRoleCap.reduce((a, c) => Math.max(a, c), 1));
  const pool = new MipPool(opts.threads ?? undefined);
  try {
    const slots = Int32Array.from(ctx.anyRoleCap);
    const loadBefore = new Int32Array(geo.nL);
    const lawyerOf = new Int32Array(geo.nV).fill(-1);

    let firmTown: FirmTownResult | undefined;
    let boundUnits = 0;
    if (ctx.mode.some((m) => m === MODE_FIRM_TOWN)) {
      progress('firm-town groups', 0);
      firmTown = await solveFirmTown(ctx, { pool, slots: Int32Array.from(slots), loadStep, timeLimitS, relativeGap: opts.relativeGap, maxPartTowns: opts.maxPartTowns, onProgress: progress });
      boundUnits += firmTown.boundUnits;
      for (const [v, l] of firmTown.lawyerOf) {
        lawyerOf[v] = l;
        if (l >= 0) {
          slots[l]--;
          loadBefore[l]++;
        }
      }
    }

    const villages: number[] = [];
    for (let v = 0; v < geo.nV; v++) if (ctx.mode[v] !== MODE_FIRM_TOWN) villages.push(v);
    const choice: (TeamOption | undefined)[] = new Array(geo.nV);
    let parts = 0;
    let columns = 0;
    let pricingRounds = 0;
    if (villages.length > 0) {
      const part = await solveOptions(ctx, villages, { pool, slots, loadBefore, loadStep, timeLimitS, relativeGap, maxPartVillages: opts.maxPartVillages ?? DEFAULT_PART_VILLAGES, progress });
      boundUnits += part.boundUnits;
      parts = part.parts;
      columns = part.columns;
      pricingRounds = part.rounds;
      for (const v of villages) {
        choice[v] = part.choice.get(v);
        lawyerOf[v] = choice[v]?.adviser ?? -1;
      }
    }
    const objectiveUnits = planUnits(ctx, choice, firmTown, loadStep);
    // The bound's duals are floating point: allow a thousandth, no more.
    if (boundUnits > objectiveUnits + 1) throw new Error(`internal: bound ${boundUnits} exceeds the objective ${objectiveUnits}`);
    return { ctx, cm, choice, firmTown, lawyerOf, objectiveUnits, boundUnits: Math.min(boundUnits, objectiveUnits), parts, columns, pricingRounds };
  } finally {
    await pool.close();
  }
}

/** The objective of MODEL.md of a plan, in thousandths: options, firm-town pairs, uncovered villages, load in any role. */
export function planUnits(ctx: ModeContext, choice: (TeamOption | undefined)[], firmTown: FirmTownResult | undefined, loadStep: Float64Array): number {
  const { geo, cm } = ctx;
  const load = new Int32Array(geo.nL);
  let units = 0;
  for (let v = 0; v < geo.nV; v++) {
    if (ctx.mode[v] === MODE_FIRM_TOWN) {
      const l = firmTown?.lawyerOf.get(v) ?? -1;
      if (l < 0) units += cm.uncoveredUnits(v);
      else {
        units += cm.pairUnits(v, l, geo.roadKm(v, l));
        load[l]++;
      }
      continue;
    }
    const o = choice[v];
    if (!o) {
      units += cm.uncoveredUnits(v);
      continue;
    }
    units += o.units;
    load[o.adviser]++;
    for (const m of o.members) load[m]++;
  }
  for (let l = 0; l < geo.nL; l++) for (let k = 0; k < load[l]; k++) units += loadStep[k];
  return units;
}

interface OptionsContext {
  pool: MipPool;
  slots: Int32Array;
  loadBefore: Int32Array;
  loadStep: Float64Array;
  timeLimitS: number;
  relativeGap: number;
  maxPartVillages: number;
  progress: (phase: string, fraction: number) => void;
}

async function solveOptions(ctx: ModeContext, villages: number[], oc: OptionsContext) {
  const { geo, cm } = ctx;
  const uncoveredUnits = (v: number) => (ctx.pinned[v] >= 0 ? Infinity : cm.uncoveredUnits(v));
  const columns: TeamOption[] = [];
  const keys = new Set<string>();
  const add = (o: TeamOption) => {
    const key = optionKey(o);
    if (keys.has(key)) return false;
    keys.add(key);
    columns.push(o);
    return true;
  };
  const zero = new Float64Array(geo.nL);
  oc.progress('team options', 0);
  for (const v of villages) for (const { option } of ctx.cheapest(v, zero, INITIAL_OPTIONS)) add(option);

  // Column generation on the LP relaxation, one LP per group of villages that no lawyer in reach joins
  // (every option of a village is on lawyers in its reach, so the LP is separable over these groups);
  // a group whose pricing found nothing keeps its duals and is not solved again. Every round's Lagrangian
  // value of a group bounds it (with every lawyer's full cap), so the sum of each group's best bounds the whole.
  const fullCap = ctx.anyRoleCap;
  const price = new Float64Array(geo.nL);
  const lpGroups = reachGroups(ctx, villages).map((vs) => ({ villages: vs, options: [] as TeamOption[], lpOptions: [] as TeamOption[], x: new Float64Array(0) as Float64Array<ArrayBufferLike>, lagrangian: -Infinity, lpObjectives: [] as number[], done: false }));
  const groupOf = new Int32Array(geo.nV).fill(-1);
  lpGroups.forEach((g, i) => g.villages.forEach((v) => (groupOf[v] = i)));
  for (const o of columns) lpGroups[groupOf[o.v]].options.push(o);
  let rounds = 0;
  for (; rounds < MAX_ROUNDS; rounds++) {
    const open = lpGroups.filter((g) => !g.done);
    if (open.length === 0) break;
    oc.progress(`LP relaxation (round ${rounds + 1}, ${columns.length} options, ${open.length} of ${lpGroups.length} groups)`, 0);
    await Promise.all(
      open.map(async (g) => {
        const master = buildMaster({ villages: g.villages, options: g.options, uncoveredUnits, slots: oc.slots, loadBefore: oc.loadBefore, loadStep: oc.loadStep, integer: false });
        const lp = await oc.pool.solve(master.lp, { timeLimitS: oc.timeLimitS });
        if (lp.status !== 'optimal' || !lp.rowDual) throw new Error(`team mode: the LP relaxation ended ${lp.status}${lp.message ? ` (${lp.message})` : ''}`);
        g.lpOptions = g.options.slice();
        g.x = lp.x;
        master.lawyers.forEach((l, i) => (price[l] = Math.max(0, -lp.rowDual![g.villages.length + i])));
        let lagrangian = 0;
        for (const l of master.lawyers) {
          if (price[l] === 0) continue;
          for (let k = 0; k < fullCap[l]; k++) lagrangian += Math.min(0, oc.loadStep[k] - price[l]);
        }
        let added = 0;
        for (const v of g.villages) {
          const best = ctx.cheapest(v, price, ADD_PER_ROUND);
          lagrangian += Math.min(uncoveredUnits(v), best.length > 0 ? best[0].priced : Infinity);
          const pi = lp.rowDual![master.coverRow.get(v)!];
          for (const { option, priced } of best) {
            if (priced - pi < RC_EPS && add(option)) {
              g.options.push(option);
              added++;
            }
          }
        }
        g.lagrangian = Math.max(g.lagrangian, lagrangian);
        g.lpObjectives.push(lp.objective);
        g.done = added === 0 || stalled(g.lpObjectives);
      }),
    );
  }
  const bound = lpGroups.reduce((a, g) => a + g.lagrangian, 0);
  // The options each group's last LP had, with its solution, share out the slots of a split component.
  const lpColumnsList = lpGroups.flatMap((g) => g.lpOptions);
  const lpX = new Float64Array(lpColumnsList.length);
  let at = 0;
  for (const g of lpGroups) {
    lpX.set(g.x.subarray(0, g.lpOptions.length), at);
    at += g.lpOptions.length;
  }

  // Components of the option graph: villages joined by a lawyer they could share.
  const parts = splitParts(ctx, villages, columns, oc.maxPartVillages);
  oc.progress(`MIP (${parts.length} parts)`, 0);
  const slotsOf = partSlots(ctx, parts, lpColumnsList, lpX, oc.slots);
  let done = 0;
  const results = await Promise.all(
    parts.map(async (part, p) => {
      const partSet = new Set(part);
      const options = columns.filter((o) => partSet.has(o.v));
      const before = Int32Array.from(oc.loadBefore);
      for (let q = 0; q < p; q++) for (let l = 0; l < geo.nL; l++) before[l] += slotsOf[q][l];
      const master = buildMaster({ villages: part, options, uncoveredUnits, slots: slotsOf[p], loadBefore: before, loadStep: oc.loadStep, integer: true });
      const res: LpResult = await solveOnceMore((lp, o) => oc.pool.solve(lp, o), master.lp, { timeLimitS: oc.timeLimitS, relativeGap: oc.relativeGap });
      oc.progress(`MIP part ${p + 1} of ${parts.length} (${part.length} villages): ${res.status}`, ++done / parts.length);
      return { part, options, res };
    }),
  );
  const choice = new Map<number, TeamOption>();
  const load = Int32Array.from(oc.loadBefore);
  for (const { options, res } of results) {
    if (res.status !== 'optimal' && res.status !== 'feasible') continue;
    options.forEach((o, j) => {
      if (res.x[j] > 0.5) choice.set(o.v, o);
    });
  }
  for (const o of choice.values()) {
    load[o.adviser]++;
    for (const m of o.members) load[m]++;
  }
  repair(ctx, villages, choice, load, oc.loadStep, uncoveredUnits);
  return { choice, boundUnits: bound, parts: parts.length, columns: columns.length, rounds };
}

/**
 * Villages a part left uncovered (a part saw only its share of the slots, or its MIP stopped without a
 * plan) take the cheapest option the slots left allow, at the marginal load cost, when that beats staying uncovered.
 */
function repair(ctx: ModeContext, villages: number[], choice: Map<number, TeamOption>, load: Int32Array, loadStep: Float64Array, uncoveredUnits: (v: number) => number): void {
  const price = new Float64Array(ctx.geo.nL);
  const reprice = (l: number) => (price[l] = load[l] >= ctx.anyRoleCap[l] ? Infinity : loadStep[load[l]]);
  for (let l = 0; l < ctx.geo.nL; l++) reprice(l);
  for (const v of villages) {
    if (choice.has(v)) continue;
    const [best] = ctx.cheapest(v, price, 1);
    if (!best || !(best.priced < uncoveredUnits(v))) continue;
    choice.set(v, best.option);
    for (const l of [best.option.adviser, ...best.option.members]) {
      load[l]++;
      reprice(l);
    }
  }
}

/**
 * True when a group's LP has not moved for STALL_ROUNDS rounds (relative to its value): the options priced
 * since only pivot among equal optima, as happens when lawyers' slots were used by the firm-town part and
 * the duals of the slots are degenerate (a province in `by-class` priced 11 rounds at one LP value). The bound
 * stays the Lagrangian, valid after any round; the MIP has the options of the optimum found.
 */
function stalled(objectives: number[]): boolean {
  const n = objectives.length;
  if (n <= STALL_ROUNDS) return false;
  const now = objectives[n - 1];
  return objectives[n - 1 - STALL_ROUNDS] - now <= STALL_RELATIVE * Math.max(1, Math.abs(now));
}

/** Villages joined by a lawyer in reach of both (any role): no option of one group shares a lawyer with another's. */
function reachGroups(ctx: ModeContext, villages: number[]): number[][] {
  return joinedByLawyers(ctx, villages, (join) => {
    for (const v of villages) for (const l of ctx.reach(v).lawyer) join(v, l);
  });
}

/** Connected components of `villages` when `links` joins each village to lawyers: those sharing a lawyer are one. */
function joinedByLawyers(ctx: ModeContext, villages: number[], links: (join: (v: number, l: number) => void) => void): number[][] {
  const { geo } = ctx;
  const parent = new Int32Array(geo.nV).fill(-1);
  for (const v of villages) parent[v] = v;
  const find = (x: number): number => {
    while (parent[x] !== x) x = parent[x] = parent[parent[x]];
    return x;
  };
  const firstOf = new Int32Array(geo.nL).fill(-1);
  links((v, l) => {
    if (firstOf[l] < 0) firstOf[l] = v;
    else {
      const a = find(firstOf[l]);
      const b = find(v);
      if (a !== b) parent[a] = b;
    }
  });
  const comps = new Map<number, number[]>();
  for (const v of villages) {
    const r = find(v);
    const list = comps.get(r);
    if (list) list.push(v);
    else comps.set(r, [v]);
  }
  return [...comps.values()];
}

/** Connected components of villages sharing a lawyer on some option; a component above `max` villages is cut by county. */
function splitParts(ctx: ModeContext, villages: number[], columns: TeamOption[], max: number): number[][] {
  const { geo } = ctx;
  const comps = joinedByLawyers(ctx, villages, (join) => {
    for (const o of columns) for (const l of [o.adviser, ...o.members]) join(o.v, l);
  });
  const out: number[][] = [];
  for (const comp of comps) {
    if (comp.length <= max) {
      out.push(comp);
      continue;
    }
    // By county, small counties packed together up to `max` villages.
    const byCounty = new Map<string, number[]>();
    for (const v of comp) {
      const key = geo.vCounty[v] ?? geo.scenario.villages[v].townId;
      const list = byCounty.get(key);
      if (list) list.push(v);
      else byCounty.set(key, [v]);
    }
    let cur: number[] = [];
    for (const list of [...byCounty.values()].sort((a, b) => b.length - a.length)) {
      if (cur.length > 0 && cur.length + list.length > max) {
        out.push(cur);
        cur = [];
      }
      cur = cur.concat(list);
    }
    if (cur.length > 0) out.push(cur);
  }
  return out;
}

/**
 * Each lawyer's slots shared out over the parts as the LP solution uses them: the whole units each part
 * uses, then the rest by largest remainder among the parts where the lawyer is on some option.
 */
function partSlots(ctx: ModeContext, parts: number[][], lpColumns: TeamOption[], x: Float64Array, slots: Int32Array): Int32Array[] {
  const nL = ctx.geo.nL;
  if (parts.length === 1) return [Int32Array.from(slots)];
  const partOf = new Int32Array(ctx.geo.nV).fill(-1);
  parts.forEach((part, p) => part.forEach((v) => (partOf[v] = p)));
  const use = parts.map(() => new Float64Array(nL));
  const present = parts.map(() => new Uint8Array(nL));
  lpColumns.forEach((o, j) => {
    const p = partOf[o.v];
    for (const l of [o.adviser, ...o.members]) {
      use[p][l] += x[j];
      present[p][l] = 1;
    }
  });
  const out = parts.map(() => new Int32Array(nL));
  for (let l = 0; l < nL; l++) {
    let left = slots[l];
    const rest: { p: number; frac: number }[] = [];
    for (let p = 0; p < parts.length && left > 0; p++) {
      const whole = Math.min(left, Math.floor(use[p][l] + 1e-9));
      out[p][l] = whole;
      left -= whole;
      if (present[p][l]) rest.push({ p, frac: use[p][l] - whole });
    }
    rest.sort((a, b) => b.frac - a.frac || a.p - b.p);
    for (let i = 0; left > 0 && rest.length > 0; i = (i + 1) % rest.length, left--) out[rest[i].p][l]++;
  }
  return out;
}
