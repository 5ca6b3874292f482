/**
 * Who may read or change what: the one place where access is decided (docs/ACCESS.md is written from it).
 *
 * Every route declares its rule in `config.access`; a route without one is refused when the app is built.
 * This plugin authenticates the caller where the rule asks for a key, loads the record the rule names
 * (scenario, solution, calendar, job), and answers 404 for a record outside the caller's region (as if
 * it did not exist) or 403 for a change the key may not make. What a write changes inside a record —
 * a new version's villages and lawyers, the villages a publication covers, a re-plan's scope, a
 * calendar's region — is decided by the functions below, which the routes call with what they parsed.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Issue, Place, ScenarioDelta } from '../domain/index.js';
import type { ScenarioSummary } from '../domain/summary.js';
import type { CalendarRecord, JobRecord, ScenarioRecord, SolutionRecord, Store } from '../store/types.js';
import { authenticate, type Principal, scopeText } from './auth.js';
import { forbidden, HttpProblem, notFound } from './problem.js';

/** A route's rule. Resource rules take the record's id from the path parameter `id` (`jobId` for jobs). */
export type Access =
  | { kind: 'public' }
  | { kind: 'key' }
  | { kind: 'admin' }
  | { kind: 'scenario-list' }
  | { kind: 'scenario-create' }
  | { kind: 'scenario'; action: 'read' | 'change' | 'derive' }
  | { kind: 'solution'; action: 'read' | 'derive' | 'publish' | 'calendar' }
  /** two solutions named by the query's `a` and `b` */
  | { kind: 'solution-pair' }
  | { kind: 'calendar'; action: 'read' }
  | { kind: 'job'; action: 'read' | 'cancel' };

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
  interface FastifyRequest {
    principal: Principal;
    /** the records the route's rule loaded and granted */
    granted: Granted;
  }
  interface FastifyInstance {
    /** every route's method, path and rule, in the order they were declared (docs/ACCESS.md is written from it) */
    accessRules: RouteRule[];
  }
}

export interface RouteRule {
  method: string;
  url: string;
  access: Access;
}

export interface Granted {
  scenario?: ScenarioRecord;
  solution?: SolutionRecord;
  calendar?: CalendarRecord;
  job?: JobRecord;
  /** `solution-pair`: the query's `a` and `b` with their scenarios */
  pair?: { solution: SolutionRecord; scenario: ScenarioRecord }[];
}

/** The rule in words, for docs/ACCESS.md and the OpenAPI description of each operation. */
export function describeAccess(a: Access): string {
  switch (a.kind) {
    case 'public':
      return 'anyone, no key';
    case 'key':
      return 'any key';
    case 'admin':
      return 'admin only';
    case 'scenario-list':
      return 'any key; lists the scenarios that contain the key’s region (all for admin)';
    case 'scenario-create':
      return 'admin; a city or county key when every village of the new scenario lies in its region';
    case 'scenario':
      return {
        read: 'admin; a key whose region the scenario contains (a county reads a city-wide scenario that contains it)',
        change: 'admin; a city or county key when every village of the scenario lies in its region',
        derive: 'read the scenario; a city or county key only changes villages, lawyers and firms in its region (policy, year and notice only when the whole scenario is)',
      }[a.action];
    case 'solution':
      return {
        read: 'whoever may read its scenario',
        derive: 'read the solution; the re-plan scope is capped at the key’s county (a city key: a county of its city) and the changes follow the version rule',
        publish: 'read the solution; covers only the villages whose owner county lies in the key’s region, every other card stays as it was',
        calendar: 'read the solution; a city or county key builds the calendar of its own region’s villages',
      }[a.action];
    case 'solution-pair':
      return 'whoever may read both solutions';
    case 'calendar':
      return 'whoever may read its solution';
    case 'job':
      return {
        read: 'whoever may read its scenario',
        cancel: 'admin; the key’s region holds the job’s submitter or the whole scenario',
      }[a.action];
  }
}

// --- regions of a scenario and of a key ---------------------------------------------------------

