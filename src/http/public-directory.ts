import { createHash } from 'node:crypto';
import { nextVisits } from '../calendar/index.js';
import { parseScenario, type Calendar, type Scenario, type Solution, type Visit } from '../domain/index.js';
import type { Store } from '../store/types.js';

/** One upcoming on-site visit as a villager reads it. */
export interface PublicVisit {
  date: string;
  /** 周一 … 周日 */
  weekday: string;
  start: string;
  end: string;
  kind: Visit['kind'];
  /** 现场服务 / 法律夜校 / 周末服务 */
  kindName: string;
}

/** One village's public card (R14): who advises it and how to reach them — nothing else about the lawyer. */
export interface PublicCard {
  village: { id: string; name: string; town?: string; county?: string; city?: string };
  adviser: { name: string; firm: string; phone?: string; email?: string; wechat?: string } | null;
  serviceContent: string;
  /** the next visits in words when a calendar is out, else the policy's promise */
  serviceTimes: string;
  /** the next on-site visits from the published solution's calendars (each month from the newest covering it); empty without one */
  nextVisits: PublicVisit[];
  supervisingBureau: { bureau: string; phone: string; email: string } | null;
  complaintEmail: string | null;
}

interface Entry {
  /** the card as UTF-8 JSON, encoded once rather than on every answer */
  body: Buffer;
  etag: string;
}

/** A village's card, and when a calendar is out its upcoming visits, so the card can move on day by day. */
interface Listing extends Entry {
  card: PublicCard;
  /** the village's on-site visits still to come when the directory was loaded, as a one-village calendar */
  visits?: Calendar;
  /** the (China) day the body was rendered for */
  day?: string;
}

const KIND_NAMES: Record<Visit['kind'], string> = { onsite: '现场服务', 'evening-school': '法律夜校', weekend: '周末服务', remote: '远程服务' };
const WEEKDAYS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];
/** how many upcoming visits a card lists */
const NEXT_VISITS = 3;

/** Today's date in China (UTC+8 all year, no daylight saving), `YYYY-MM-DD`. */
export const chinaToday = (now = Date.now()) => new Date(now + 8 * 3_600_000).toISOString().slice(0, 10);

function publicVisit(v: Visit): PublicVisit {
  const weekday = WEEKDAYS[new Date(`${v.date}T00:00:00Z`).getUTCDay()];
  return { date: v.date, weekday, start: v.start, end: v.end, kind: v.kind, kindName: KIND_NAMES[v.kind] };
}

/** `1月5日(周二)09:00–11:00 现场服务` */
const visitText = (v: PublicVisit) => `${Number(v.date.slice(5, 7))}月${Number(v.date.slice(8, 10))}日(${v.weekday})${v.start}–${v.end} ${v.kindName}`;

function encode(card: PublicCard): Entry {
  const body = Buffer.from(JSON.stringify(card));
  return { body, etag: `"${createHash('sha1').update(body).digest('base64url')}"` };
}

/** The card as of `today`: its next visits listed, and named in `serviceTimes`, when the calendar has any left. */
function render(listing: Listing, today: string): void {
  const upcoming: PublicVisit[] = [];
  if (listing.visits) {
    // a team's joint visit is one visit to the villager: drop repeats of the same slot
    const seen = new Set<string>();
    for (const v of nextVisits(listing.visits, listing.card.village.id, today, NEXT_VISITS * 4)) {
      const key = `${v.date} ${v.start} ${v.end} ${v.kind}`;
      if (seen.has(key) || upcoming.length === NEXT_VISITS) continue;
      seen.add(key);
      upcoming.push(publicVisit(v));
    }
  }
  const card: PublicCard = upcoming.length
    ? { ...listing.card, serviceTimes: `近期到村(社区)服务:${upcoming.map(visitText).join(';')}。`, nextVisits: upcoming }
    : listing.card;
  Object.assign(listing, encode(card), { day: today });
}

const DEFAULT_CONTENT = '为村(社区)提供法律咨询、矛盾纠纷排查化解、法治宣传、参与起草审核村规民约和重要合同等法律服务。';

