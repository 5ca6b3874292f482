import { parseScenario, type Scenario, ScenarioPlaces } from '../domain/index.js';
import type { PublicationOutcome, Store } from '../store/types.js';
import type { Principal } from './auth.js';
import { publishable } from './policy.js';

/**
 * The bureau a card names as its publisher: a city or county key's bureau as its scenario gives it
 * (the region's contact, else its name + 司法局); an admin's own label.
 */
export function publisherName(p: Principal, scenario: Pick<Scenario, 'regions'>): string {
  if (p.kind === 'admin') return p.keyId === 'env' ? '系统管理员' : `管理员(${p.label})`;
  const region = scenario.regions.find((r) => r.id === p.code);
  if (region?.contact?.bureau) return region.contact.bureau;
  if (region) return `${region.name}司法局`;
  return p.label || `${p.kind === 'city' ? '市' : '县(区)'}司法局 ${p.code}`;
}

/**
 * Publishes a solution's cards as far as the caller may: every village of its scenario whose owner
 * county lies in the caller's region (a village no county owns yet is claimed for the county the
 * scenario puts it in). Cards of other villages stay as they were.
 */
export function publishSolutionCards(store: Store, p: Principal, solutionId: string, scenario: Scenario, opts: { dryRun?: boolean } = {}): Promise<PublicationOutcome> {
  const places = new ScenarioPlaces(scenario);
  const entries = scenario.villages.map((v) => ({ villageId: v.id, ...places.village(v) }));
  const meta = { publisher: publisherName(p, scenario), keyId: p.keyId === 'env' ? null : p.keyId, keyLabel: p.label };
  return store.publishVillages(solutionId, entries, meta, publishable(p), opts);
}

/** Withdraws the solution's cards in the caller's region; returns the villages withdrawn. */
export function unpublishSolutionCards(store: Store, p: Principal, solutionId: string): Promise<string[]> {
  return store.unpublishVillages(solutionId, publishable(p));
}

/**
 * Solutions published before cards were published village by village (the whole solution in force for
 * a region): each has its villages published again, as an admin would, oldest region first, and then
 * loses the old mark. Returns how many solutions.
 */
export async function republishLegacy(store: Store): Promise<number> {
  const legacy = await store.listLegacyPublished();
  const upgrade: Principal = { kind: 'admin', keyId: 'env', label: 'schema upgrade' };
  for (const rec of legacy) {
    const text = await store.getScenarioBody(rec.scenarioId);
    if (text) await publishSolutionCards(store, upgrade, rec.id, parseScenario(JSON.parse(text)));
    await store.clearLegacyPublished(rec.id);
  }
  return legacy.length;
}
