import type { Scenario } from './scenario.js';

/** Where something lies: the county and city above it in a region tree (either may be missing). */
export interface Place {
  countyId?: string;
  cityId?: string;
}

interface TreeRegion {
  id: string;
  level: string;
  parentId?: string;
}

/**
 * The county and city of each region of a tree, walking up the parents once per region (a loop or a
 * chain longer than 64 stops the walk, as every other reader of the tree does).
 */
export class RegionTree {
  private readonly byId: Map<string, TreeRegion>;
  private readonly places = new Map<string, Place>();

  constructor(regions: readonly TreeRegion[]) {
    this.byId = new Map(regions.map((r) => [r.id, r]));
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  level(id: string): string | undefined {
    return this.byId.get(id)?.level;
  }

  /** The county and city that region `id` lies in (itself when it is one); empty for an unknown id. */
  place(id: string | undefined): Place {
    if (id === undefined) return {};
    const known = this.places.get(id);
    if (known) return known;
    const place: Place = {};
    for (let r = this.byId.get(id), hops = 0; r && hops < 64; hops++) {
      if (r.level === 'county' && place.countyId === undefined) place.countyId = r.id;
      if (r.level === 'city') {
        place.cityId = r.id;
        break;
      }
      r = r.parentId === undefined ? undefined : this.byId.get(r.parentId);
    }
    this.places.set(id, place);
    return place;
  }
}

/** Where a scenario's villages, firms and lawyers lie, by its own region tree. */
export class ScenarioPlaces {
  readonly tree: RegionTree;
  private readonly firmRegion: Map<string, string>;
  private readonly lawyerFirm: Map<string, string>;

  constructor(private readonly scenario: Pick<Scenario, 'regions' | 'firms' | 'lawyers'>) {
    this.tree = new RegionTree(scenario.regions);
    this.firmRegion = new Map(scenario.firms.map((f) => [f.id, f.regionId]));
    this.lawyerFirm = new Map(scenario.lawyers.map((l) => [l.id, l.firmId]));
  }

  /** A village's county and city, by its town. */
  village(v: { townId: string }): Place {
    return this.tree.place(v.townId);
  }

  firm(firmId: string): Place {
    return this.tree.place(this.firmRegion.get(firmId));
  }

  /** A lawyer lies where their firm does. */
  lawyer(lawyerId: string): Place {
    const firm = this.lawyerFirm.get(lawyerId);
    return firm === undefined ? {} : this.firm(firm);
  }
}