/** The cities and counties a scenario's villages lie in, from its stored summary; `unplaced` villages have no county or city. */
export function extentOf(rec: Pick<ScenarioRecord, 'summary'>): { cities: Set<string>; counties: Set<string>; unplaced: boolean; countyCity: Map<string, string> } {
  const summary = rec.summary as ScenarioSummary | null;
  const cities = new Set<string>();
  const counties = new Set<string>();
  const countyCity = new Map<string, string>();
  let unplaced = false;
  for (const city of summary?.cities ?? []) {
    if (city.id === '(none)') unplaced = true;
    else cities.add(city.id);
    for (const county of city.counties) {
      if (county.id === '(none)') unplaced = true;
      else {
        counties.add(county.id);
        if (city.id !== '(none)') countyCity.set(county.id, city.id);
      }
    }
  }
  return { cities, counties, unplaced, countyCity };
}

/** Is every village of the scenario inside the key's region? (Always for admin; never for a scenario without villages.) */
export function whollyIn(p: Principal, rec: Pick<ScenarioRecord, 'summary'>): boolean {
  if (p.kind === 'admin') return true;
  const e = extentOf(rec);
  if (e.unplaced) return false;
  const own = p.kind === 'city' ? e.cities : e.counties;
  return own.size === 1 && own.has(p.code);
}

/** May the caller read something of this scenario? A key reads what contains its region. */
export const mayRead = (p: Principal, rec: Pick<ScenarioRecord, 'regions'>): boolean => p.kind === 'admin' || rec.regions.includes(p.code);

/** Does a place lie in the key's region? */
export function placeIn(p: Principal, place: { countyId?: string | null; cityId?: string | null }): boolean {
  if (p.kind === 'admin') return true;
  return (p.kind === 'city' ? place.cityId : place.countyId) === p.code;
}

const regionWords = (p: Principal) => (p.kind === 'admin' ? 'everywhere' : `${p.kind} ${p.code}`);

/** The region a write concerns, for the audit trail: the key's own, else the scenario's when it lies in one county or city. */
function auditRegion(p: Principal, rec?: Pick<ScenarioRecord, 'summary'>): string | undefined {
  if (p.kind !== 'admin') return p.code;
  if (!rec) return undefined;
  const e = extentOf(rec);
  if (e.counties.size === 1) return [...e.counties][0];
  if (e.cities.size === 1) return [...e.cities][0];
  return undefined;
}

// --- rules on what a write changes ---------------------------------------------------------------

/** A new scenario (upload or import into a new one): every village in the key's region. */
export function assertCreate(p: Principal, rec: Pick<ScenarioRecord, 'summary' | 'regions'>): void {
  if (p.kind === 'admin' || whollyIn(p, rec)) return;
  const e = extentOf(rec);
  const where = [...(p.kind === 'city' ? e.cities : e.counties)].filter((c) => c !== p.code);
  throw forbidden(
    `a ${scopeText(p)} key may only store scenarios whose villages all lie in ${regionWords(p)}` +
      (where.length > 0 ? `; this one has villages in ${where.slice(0, 10).join(', ')}` : e.unplaced ? '; this one has villages in no county' : '; this one has none there'),
  );
}

/** At most this many out-of-region items are listed in a refusal. */
const LISTED = 50;

/**
 * A new version of a scenario the caller may read: a city or county key may add, remove or change only
 * villages, lawyers (by their firm), firms and regions that lie in its region before and after, and the
 * policy, year or notice only of a scenario wholly in its region.
 */
