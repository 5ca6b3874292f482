import type { Geography } from './geography.js';
import { PointIndex } from './spatial.js';

/**
 * The lawyers who may advise villages (practicing, cap > 0), with interchangeable ones merged into one
 * node: lawyers of one firm at one base with one cap, whom no village, pin, baseline, veto or routing
 * figure names one by one, cost exactly the same for every village. Merging them is exact (their
 * convex load is best spread evenly) and keeps a village's nearest candidates from being a
 * random half of one county-seat firm.
 */
export class AdviserPool {
  readonly size: number;
  /** a representative lawyer per node: costs and rules are judged on it */
  readonly rep: Int32Array;
  /** members of node g: `members[memberStart[g] .. memberStart[g+1])`, ascending */
  readonly memberStart: Int32Array;
  readonly members: Int32Array;
  /** node of each lawyer, −1 for lawyers who cannot advise */
  readonly nodeOf: Int32Array;
  /** combined cap of the members (R1) */
  readonly cap: Int32Array;
  /** members per node */
  readonly share: Int32Array;
  readonly points: PointIndex;
  /**
   * Nodes of one firm at one base (same paired-assistance flag): the same road km and the same rules
   * for every village, differing only in cap, in their own lawyer-side terms, and for villages that name
   * one of them. Group k holds `groupNodes[groupStart[k] .. groupStart[k+1])`, ascending.
   */
  readonly groupCount: number;
  readonly groupStart: Int32Array;
  readonly groupNodes: Int32Array;
  readonly groupOf: Int32Array;
  /** one point per group, at its base */
  readonly groupPoints: PointIndex;
  /** the lawyer who stands for each group in rules and distances (its first node's representative) */
  readonly groupLawyer: Int32Array;
  /** the place (distinct base) of each group, numbered from 0 */
  readonly groupPlace: Int32Array;

  constructor(geo: Geography, namedOneByOne: (l: number) => boolean) {
    const groups = new Map<string, number[]>();
    const singles: number[][] = [];
    const firmOf = geo.scenario.lawyers.map((l) => l.firmId);
    for (let l = 0; l < geo.nL; l++) {
      if (geo.lCap[l] === 0) continue;
      if (namedOneByOne(l)) {
        singles.push([l]);
        continue;
      }
      const key = `${geo.lLon[l]},${geo.lLat[l]},${firmOf[l]},${geo.lCap[l]},${geo.lPaired[l]}`;
      const g = groups.get(key);
      if (g) g.push(l);
      else groups.set(key, [l]);
    }
    // Nodes in order of their first member, so results do not depend on map order.
    const nodes = [...groups.values(), ...singles].sort((a, b) => a[0] - b[0]);
    this.size = nodes.length;
    this.rep = new Int32Array(this.size);
    this.memberStart = new Int32Array(this.size + 1);
    this.cap = new Int32Array(this.size);
    this.share = new Int32Array(this.size);
    this.nodeOf = new Int32Array(geo.nL).fill(-1);
    const members: number[] = [];
    const lons = new Float64Array(this.size);
    const lats = new Float64Array(this.size);
    nodes.forEach((list, g) => {
      this.rep[g] = list[0];
      this.memberStart[g] = members.length;
      for (const l of list) {
        members.push(l);
        this.nodeOf[l] = g;
        this.cap[g] += geo.lCap[l];
      }
      this.share[g] = list.length;
      lons[g] = geo.lLon[list[0]];
      lats[g] = geo.lLat[list[0]];
    });
    this.memberStart[this.size] = members.length;
    this.members = Int32Array.from(members);
    this.points = new PointIndex(lons, lats);

    // Groups in order of their first node, like the nodes.
    const groupByKey = new Map<string, number[]>();
    for (let g = 0; g < this.size; g++) {
      const l = this.rep[g];
      const key = `${geo.lLon[l]},${geo.lLat[l]},${firmOf[l]},${geo.lPaired[l]}`;
      const list = groupByKey.get(key);
      if (list) list.push(g);
      else groupByKey.set(key, [g]);
    }
    const placed = [...groupByKey.values()];
    this.groupCount = placed.length;
    this.groupStart = new Int32Array(placed.length + 1);
    this.groupNodes = new Int32Array(this.size);
    this.groupOf = new Int32Array(this.size);
    const gLons = new Float64Array(placed.length);
    const gLats = new Float64Array(placed.length);
    let at = 0;
    placed.forEach((list, k) => {
      this.groupStart[k] = at;
      for (const g of list) {
        this.groupNodes[at++] = g;
        this.groupOf[g] = k;
      }
      gLons[k] = lons[list[0]];
      gLats[k] = lats[list[0]];
    });
    this.groupStart[placed.length] = at;
    this.groupPoints = new PointIndex(gLons, gLats);
    this.groupLawyer = Int32Array.from(placed, (list) => this.rep[list[0]]);
    const places = new Map<string, number>();
    this.groupPlace = Int32Array.from(placed, (_, k) => {
      const key = `${gLons[k]},${gLats[k]}`;
      let p = places.get(key);
      if (p === undefined) places.set(key, (p = places.size));
      return p;
    });
  }

  /** The node that stands for group k in rules and distances (its first). */
  groupRep(k: number): number {
    return this.groupNodes[this.groupStart[k]];
  }
}
