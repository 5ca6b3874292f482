/**
 * The public look-up's cards (R14), built off the event loop: a published solution's villages with
 * their adviser and, from its calendars, their upcoming on-site visits. A province is 26,500 cards and
 * up to a year of calendars (~130 MB of JSON), so the IO worker builds them (task `public-cards`) and
 * hands the service a packed result: the cards' UTF-8 bodies in one buffer, ids, ETags and visits in
 * one string each, and their ends — a few messages' worth of copying instead of 26,500 objects.
 */
import { createHash } from 'node:crypto';
import type { Calendar, Place, Scenario, Solution, Visit } from '../domain/index.js';

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
  /** the bureau that published this card (R14: who answers for it), and when */
  publishedBy: string;
  publishedAt: string;
}

/** Cards a solution supplies that one publication made: who published them when (a few per solution, villages by the thousand). */
export interface CardPublication {
  publisher: string;
  publishedAt: string;
  villageIds: string[];
}

/** A card as served: UTF-8 JSON, encoded once rather than on every answer, and its ETag. */
export interface CardEntry {
  body: Buffer;
  etag: string;
}

/** One slot a village is visited in: `date start end kind`, e.g. `2027-01-05 09:00 11:00 onsite`. */
export type Slot = string;

const KIND_NAMES: Record<Visit['kind'], string> = { onsite: '现场服务', 'evening-school': '法律夜校', weekend: '周末服务', remote: '远程服务' };
const WEEKDAYS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];
/** how many upcoming visits a card lists */
export const NEXT_VISITS = 3;
const DEFAULT_CONTENT = '为村(社区)提供法律咨询、矛盾纠纷排查化解、法治宣传、参与起草审核村规民约和重要合同等法律服务。';

function publicVisit(slot: Slot): PublicVisit {
  const [date, start, end, kind] = slot.split(' ') as [string, string, string, Visit['kind']];
  const weekday = WEEKDAYS[new Date(`${date}T00:00:00Z`).getUTCDay()];
  return { date, weekday, start, end, kind, kindName: KIND_NAMES[kind] };
}

/** `1月5日(周二)09:00–11:00 现场服务` */
const visitText = (v: PublicVisit) => `${Number(v.date.slice(5, 7))}月${Number(v.date.slice(8, 10))}日(${v.weekday})${v.start}–${v.end} ${v.kindName}`;

function encode(card: PublicCard): CardEntry {
  const body = Buffer.from(JSON.stringify(card));
  return { body, etag: `"${createHash('sha1').update(body).digest('base64url')}"` };
}

/**
 * The card as of `today`: `card` as `publicCards` made it (the policy's promise, no visits), with the
 * next of `slots` (a village's, in time order, each once) from `today` on listed and named in `serviceTimes`.
 */
export function renderCard(card: PublicCard, slots: readonly Slot[], today: string): CardEntry {
  const upcoming: PublicVisit[] = [];
  for (const s of slots) {
    if (upcoming.length === NEXT_VISITS) break;
    if (s.slice(0, 10) >= today) upcoming.push(publicVisit(s));
  }
  return encode(
    upcoming.length ? { ...card, serviceTimes: `近期到村(社区)服务:${upcoming.map(visitText).join(';')}。`, nextVisits: upcoming } : card,
  );
}

/** The policy's promise, what a card says of service times while no visit is planned. */
export function policyTimes(scenario: Scenario): string {
  const s = scenario.policy.service;
  return `每月至少 ${s.minOnsiteVisitsPerMonth} 次到村(社区)现场服务,每月服务不少于 ${s.monthlyHours} 小时,可预约法律夜校和周末服务。`;
}

/** The cards of the villages `published`, built from the scenario and the solution in force for them. */
export function publicCards(scenario: Scenario, solution: Solution, published: readonly CardPublication[]): Map<string, PublicCard> {
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
  const times = policyTimes(scenario);
  const villages = new Map(scenario.villages.map((v) => [v.id, v]));
  const cards = new Map<string, PublicCard>();
  for (const pub of published.flatMap((p) => p.villageIds.map((villageId) => ({ villageId, publisher: p.publisher, publishedAt: p.publishedAt })))) {
    const v = villages.get(pub.villageId);
    if (!v) continue;
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
      publishedBy: pub.publisher,
      publishedAt: pub.publishedAt,
    });
  }
  return cards;
}