export function assertDerived(p: Principal, delta: ScenarioDelta, parent: Pick<ScenarioRecord, 'summary'>, child: Pick<ScenarioRecord, 'summary'>): void {
  if (p.kind === 'admin') return;
  const errors: Issue[] = [];
  let count = 0;
  const check = (collection: 'villages' | 'lawyers' | 'firms' | 'regions', what: string) => {
    for (const t of delta[collection]) {
      const outside = [t.before, t.after].find((place): place is Place => place !== undefined && !placeIn(p, place));
      if (!outside) continue;
      count++;
      if (errors.length < LISTED) {
        const at = outside.countyId ?? outside.cityId;
        errors.push({ path: collection, message: `${what} ${t.id} lies ${at ? `in ${outside.countyId ? 'county' : 'city'} ${at}` : 'in no county'}, outside ${regionWords(p)}`, value: t.id });
      }
    }
  };
  check('villages', 'village');
  check('lawyers', 'lawyer (by their firm)');
  check('firms', 'firm');
  check('regions', 'region');
  if (delta.shared.length > 0 && !(whollyIn(p, parent) && whollyIn(p, child))) {
    count++;
    errors.push({ path: delta.shared[0], message: `the ${delta.shared.join(', ')} concern${delta.shared.length === 1 ? 's' : ''} every village of a scenario that reaches beyond ${regionWords(p)}` });
  }
  if (count > 0) {
    throw new HttpProblem(
      403,
      'Forbidden',
      `a ${scopeText(p)} key may only change what lies in ${regionWords(p)}: ${count} change${count === 1 ? '' : 's'} reach${count === 1 ? 'es' : ''} beyond it`,
      errors,
    );
  }
}

/** A scenario's regions without their names and shapes: enough to resolve a re-plan's scope. */
type Outline = { regions: { id: string; level: string; parentId?: string }[] };

/** The city a county lies in, by a scenario's regions. */
function cityOf(s: Outline, countyId: string): string | undefined {
  const regions = new Map(s.regions.map((r) => [r.id, r]));
  for (let r = regions.get(countyId), hops = 0; r && hops < 64; hops++) {
    if (r.level === 'city') return r.id;
    r = r.parentId === undefined ? undefined : regions.get(r.parentId);
  }
  return undefined;
}

/**
 * R6 scope by caller: a county key re-plans its own county only; a city key one county of its city
 * (its whole city when no scope is named); an admin any county, or everything when none is named.
 */
export function replanScope(p: Principal, asked: string | undefined, s: Outline): string | undefined {
  if (p.kind === 'county') {
    if (asked !== undefined && asked !== p.code) throw forbidden(`a county key may only re-plan its own county ${p.code}, not ${asked}`);
    return p.code;
  }
  if (asked === undefined) return p.kind === 'city' ? p.code : undefined;
  const region = s.regions.find((r) => r.id === asked);
  if (!region || region.level !== 'county') {
    throw new HttpProblem(422, 'Unprocessable Content', 'scope must be a county of the scenario', [
      { path: 'scope', message: region ? `region is a ${region.level}, not a county` : 'unknown county', value: asked },
    ]);
  }
  if (p.kind === 'city' && cityOf(s, asked) !== p.code) throw forbidden(`county ${asked} is not in the city key's city ${p.code}`);
  return asked;
}

/** Which owners' cards a key may publish or withdraw: those whose owner county lies in its region. */
export const publishable = (p: Principal) => (owner: { countyId: string | null; cityId: string | null }) => placeIn(p, owner);

/** The region a calendar is built for: a city or county key's own; null (the whole solution) for an admin. */
export const calendarScope = (p: Principal): string | null => (p.kind === 'admin' ? null : p.code);

/** May this caller cancel the job? Admin; or the job's submitter or its whole scenario lies in the key's region. */
function mayCancel(p: Principal, job: JobRecord, scenario: ScenarioRecord): boolean {
  if (p.kind === 'admin' || whollyIn(p, scenario)) return true;
  if (job.scope === null) return false;
  if (job.scope === scopeText(p)) return true;
  // a city key holds the jobs its counties submitted
  const [kind, code] = job.scope.split(':');
  return p.kind === 'city' && kind === 'county' && extentOf(scenario).countyCity.get(code) === p.code;
}

// --- enforcement --------------------------------------------------------------------------------

