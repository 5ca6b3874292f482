import { lawyerCap, type Policy } from '../domain/index.js';
import type { Preferences } from './preferences.js';
import type { Reach } from './reach.js';
import type { Rng } from './random.js';
import type { GenVillage, LawyerInput, PairInput } from './types.js';

/** Share of villages pinned to their baseline lawyer when pins are asked for (R6). */
const PIN_SHARE = 0.01;

/**
 * A plausible assignment in force (last year's): each village in turn goes to the nearest
 * practicing lawyer who may serve it (same city or paired, in range, no veto either way) and
 * has room under their cap (R1); among lawyers at one office, the least loaded. Villages
 * no one can take stay out of it.
 */
export function buildBaseline(reach: Reach, villages: GenVillage[], prefs: Preferences, policy: Policy): PairInput[] {
  const villageVetoes = new Map(prefs.villages.map((p) => [p.villageId, new Set(p.vetoes ?? [])]));
  const lawyerVetoes = new Map(prefs.lawyers.map((p) => [p.lawyerId, new Set(p.vetoes ?? [])]));
  const load = new Map<string, number>();
  const cap = (l: LawyerInput) => lawyerCap(policy, l);
  const allowed = (v: GenVillage, l: LawyerInput) => {
    const vv = villageVetoes.get(v.record.id);
    return !(vv?.has(l.id) || vv?.has(l.firmId) || lawyerVetoes.get(l.id)?.has(v.record.id)) && (load.get(l.id) ?? 0) < cap(l);
  };
  const out: PairInput[] = [];
  for (const v of villages) {
    for (const { item: site } of reach.sitesNear(v)) {
      const open = site.lawyers.filter((l) => allowed(v, l));
      if (open.length === 0) continue;
      const lawyer = open.reduce((best, l) => ((load.get(l.id) ?? 0) < (load.get(best.id) ?? 0) ? l : best));
      load.set(lawyer.id, (load.get(lawyer.id) ?? 0) + 1);
      out.push({ villageId: v.record.id, lawyerId: lawyer.id });
      break;
    }
  }
  return out;
}

/** Pins (R6) taken from the baseline, so they respect caps, vetoes and reach by construction. */
export function pickPins(rng: Rng, baseline: PairInput[]): PairInput[] {
  return baseline.filter(() => rng.chance(PIN_SHARE)).map((p) => ({ villageId: p.villageId, lawyerId: p.lawyerId }));
}
