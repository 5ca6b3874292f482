import type { Rng } from './random.js';
import type { Near, Reach, Site } from './reach.js';
import type { GenVillage, LawyerInput, LawyerPreferenceInput, VillagePreferenceInput } from './types.js';

/** R5 two-way selection, at the rates of the brief: villages rank (10%) and veto (2%); lawyers rank (8%) and veto (1%). */
const VILLAGE_RANKS_SHARE = 0.1;
const VILLAGE_VETOES_SHARE = 0.02;
const LAWYER_RANKS_SHARE = 0.08;
const LAWYER_VETOES_SHARE = 0.01;
/** Of the villages that rank, the share that rank firms rather than lawyers. */
const RANKS_FIRMS_SHARE = 0.25;
/** Of the village vetoes, the share aimed at a whole firm. */
const VETOES_FIRM_SHARE = 0.15;
/** "Nearby": a village looks at its nearest 10 eligible lawyers, a lawyer at the nearest 20 villages. */
const NEARBY_LAWYERS = 10;
const NEARBY_VILLAGES = 20;

export interface Preferences {
  villages: VillagePreferenceInput[];
  lawyers: LawyerPreferenceInput[];
}

/** The items of `near`, best first: mostly nearest first, with a little taste mixed in. */
function rankByTaste<T>(rng: Rng, near: Near<T>[]): T[] {
  return near
    .map((n) => ({ item: n.item, score: n.km * rng.logNormal(1, 0.35) }))
    .sort((a, b) => a.score - b.score)
    .map((n) => n.item);
}

function nearbyLawyers(sites: Near<Site>[]): Near<LawyerInput>[] {
  const out: Near<LawyerInput>[] = [];
  for (const s of sites) {
    for (const l of s.item.lawyers) {
      if (out.length === NEARBY_LAWYERS) return out;
      out.push({ item: l, km: s.km });
    }
  }
  return out;
}

function nearbyFirms(sites: Near<Site>[]): Near<string>[] {
  const seen = new Set<string>();
  const out: Near<string>[] = [];
  for (const s of sites) {
    if (s.item.paired || seen.has(s.item.firm.id)) continue;
    seen.add(s.item.firm.id);
    out.push({ item: s.item.firm.id, km: s.km });
  }
  return out.slice(0, 5);
}

function villagePreference(rng: Rng, reach: Reach, v: GenVillage, ranks: boolean, vetoes: boolean): VillagePreferenceInput | undefined {
  const sites = reach.sitesNear(v);
  const lawyers = nearbyLawyers(sites);
  const firms = nearbyFirms(sites);
  const entry: VillagePreferenceInput = { villageId: v.record.id };
  let rankedLawyers: LawyerInput[] = [];
  if (ranks && rng.chance(RANKS_FIRMS_SHARE) && firms.length > 0) {
    entry.firms = rankByTaste(rng, rng.sample(firms, rng.int(1, 2)));
  } else if (ranks && lawyers.length > 0) {
    rankedLawyers = rankByTaste(rng, rng.sample(lawyers, rng.int(1, 3)));
    entry.lawyers = rankedLawyers.map((l) => l.id);
  }
  if (vetoes) {
    // never veto what the village also ranks: a ranked lawyer, a ranked firm, or a ranked lawyer's firm
    const liked = new Set([...rankedLawyers.flatMap((l) => [l.id, l.firmId]), ...(entry.firms ?? [])]);
    const veto = pickVeto(rng, lawyers, firms, liked);
    if (veto) entry.vetoes = [veto];
  }
  return entry.lawyers || entry.firms || entry.vetoes ? entry : undefined;
}

/** A lawyer (or, sometimes, a firm) to veto, chosen so that at least two nearby lawyers stay eligible. */
function pickVeto(rng: Rng, lawyers: Near<LawyerInput>[], firms: Near<string>[], liked: Set<string>): string | undefined {
  const leftAfter = (firmId: string) => lawyers.filter((l) => l.item.firmId !== firmId).length;
  const firmTargets = firms.filter((f) => !liked.has(f.item) && leftAfter(f.item) >= 2);
  if (firmTargets.length > 0 && rng.chance(VETOES_FIRM_SHARE)) return rng.pick(firmTargets).item;
  if (lawyers.length < 3) return undefined;
  const targets = lawyers.filter((l) => !liked.has(l.item.id) && !liked.has(l.item.firmId));
  return targets.length > 0 ? rng.pick(targets).item.id : undefined;
}

function lawyerPreference(rng: Rng, reach: Reach, lawyer: LawyerInput, ranks: boolean, vetoes: boolean): LawyerPreferenceInput | undefined {
  const site = reach.siteOfLawyer.get(lawyer.id);
  if (!site) return undefined;
  const near = reach.villagesNear(site).slice(0, NEARBY_VILLAGES);
  const entry: LawyerPreferenceInput = { lawyerId: lawyer.id };
  if (ranks && near.length > 0) entry.villages = rankByTaste(rng, rng.sample(near, rng.int(1, 3))).map((v) => v.record.id);
  if (vetoes && near.length >= 2) {
    const ranked = new Set(entry.villages ?? []);
    const targets = near.filter((n) => !ranked.has(n.item.record.id));
    if (targets.length > 0) entry.vetoes = [rng.pick(targets).item.record.id];
  }
  return entry.villages || entry.vetoes ? entry : undefined;
}

export function buildPreferences(rng: Rng, reach: Reach, villages: GenVillage[], lawyers: LawyerInput[]): Preferences {
  const out: Preferences = { villages: [], lawyers: [] };
  for (const v of villages) {
    const ranks = rng.chance(VILLAGE_RANKS_SHARE);
    const vetoes = rng.chance(VILLAGE_VETOES_SHARE);
    if (!ranks && !vetoes) continue;
    const entry = villagePreference(rng, reach, v, ranks, vetoes);
    if (entry) out.villages.push(entry);
  }
  for (const l of lawyers) {
    if (l.status !== 'practicing') continue;
    const ranks = rng.chance(LAWYER_RANKS_SHARE);
    const vetoes = rng.chance(LAWYER_VETOES_SHARE);
    if (!ranks && !vetoes) continue;
    const entry = lawyerPreference(rng, reach, l, ranks, vetoes);
    if (entry) out.lawyers.push(entry);
  }
  return out;
}