async function grant(store: Store, request: FastifyRequest, a: Access): Promise<void> {
  const p = request.principal;
  const params = request.params as Record<string, string>;
  const g = request.granted;
  // the audit row names the region before any refusal below
  const region = auditRegion(p);
  if (region !== undefined) request.audit.region = region;
  const scenarioOf = async (id: string, what: string, recordId: string) => {
    const rec = await store.getScenario(id);
    if (!rec || !mayRead(p, rec)) throw notFound(what, recordId);
    const seen = auditRegion(p, rec);
    if (seen !== undefined) request.audit.region = seen;
    return rec;
  };
  switch (a.kind) {
    case 'public':
    case 'key':
    case 'scenario-list':
    case 'scenario-create':
    case 'admin': // other keys were refused in onRequest already
      break;
    case 'scenario': {
      const rec = await scenarioOf(params.id, 'scenario', params.id);
      if (a.action === 'change' && !whollyIn(p, rec)) {
        throw forbidden(`a ${scopeText(p)} key may only change a scenario whose villages all lie in ${regionWords(p)}; this one reaches beyond it`);
      }
      g.scenario = rec;
      break;
    }
    case 'solution': {
      const solution = await store.getSolution(params.id);
      if (!solution) throw notFound('solution', params.id);
      g.scenario = await scenarioOf(solution.scenarioId, 'solution', params.id);
      g.solution = solution;
      break;
    }
    case 'solution-pair': {
      const query = request.query as Record<string, string>;
      g.pair = [];
      for (const id of [query.a, query.b]) {
        const solution = await store.getSolution(id);
        if (!solution) throw notFound('solution', id);
        g.pair.push({ solution, scenario: await scenarioOf(solution.scenarioId, 'solution', id) });
      }
      break;
    }
    case 'calendar': {
      const calendar = await store.getCalendar(params.id);
      if (!calendar) throw notFound('calendar', params.id);
      g.scenario = await scenarioOf(calendar.scenarioId, 'calendar', params.id);
      g.calendar = calendar;
      break;
    }
    case 'job': {
      const job = await store.getJob(params.jobId);
      if (!job) throw notFound('job', params.jobId);
      const scenario = await scenarioOf(job.scenarioId, 'job', params.jobId);
      if (a.action === 'cancel' && !mayCancel(p, job, scenario)) throw forbidden(`a ${scopeText(p)} key may not cancel a job another region submitted`);
      g.scenario = scenario;
      g.job = job;
      break;
    }
  }
}

/** Routes a plugin of someone else's registers (the API docs page); they serve static pages to anyone. */
const FOREIGN = /^\/docs(\/|$)/;

/**
 * The access plugin: refuses to build an app with an undeclared route, authenticates keyed routes
 * (onRequest) and grants their records (preHandler, once the path and query are validated).
 */
export const accessPlugin = fp<{ store: Store; adminKey?: string; onAuthenticated?: (p: Principal) => void }>(
  async (app: FastifyInstance, { store, adminKey, onAuthenticated }) => {
    app.decorateRequest<Principal | null>('principal', null);
    app.decorateRequest('granted', null as unknown as Granted);
    const rules: RouteRule[] = [];
    app.decorate('accessRules', rules);
    app.addHook('onRoute', (route) => {
      if (FOREIGN.test(route.url)) {
        route.config = { ...(route.config ?? {}), access: { kind: 'public' } };
        return;
      }
      const access = route.config?.access;
      if (!access) throw new Error(`route ${String(route.method)} ${route.url} declares no access rule (config.access)`);
      for (const method of [route.method].flat()) if (method !== 'HEAD') rules.push({ method, url: route.url, access });
      // the rule is part of the contract: it reads in the OpenAPI document too
      if (route.schema && !route.schema.hide) {
        const said = typeof route.schema.description === 'string' ? `${route.schema.description}\n\n` : '';
        route.schema = { ...route.schema, description: `${said}**Who may call it:** ${describeAccess(access)}.`, 'x-ovola-access': access } as typeof route.schema;
      }
    });
    app.addHook('onRequest', async (request) => {
      request.granted = {};
      const a = request.routeOptions.config?.access;
      // unknown routes fall through to the 404 handler; public ones need no key
      if (!a || a.kind === 'public') return;
      request.principal = await authenticate(request, store, adminKey);
      onAuthenticated?.(request.principal);
      // an admin-only route refuses other keys before their input is even read
      if (a.kind === 'admin' && request.principal.kind !== 'admin') throw forbidden('only an admin key may do this');
    });
    app.addHook('preHandler', async (request) => {
      const a = request.routeOptions.config?.access;
      if (a && a.kind !== 'public') await grant(store, request, a);
    });
  },
  { name: 'ovola-access' },
);
