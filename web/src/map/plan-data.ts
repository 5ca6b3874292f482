/**
 * The plan on the map, as plain arrays: a scenario's villages joined to a solution's advisers, indexed so
 * that filtering ~26,500 villages is a single pass over typed arrays. No DOM here (unit-tested under Node).
 */

export type LonLat = [number, number];

export interface ScenarioDoc {
  name: string;
  year?: number;
  regions: { id: string; name: string; level: string; parentId?: string; boundary?: GeoShape }[];
  firms: { id: string; name: string; location: LonLat; regionId: string }[];
  lawyers: { id: string; name: string; firmId: string; status: 'practicing' | 'intern'; base?: LonLat }[];
  villages: { id: string; name: string; townId: string; location: LonLat }[];
}

export type GeoShape = { type: 'Polygon'; coordinates: LonLat[][] } | { type: 'MultiPolygon'; coordinates: LonLat[][][] };

export interface SolutionDoc {
  id: string;
  scenarioId: string;
  createdAt: string;
  method: string;
  status: string;
  publishedVillages?: number;
  assignments: { villageId: string; lawyerId: string; team?: string[]; firmId: string; travelKm: number }[];
  uncovered: { villageId: string; reason: string; detail: string }[];
  metrics: {
    travelKm: { total: number; mean: number; p95: number; max: number };
    load: { histogram: Record<string, number>; max: number };
    preferences: { villageRankHistogram: Record<string, number>; lawyerRankHistogram: Record<string, number>; blockingPairs: { count: number; villages: number } };
    solveMs: number;
  };
}

export const UNCOVERED_REASONS: Record<string, string> = {
  'no-practicing-lawyer-in-range': '服务半径内无执业律师',
  'vetoed-all': '范围内律师均被回避',
  'all-candidates-at-cap': '候选律师均已满额',
  'town-without-firm': '所在镇(街)未分配律师事务所',
};

export interface Named {
  id: string;
  name: string;
}

export interface PlanIndex {
  n: number;
  ids: string[];
  names: string[];
  lon: Float64Array;
  lat: Float64Array;
  /** index into `towns`, `counties`; -1 when the village's town or county is not among the regions */
  town: Int32Array;
  county: Int32Array;
  /** index into `lawyers` and `firms`; -1 when uncovered */
  lawyer: Int32Array;
  firm: Int32Array;
  km: Float64Array;
  /** index into `reasons`; -1 when covered */
  reason: Int32Array;
  details: Map<number, string>;
  /** lower-cased name + id + town, for the text search */
  haystack: string[];
  towns: (Named & { county: number })[];
  counties: Named[];
  firms: (Named & { lon: number; lat: number })[];
  lawyers: (Named & { firm: number; lon: number; lat: number })[];
  reasons: string[];
  byId: Map<string, number>;
}

/** Joins the scenario's villages to the solution: one row per village, in scenario order. */
export function buildIndex(scenario: ScenarioDoc, solution: Pick<SolutionDoc, 'assignments' | 'uncovered'> | null): PlanIndex {
  const regionById = new Map(scenario.regions.map((r) => [r.id, r]));
  const counties: Named[] = [];
  const countyIdx = new Map<string, number>();
  const towns: (Named & { county: number })[] = [];
  const townIdx = new Map<string, number>();
  const countyOf = (id: string | undefined): number => {
    if (!id) return -1;
    let k = countyIdx.get(id);
    if (k === undefined) {
      const r = regionById.get(id);
      if (!r) return -1;
      k = counties.push({ id, name: r.name }) - 1;
      countyIdx.set(id, k);
    }
    return k;
  };
  const townOf = (id: string): number => {
    let t = townIdx.get(id);
    if (t === undefined) {
      const r = regionById.get(id);
      t = towns.push({ id, name: r?.name ?? id, county: countyOf(r?.level === 'county' ? r.id : r?.parentId) }) - 1;
      townIdx.set(id, t);
    }
    return t;
  };
  const firms = scenario.firms.map((f) => ({ id: f.id, name: f.name, lon: f.location[0], lat: f.location[1] }));
  const firmIdx = new Map(firms.map((f, i) => [f.id, i]));
  const lawyers = scenario.lawyers.map((l) => {
    const f = firmIdx.get(l.firmId) ?? -1;
    const base = l.base ?? scenario.firms[f]?.location ?? [0, 0];
    return { id: l.id, name: l.name, firm: f, lon: base[0], lat: base[1] };
  });
  const lawyerIdx = new Map(lawyers.map((l, i) => [l.id, i]));

  const n = scenario.villages.length;
  const ix: PlanIndex = {
    n,
    ids: new Array<string>(n),
    names: new Array<string>(n),
    lon: new Float64Array(n),
    lat: new Float64Array(n),
    town: new Int32Array(n),
    county: new Int32Array(n),
    lawyer: new Int32Array(n).fill(-1),
    firm: new Int32Array(n).fill(-1),
    km: new Float64Array(n).fill(NaN),
    reason: new Int32Array(n).fill(-1),
    details: new Map(),
    haystack: new Array<string>(n),
    towns,
    counties,
    firms,
    lawyers,
    reasons: [],
    byId: new Map(),
  };
  scenario.villages.forEach((v, i) => {
    ix.ids[i] = v.id;
    ix.names[i] = v.name;
    ix.lon[i] = v.location[0];
    ix.lat[i] = v.location[1];
    const t = townOf(v.townId);
    ix.town[i] = t;
    ix.county[i] = towns[t].county;
    ix.byId.set(v.id, i);
    ix.haystack[i] = `${v.name} ${v.id} ${towns[t].name}`.toLowerCase();
  });
  if (solution) {
    for (const a of solution.assignments) {
      const i = ix.byId.get(a.villageId);
      if (i === undefined) continue;
      ix.lawyer[i] = lawyerIdx.get(a.lawyerId) ?? -1;
      ix.firm[i] = firmIdx.get(a.firmId) ?? -1;
      ix.km[i] = a.travelKm;
    }
    const reasonIdx = new Map<string, number>();
    for (const u of solution.uncovered) {
      const i = ix.byId.get(u.villageId);
      if (i === undefined) continue;
      let r = reasonIdx.get(u.reason);
      if (r === undefined) {
        r = ix.reasons.push(u.reason) - 1;
        reasonIdx.set(u.reason, r);
      }
      ix.reason[i] = r;
      ix.details.set(i, u.detail);
    }
  }
  return ix;
}

