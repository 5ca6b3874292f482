import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Geography } from '../../geo/geography.js';
import { compareSolutions } from '../../solver/compare.js';
import type { Store } from '../../store/types.js';
import { loadScenario, loadSolution } from '../access.js';

const Histogram = z.record(z.string(), z.number());

const MetricsView = z.object({
  status: z.string(),
  method: z.string(),
  objective: z.number(),
  travelKm: z.object({ total: z.number(), mean: z.number(), p95: z.number(), max: z.number() }),
  load: z.object({ histogram: Histogram, max: z.number() }),
  uncovered: z.number(),
  preferences: z.object({
    villageRankHistogram: Histogram,
    lawyerRankHistogram: Histogram,
    blockingPairs: z.object({ count: z.number(), villages: z.number() }),
  }),
  changes: z.object({ vsBaseline: z.number(), byCounty: Histogram, vacated: z.number() }),
});

const Side = z.object({ id: z.string(), scenarioId: z.string(), metrics: MetricsView });

export const ComparisonView = z.object({
  a: Side,
  b: Side,
  moved: z.array(
    z.object({
      villageId: z.string(),
      /** lawyer ids, null when uncovered */
      from: z.string().nullable(),
      to: z.string().nullable(),
      /** the village's name, town and county in b's scenario (else a's) */
      village: z.string().optional(),
      town: z.string().optional(),
      county: z.string().optional(),
      /** the advisers' names in their own scenario */
      fromName: z.string().optional(),
      toName: z.string().optional(),
      /** road km from the adviser's base, before and after; extraKm = toKm − fromKm when both are covered */
      fromKm: z.number().optional(),
      toKm: z.number().optional(),
      extraKm: z.number().optional(),
    }),
  ),
  summary: z.object({
    moved: z.number(),
    reassigned: z.number(),
    newlyCovered: z.number(),
    newlyUncovered: z.number(),
    movedByCounty: Histogram,
    travelKmDelta: z.number(),
    meanKmDelta: z.number(),
    p95KmDelta: z.number(),
    maxKmDelta: z.number(),
    uncoveredDelta: z.number(),
    objectiveDelta: z.number(),
    blockingPairsDelta: z.number(),
    maxLoadDelta: z.number(),
    onlyInA: z.number(),
    onlyInB: z.number(),
  }),
});

/** SPEC §1 planner: two solutions side by side, and which villages changed adviser. */
export const compareRoutes: FastifyPluginAsyncZod<{ store: Store }> = async (app, { store }) => {
  app.get(
    '/v1/compare',
    {
      config: { access: { kind: 'solution-pair' } },
      schema: {
        summary: '比较两个方案:指标并列,列出更换顾问的村(社区)',
        description: '`moved` lists every village whose adviser differs between a (before) and b (after); `from`/`to` are lawyer ids, null when uncovered. Deltas are b − a.',
        querystring: z.object({ a: z.string().min(1).max(100), b: z.string().min(1).max(100) }),
        response: { 200: ComparisonView },
      },
    },
    async (request) => {
      const { a, b } = request.query;
      const [ra, rb] = request.granted.pair!;
      const [sa, sb, scenarioA, scenarioB] = await Promise.all([
        loadSolution(store, a),
        loadSolution(store, b),
        loadScenario(store, ra.scenario.id),
        loadScenario(store, rb.scenario.id),
      ]);
      // Counties as b's scenario draws them (a village may have been moved to another town by a change).
      const geo = new Geography(scenarioB);
      const countyOf = (villageId: string) => {
        const v = geo.villageIndex.get(villageId);
        return v === undefined ? undefined : geo.vCounty[v];
      };
      const c = compareSolutions(sa, sb, countyOf);
      const regions = new Map([...scenarioA.regions, ...scenarioB.regions].map((r) => [r.id, r]));
      const villages = new Map([...scenarioA.villages, ...scenarioB.villages].map((v) => [v.id, v]));
      const namesA = new Map(scenarioA.lawyers.map((l) => [l.id, l.name]));
      const namesB = new Map(scenarioB.lawyers.map((l) => [l.id, l.name]));
      const kmA = new Map(sa.assignments.map((x) => [x.villageId, x.travelKm]));
      const kmB = new Map(sb.assignments.map((x) => [x.villageId, x.travelKm]));
      const round = (km: number) => Math.round(km * 1000) / 1000;
      const moved = c.moved.map((m) => {
        const v = villages.get(m.villageId);
        const town = v ? regions.get(v.townId) : undefined;
        const county = town?.parentId ? regions.get(town.parentId) : undefined;
        const fromKm = kmA.get(m.villageId);
        const toKm = kmB.get(m.villageId);
        return {
          ...m,
          ...(v ? { village: v.name } : {}),
          ...(town ? { town: town.name } : {}),
          ...(county ? { county: county.name } : {}),
          ...(m.from ? { fromName: namesA.get(m.from) ?? namesB.get(m.from) } : {}),
          ...(m.to ? { toName: namesB.get(m.to) ?? namesA.get(m.to) } : {}),
          ...(fromKm !== undefined ? { fromKm } : {}),
          ...(toKm !== undefined ? { toKm } : {}),
          ...(fromKm !== undefined && toKm !== undefined ? { extraKm: round(toKm - fromKm) } : {}),
        };
      });
      return {
        a: { id: ra.solution.id, scenarioId: ra.scenario.id, metrics: c.a },
        b: { id: rb.solution.id, scenarioId: rb.scenario.id, metrics: c.b },
        moved,
        summary: c.summary,
      };
    },
  );
};