/** Built from a scenario and the solution in force for it. */
export function publicCards(scenario: Scenario, solution: Solution): Map<string, PublicCard> {
  const regions = new Map(scenario.regions.map((r) => [r.id, r]));
  const firms = new Map(scenario.firms.map((f) => [f.id, f]));
  const lawyers = new Map(scenario.lawyers.map((l) => [l.id, l]));
  const byVillage = new Map(solution.assignments.map((a) => [a.villageId, a]));
  const up = (id: string | undefined, level: string) => {
    for (let r = id === undefined ? undefined : regions.get(id), hops = 0; r && hops < 64; hops++) {
      if (r.level === level) return r;
      r = r.parentId === undefined ? undefined : regions.get(r.parentId);
    }
    return undefined;
  };
  const s = scenario.policy.service;
  const times = `每月至少 ${s.minOnsiteVisitsPerMonth} 次到村(社区)现场服务,每月服务不少于 ${s.monthlyHours} 小时,可预约法律夜校和周末服务。`;
  const cards = new Map<string, PublicCard>();
  for (const v of scenario.villages) {
    const town = regions.get(v.townId);
    const county = up(v.townId, 'county');
    const city = up(v.townId, 'city');
    const a = byVillage.get(v.id);
    const lawyer = a ? lawyers.get(a.lawyerId) : undefined;
    const contact = county?.contact ?? city?.contact;
    cards.set(v.id, {
      village: { id: v.id, name: v.name, town: town?.name, county: county?.name, city: city?.name },
      adviser: lawyer
        ? { name: lawyer.name, firm: firms.get(lawyer.firmId)?.name ?? lawyer.firmId, phone: lawyer.contact?.phone, email: lawyer.contact?.email, wechat: lawyer.contact?.wechat }
        : null,
      serviceContent: scenario.notice?.serviceContent ?? DEFAULT_CONTENT,
      serviceTimes: times,
      nextVisits: [],
      supervisingBureau: contact ? { bureau: contact.bureau, phone: contact.phone, email: contact.email } : null,
      complaintEmail: scenario.notice?.complaintEmail ?? null,
    });
  }
  return cards;
}

/**
 * Each village's on-site visits from `today` on, as one-village calendars (what `nextVisits` reads).
 * A month's visits come from the newest calendar covering it, so a calendar made later for one month
 * replaces that month only, and one for next year does not hide the rest of this one.
 */
async function upcomingByVillage(store: Store, solutionId: string, today: string): Promise<Map<string, Calendar>> {
  const claimed = new Set<string>();
  const byVillage = new Map<string, Visit[]>();
  let provisional = false;
  for (const rec of await store.listCalendars(solutionId)) {
    const months = new Set(rec.months.filter((m) => m >= today.slice(0, 7) && !claimed.has(m)));
    if (months.size === 0) continue;
    const text = await store.getCalendarBody(rec.id);
    if (!text) continue;
    for (const m of months) claimed.add(m);
    provisional ||= rec.provisional;
    for (const v of (JSON.parse(text) as Calendar).visits) {
      if (v.kind === 'remote' || v.date < today || !months.has(v.date.slice(0, 7))) continue;
      let list = byVillage.get(v.villageId);
      if (!list) byVillage.set(v.villageId, (list = []));
      list.push(v);
    }
  }
  const months = [...claimed].sort();
  const out = new Map<string, Calendar>();
  for (const [id, visits] of byVillage) {
    out.set(id, { schema: 'ovola.calendar/v1', year: Number(today.slice(0, 4)), months, provisional, visits, summary: [], shortfalls: [] });
  }
  return out;
}

/**
 * The public look-up, served from memory: every village of every published solution, its card
 * serialised once with an ETag. Rebuilt when a solution is published or it gets a calendar; a card
 * with visits is rendered again on the first look-up of each day, so its next visits move on.
 */
export class PublicDirectory {
  private entries = new Map<string, Listing>();
  /** reloads run one after another, so a slow earlier one never overwrites a later one */
  private loading: Promise<void> = Promise.resolve();

  constructor(private readonly today: () => string = () => chinaToday()) {}

  get size(): number {
    return this.entries.size;
  }

  lookup(villageId: string): Entry | undefined {
    const listing = this.entries.get(villageId);
    if (listing?.visits) {
      const today = this.today();
      if (listing.day !== today) render(listing, today);
    }
    return listing;
  }

  reload(store: Store): Promise<void> {
    const run = this.loading.then(() => this.load(store));
    this.loading = run.catch(() => {});
    return run;
  }

  private async load(store: Store): Promise<void> {
    const next = new Map<string, Listing>();
    const today = this.today();
    for (const rec of await store.listPublished()) {
      const [scenarioText, solutionText] = await Promise.all([store.getScenarioBody(rec.scenarioId), store.getSolutionBody(rec.id)]);
      if (!scenarioText || !solutionText) continue;
      const cards = publicCards(parseScenario(JSON.parse(scenarioText)), JSON.parse(solutionText) as Solution);
      const visits = await upcomingByVillage(store, rec.id, today);
      for (const [id, card] of cards) {
        const listing: Listing = { card, body: Buffer.alloc(0), etag: '', visits: visits.get(id) };
        render(listing, today);
        next.set(id, listing);
      }
    }
    this.entries = next;
  }
}