const ZH = new Intl.Collator('zh-CN');

export interface Filter {
  county?: number;
  town?: number;
  firm?: number;
  lawyer?: number;
  /** only the uncovered villages */
  uncovered?: boolean;
  text?: string;
}

const set = (x: number | undefined): x is number => x !== undefined && x >= 0;

/** The villages the filter keeps, in scenario order. */
export function filterVillages(ix: PlanIndex, f: Filter): Uint32Array {
  const out = new Uint32Array(ix.n);
  let k = 0;
  const text = f.text?.trim().toLowerCase() ?? '';
  const { county, town, firm, lawyer } = f;
  for (let i = 0; i < ix.n; i++) {
    if (set(county) && ix.county[i] !== county) continue;
    if (set(town) && ix.town[i] !== town) continue;
    if (set(firm) && ix.firm[i] !== firm) continue;
    if (set(lawyer) && ix.lawyer[i] !== lawyer) continue;
    if (f.uncovered && ix.reason[i] < 0) continue;
    if (text && !ix.haystack[i].includes(text)) continue;
    out[k++] = i;
  }
  return out.subarray(0, k);
}

/** Longer lists than this wait for a county (or firm) to be chosen: a select of 7,000 names helps no one. */
export const LONGEST_LIST = 400;

/** The choices the other filters leave for each select (towns of the county, lawyers of the firm or county); null: choose a county first. */
export function options(ix: PlanIndex, f: Filter): { towns: number[] | null; lawyers: number[] | null } {
  const towns: number[] = [];
  ix.towns.forEach((t, i) => {
    if (!set(f.county) || t.county === f.county) towns.push(i);
  });
  let lawyers: number[] = [];
  if (set(f.firm)) ix.lawyers.forEach((l, i) => l.firm === f.firm && lawyers.push(i));
  else if (set(f.county)) {
    const seen = new Uint8Array(ix.lawyers.length);
    for (let i = 0; i < ix.n; i++) if (ix.county[i] === f.county && ix.lawyer[i] >= 0) seen[ix.lawyer[i]] = 1;
    seen.forEach((v, i) => v && lawyers.push(i));
  } else lawyers = ix.lawyers.map((_, i) => i);
  const byName = (names: Named[]) => (a: number, b: number) => ZH.compare(names[a].name, names[b].name);
  return {
    towns: towns.length > LONGEST_LIST ? null : towns.sort(byName(ix.towns)),
    lawyers: lawyers.length > LONGEST_LIST ? null : lawyers.sort(byName(ix.lawyers)),
  };
}

export interface Figures {
  villages: number;
  covered: number;
  travel: { total: number; mean: number; p95: number; max: number };
  /** villages per travel band: `[upper bound km, count]`, the last band open-ended */
  travelBands: [number, number][];
  /** lawyers (with at least one village in the selection) by how many of its villages they advise */
  load: Map<number, number>;
  uncoveredByReason: Map<string, number>;
}

