/**
 * Large-neighbourhood search on a firm-town packing (R4: one group of towns per firm, one firm per town):
 * free a few dozen adjacent towns and the firms that hold them, solve that small set packing exactly from
 * the current plan, keep it when it is better; the neighbourhoods grow when a pass over every town finds
 * nothing. It runs on this thread while a MIP runs in a worker, so it uses a core that would idle: the
 * MIP over tens of thousands of groups finds its plans late, the small ones are solved in milliseconds.
 */
import { Rng } from '../gen/random.js';

export interface PackGroup {
  firm: number;
  towns: number[];
}

/**
 * Solves the packing of `groups` over the free towns (`fixed[t]` = 1 for the others) from `start`;
 * returns the chosen columns, or undefined when the solver found nothing.
 */
export type SubPacking<G extends PackGroup> = (groups: G[], start: Float64Array, fixed: Uint8Array, deadlineMs: number) => Promise<Float64Array | undefined>;

/** Towns freed at first, and the most ever (a neighbourhood grows by half when a pass finds nothing). */
const FIRST_TOWNS = 16;
const MAX_TOWNS = 96;
/** Seconds one neighbourhood may take at most. */
const SUB_SECONDS = 2;
/**
 * Groups of one firm a neighbourhood keeps at most (its best by rank, and the one it holds): a firm may have
 * hundreds in twenty towns. City seed 12: 12 ends at 123 uncovered villages, 50 at 123, 150 at 122 (and
 * at 120 with a better MIP start), with no limit at 122 in a third as many neighbourhoods.
 */
const GROUPS_PER_FIRM = 150;
/** A plan is better when it saves at least this (costs are whole thousandths). */
const EPS = 0.5;

export class PackingSearch<G extends PackGroup> {
  private readonly byTown: G[][];
  private readonly known = new Set<G>();
  private readonly owner: Int32Array;
  private readonly current: (G | undefined)[];
  private readonly rng = new Rng(1, 'packing-search');
  private size = FIRST_TOWNS;
  private order: number[] = [];
  /** neighbourhoods solved, and how many of them improved the plan */
  tried = 0;
  improved = 0;

  constructor(
    private readonly adj: number[][],
    nFirms: number,
    private readonly value: (g: G) => number,
    /** orders a firm's groups, the most promising first (a neighbourhood keeps a firm's first few) */
    private readonly rank: (g: G) => number,
    private readonly sub: SubPacking<G>,
  ) {
    this.byTown = adj.map(() => []);
    this.owner = new Int32Array(adj.length).fill(-1);
    this.current = new Array<G | undefined>(nFirms);
  }

  /** The groups the search may use from now on (with the plan's; those of no value are skipped). */
  use(groups: Iterable<G>): void {
    this.known.clear();
    for (const list of this.byTown) list.length = 0;
    this.add(this.plan());
    this.add(groups);
  }

  private add(groups: Iterable<G>): void {
    for (const g of groups) {
      if (this.known.has(g) || (!(this.value(g) < 0) && this.current[g.firm] !== g)) continue;
      this.known.add(g);
      for (const t of g.towns) this.byTown[t].push(g);
    }
  }

  /** Starts from `plan` (a packing). */
  reset(plan: Iterable<G>): void {
    this.current.fill(undefined);
    this.owner.fill(-1);
    for (const g of plan) this.take(g);
    this.add(this.plan());
  }

  plan(): G[] {
    return this.current.filter((g): g is G => g !== undefined);
  }

  /** The plan's value: the sum of its groups' values. */
  total(): number {
    return this.plan().reduce((a, g) => a + this.value(g), 0);
  }

  /** Improves the plan until `deadlineMs` (a `performance.now()` time) or until `stopped()`; yields between neighbourhoods. */
  async run(deadlineMs: number, stopped: () => boolean): Promise<void> {
    let sinceBetter = 0;
    while (!stopped() && performance.now() < deadlineMs - 100) {
      if (this.order.length === 0) {
        // A whole pass without a better plan: larger neighbourhoods (back to the start past the largest).
        if (sinceBetter >= this.adj.length) {
          this.size = this.size >= MAX_TOWNS ? FIRST_TOWNS : Math.min(MAX_TOWNS, Math.ceil(this.size * 1.5));
          sinceBetter = 0;
        }
        this.order = this.rng.shuffle([...this.adj.keys()]);
      }
      const better = await this.step(this.order.pop()!, Math.min(deadlineMs, performance.now() + SUB_SECONDS * 1000));
      sinceBetter = better ? 0 : sinceBetter + 1;
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
  }

  private take(g: G): void {
    this.current[g.firm] = g;
    for (const t of g.towns) this.owner[t] = g.firm;
  }

  private drop(g: G): void {
    this.current[g.firm] = undefined;
    for (const t of g.towns) this.owner[t] = -1;
  }

  /** One neighbourhood around `centre`: true when it improved the plan. */
  private async step(centre: number, deadlineMs: number): Promise<boolean> {
    // The towns nearest `centre` along adjacency, then the rest of the towns their firms hold.
    const inside = new Uint8Array(this.adj.length);
    const towns = [centre];
    inside[centre] = 1;
    for (let i = 0; i < towns.length && towns.length < this.size; i++) {
      for (const u of this.adj[towns[i]]) {
        if (inside[u] || towns.length >= this.size) continue;
        inside[u] = 1;
        towns.push(u);
      }
    }
    for (const t of [...towns]) {
      const f = this.owner[t];
      if (f < 0) continue;
      for (const u of this.current[f]!.towns) {
        if (inside[u]) continue;
        inside[u] = 1;
        towns.push(u);
      }
    }
    // Free: the firms holding these towns and the firms with no group; their best groups within the towns.
    const byFirm = new Map<number, Set<G>>();
    for (const t of towns) {
      for (const g of this.byTown[t]) {
        const held = this.current[g.firm];
        if ((held && held.towns.some((u) => !inside[u])) || !g.towns.every((u) => inside[u])) continue;
        const set = byFirm.get(g.firm);
        if (set) set.add(g);
        else byFirm.set(g.firm, new Set([g]));
      }
    }
    const list: G[] = [];
    for (const [f, set] of byFirm) {
      const held = this.current[f];
      const mine = [...set].sort((a, b) => this.rank(a) - this.rank(b)).slice(0, GROUPS_PER_FIRM);
      list.push(...mine);
      if (held && !mine.includes(held)) list.push(held);
    }
    const start = Float64Array.from(list, (g) => (this.current[g.firm] === g ? 1 : 0));
    const before = list.reduce((a, g, j) => a + start[j] * this.value(g), 0);
    const fixed = Uint8Array.from(inside, (x) => 1 - x);
    this.tried++;
    const x = await this.sub(list, start, fixed, deadlineMs);
    if (!x) return false;
    const after = list.reduce((a, g, j) => a + (x[j] > 0.5 ? this.value(g) : 0), 0);
    if (!(after < before - EPS)) return false;
    list.forEach((g, j) => {
      if (start[j] > 0.5) this.drop(g);
    });
    list.forEach((g, j) => {
      if (x[j] > 0.5) this.take(g);
    });
    this.improved++;
    return true;
  }
}
