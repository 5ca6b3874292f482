import type { Scenario } from './scenario.js';

export interface ScenarioSummary {
  villages: number;
  lawyers: { practicing: number; intern: number; pairedAssistance: number };
  firms: number;
  /** villages per city and per county, keyed by region id, with the region's name */
  cities: { id: string; name: string; villages: number; counties: { id: string; name: string; villages: number }[] }[];
}

/** Counts a bureau checks after an upload: villages by city and county, lawyers by status. */
export function summarize(s: Scenario): { summary: ScenarioSummary; regions: string[] } {
  const byId = new Map(s.regions.map((r) => [r.id, r]));
  const up = (id: string | undefined, level: 'city' | 'county') => {
    for (let r = id === undefined ? undefined : byId.get(id), hops = 0; r && hops < 64; hops++) {
      if (r.level === level) return r;
      r = r.parentId === undefined ? undefined : byId.get(r.parentId);
    }
    return undefined;
  };
  const counts = new Map<string, Map<string, number>>();
  for (const v of s.villages) {
    const city = up(v.townId, 'city')?.id ?? '(none)';
    const county = up(v.townId, 'county')?.id ?? '(none)';
    const inCity = counts.get(city) ?? new Map<string, number>();
    inCity.set(county, (inCity.get(county) ?? 0) + 1);
    counts.set(city, inCity);
  }
  const name = (id: string) => byId.get(id)?.name ?? id;
  const cities = [...counts.entries()].map(([id, counties]) => ({
    id,
    name: name(id),
    villages: [...counties.values()].reduce((a, b) => a + b, 0),
    counties: [...counties.entries()].map(([cid, n]) => ({ id: cid, name: name(cid), villages: n })),
  }));
  const regions = [...new Set(cities.flatMap((c) => [c.id, ...c.counties.map((k) => k.id)]))].filter((id) => id !== '(none)');
  return {
    summary: {
      villages: s.villages.length,
      lawyers: {
        practicing: s.lawyers.filter((l) => l.status === 'practicing').length,
        intern: s.lawyers.filter((l) => l.status === 'intern').length,
        pairedAssistance: s.lawyers.filter((l) => l.pairedAssistance).length,
      },
      firms: s.firms.length,
      cities,
    },
    regions,
  };
}
