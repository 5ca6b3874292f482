import { createHash } from 'node:crypto';
import { parseScenario, type Scenario, type Solution } from '../domain/index.js';
import type { Store } from '../store/types.js';

/** One village's public card (R14): who advises it and how to reach them — nothing else about the lawyer. */
export interface PublicCard {
  village: { id: string; name: string; town?: string; county?: string; city?: string };
  adviser: { name: string; firm: string; phone?: string; email?: string; wechat?: string } | null;
  serviceContent: string;
  serviceTimes: string;
  supervisingBureau: { bureau: string; phone: string; email: string } | null;
  complaintEmail: string | null;
}

interface Entry {
  /** the card as UTF-8 JSON, encoded once rather than on every answer */
  body: Buffer;
  etag: string;
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
      supervisingBureau: contact ? { bureau: contact.bureau, phone: contact.phone, email: contact.email } : null,
      complaintEmail: scenario.notice?.complaintEmail ?? null,
    });
  }
  return cards;
}

/**
 * The public look-up, served from memory: every village of every published solution, its card
 * serialised once with an ETag. Rebuilt when a solution is published.
 */
export class PublicDirectory {
  private entries = new Map<string, Entry>();

  get size(): number {
    return this.entries.size;
  }

  lookup(villageId: string): Entry | undefined {
    return this.entries.get(villageId);
  }

  async reload(store: Store): Promise<void> {
    const next = new Map<string, Entry>();
    for (const rec of await store.listPublished()) {
      const [scenarioText, solutionText] = await Promise.all([store.getScenarioBody(rec.scenarioId), store.getSolutionBody(rec.id)]);
      if (!scenarioText || !solutionText) continue;
      const cards = publicCards(parseScenario(JSON.parse(scenarioText)), JSON.parse(solutionText) as Solution);
      for (const [id, card] of cards) {
        const body = Buffer.from(JSON.stringify(card));
        next.set(id, { body, etag: `"${createHash('sha1').update(body).digest('base64url')}"` });
      }
    }
    this.entries = next;
  }
}