/** A calendar of a published solution: the months it may supply, and the region it was built for (null: all). */
export interface CardCalendar {
  calendar: Calendar;
  months: readonly string[];
  scope: string | null;
}

/**
 * Each village's on-site slots from `today` on, in time order, a team's joint visit once. `calendars`
 * come newest first: a village's month comes from the newest calendar that covers the month and was
 * built for the whole solution or for the village's county or city (`placeOf`).
 */
export function upcomingSlots(calendars: readonly CardCalendar[], today: string, placeOf: (villageId: string) => Place): Map<string, Slot[]> {
  const months = calendars.map((c) => new Set(c.months));
  const supplier = new Map<string, number>();
  const supplierOf = (villageId: string, month: string) => {
    const key = `${villageId} ${month}`;
    let i = supplier.get(key);
    if (i === undefined) {
      const place = placeOf(villageId);
      i = calendars.findIndex((c, k) => months[k].has(month) && (c.scope === null || c.scope === place.countyId || c.scope === place.cityId));
      supplier.set(key, i);
    }
    return i;
  };
  const byVillage = new Map<string, Set<Slot>>();
  for (const [i, { calendar }] of calendars.entries()) {
    for (const v of calendar.visits) {
      if (v.kind === 'remote' || v.date < today || supplierOf(v.villageId, v.date.slice(0, 7)) !== i) continue;
      let set = byVillage.get(v.villageId);
      if (!set) byVillage.set(v.villageId, (set = new Set()));
      set.add(`${v.date} ${v.start} ${v.end} ${v.kind}`);
    }
  }
  // `date start end kind` in fixed widths: text order is time order
  return new Map([...byVillage].map(([id, set]) => [id, [...set].sort()]));
}

/** Every card of a published solution, packed for the trip from the worker (see the module's note). */
export interface PackedCards {
  /** how many cards */
  count: number;
  /** the villages' ids, joined */
  ids: string;
  /** the cards' ETags, joined */
  etags: string;
  /** each village's upcoming slots joined by `;` (empty without), all joined */
  slots: string;
  /** the cards' bodies as rendered for `today`, joined */
  bodies: Uint8Array<ArrayBuffer>;
  /** per card, the end of its id, ETag, slots and body: `ends[4 * i + 0 … 3]` */
  ends: Uint32Array<ArrayBuffer>;
  /** the policy's promise (`policyTimes`), for rendering a card again on a later day */
  times: string;
}

export function packCards(scenario: Scenario, solution: Solution, published: readonly CardPublication[], slotsByVillage: Map<string, Slot[]>, today: string): PackedCards {
  const cards = publicCards(scenario, solution, published);
  const ids: string[] = [];
  const etags: string[] = [];
  const slots: string[] = [];
  const bodies: Buffer[] = [];
  const ends = new Uint32Array(4 * cards.size);
  let i = 0;
  let [idEnd, etagEnd, slotEnd, bodyEnd] = [0, 0, 0, 0];
  for (const [id, card] of cards) {
    const list = slotsByVillage.get(id) ?? [];
    const entry = renderCard(card, list, today);
    const joined = list.join(';');
    ids.push(id);
    etags.push(entry.etag);
    slots.push(joined);
    bodies.push(entry.body);
    ends[4 * i] = idEnd += id.length;
    ends[4 * i + 1] = etagEnd += entry.etag.length;
    ends[4 * i + 2] = slotEnd += joined.length;
    ends[4 * i + 3] = bodyEnd += entry.body.length;
    i++;
  }
  // a buffer of its own (Buffer.concat may hand out a slice of a shared pool), so it can be transferred
  const packed = new Uint8Array(bodyEnd);
  let at = 0;
  for (const b of bodies) {
    packed.set(b, at);
    at += b.length;
  }
  return { count: cards.size, ids: ids.join(''), etags: etags.join(''), slots: slots.join(''), bodies: packed, ends, times: policyTimes(scenario) };
}