export const TRAVEL_BANDS = [5, 10, 15, 20, 30, 40, 60, Infinity];

/** Travel, load and uncovered counts over a selection of villages. */
export function figures(ix: PlanIndex, rows: ArrayLike<number>): Figures {
  const kms: number[] = [];
  const perLawyer = new Map<number, number>();
  const uncoveredByReason = new Map<string, number>();
  const bands = TRAVEL_BANDS.map((b): [number, number] => [b, 0]);
  let total = 0;
  for (let j = 0; j < rows.length; j++) {
    const i = rows[j];
    const l = ix.lawyer[i];
    if (l >= 0) {
      const km = ix.km[i];
      kms.push(km);
      total += km;
      perLawyer.set(l, (perLawyer.get(l) ?? 0) + 1);
      let b = 0;
      while (km > TRAVEL_BANDS[b]) b++;
      bands[b][1]++;
    } else if (ix.reason[i] >= 0) {
      const r = ix.reasons[ix.reason[i]];
      uncoveredByReason.set(r, (uncoveredByReason.get(r) ?? 0) + 1);
    }
  }
  kms.sort((a, b) => a - b);
  const load = new Map<number, number>();
  for (const c of perLawyer.values()) load.set(c, (load.get(c) ?? 0) + 1);
  return {
    villages: rows.length,
    covered: kms.length,
    travel: {
      total,
      mean: kms.length ? total / kms.length : 0,
      p95: kms.length ? kms[Math.min(kms.length - 1, Math.ceil(0.95 * kms.length) - 1)] : 0,
      max: kms.length ? kms[kms.length - 1] : 0,
    },
    travelBands: bands,
    load: new Map([...load].sort((a, b) => a[0] - b[0])),
    uncoveredByReason,
  };
}

/** Andrew's monotone chain: the convex hull, counter-clockwise, first point not repeated. */
export function convexHull(points: LonLat[]): LonLat[] {
  const p = [...points].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  if (p.length < 3) return p;
  const cross = (o: LonLat, a: LonLat, b: LonLat) => (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
  const lower: LonLat[] = [];
  for (const q of p) {
    while (lower.length >= 2 && cross(lower[lower.length - 2], lower[lower.length - 1], q) <= 0) lower.pop();
    lower.push(q);
  }
  const upper: LonLat[] = [];
  for (let i = p.length - 1; i >= 0; i--) {
    const q = p[i];
    while (upper.length >= 2 && cross(upper[upper.length - 2], upper[upper.length - 1], q) <= 0) upper.pop();
    upper.push(q);
  }
  return lower.slice(0, -1).concat(upper.slice(0, -1));
}

/** Each county's outline: its region's boundary where the scenario gives one, else the hull of its villages. */
export function countyOutlines(scenario: ScenarioDoc, ix: PlanIndex): { county: number; name: string; rings: LonLat[][]; drawn: 'boundary' | 'hull' }[] {
  const byId = new Map(scenario.regions.map((r) => [r.id, r]));
  const pts = ix.counties.map((): LonLat[] => []);
  for (let i = 0; i < ix.n; i++) if (ix.county[i] >= 0) pts[ix.county[i]].push([ix.lon[i], ix.lat[i]]);
  return ix.counties.map((c, k) => {
    const b = byId.get(c.id)?.boundary;
    if (b) return { county: k, name: c.name, rings: b.type === 'Polygon' ? [b.coordinates[0]] : b.coordinates.map((poly) => poly[0]), drawn: 'boundary' as const };
    return { county: k, name: c.name, rings: [convexHull(pts[k])], drawn: 'hull' as const };
  });
}

/** A stable colour per lawyer: the hue from a hash of the id, so a lawyer keeps their colour across plans. */
export function lawyerColour(id: string): string {
  let h = 2166136261;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 16777619);
  h >>>= 0;
  const hue = h % 360;
  const sat = 55 + ((h >>> 9) % 25);
  const light = 38 + ((h >>> 17) % 18);
  return `hsl(${hue} ${sat}% ${light}%)`;
}

/** Rank histograms in the order people read them: 1, 2, 3 …, then the named buckets. */
export function orderedHistogram(h: Record<string, number>): [string, number][] {
  return Object.entries(h).sort(([a], [b]) => {
    const na = Number(a);
    const nb = Number(b);
    if (Number.isFinite(na) && Number.isFinite(nb)) return na - nb;
    if (Number.isFinite(na)) return -1;
    if (Number.isFinite(nb)) return 1;
    return a.localeCompare(b);
  });
}
