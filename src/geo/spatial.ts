import KDBush from 'kdbush';
import { boundingDegrees, haversineKm } from './distance.js';

/**
 * A static index of points in degrees that answers "which points lie within r km",
 * exactly: kdbush narrows to a lon/lat box, haversine decides.
 */
export class PointIndex {
  private readonly tree: KDBush;
  constructor(
    readonly lons: Float64Array,
    readonly lats: Float64Array,
  ) {
    this.tree = new KDBush(Math.max(1, lons.length), 64, Float64Array);
    for (let i = 0; i < lons.length; i++) this.tree.add(lons[i], lats[i]);
    if (lons.length === 0) this.tree.add(0, 90); // kdbush needs one point; id 0 is then filtered out below
    this.tree.finish();
  }

  get size(): number {
    return this.lons.length;
  }

  /** Ids of the points within `km` of `[lon, lat]`, with their distances, unsorted. */
  within(lon: number, lat: number, km: number, ids: number[], dists: number[]): void {
    ids.length = 0;
    dists.length = 0;
    if (this.lons.length === 0) return;
    const { dLat, dLon } = boundingDegrees(lat, km);
    const hits = this.tree.range(lon - dLon, lat - dLat, lon + dLon, lat + dLat);
    for (const id of hits) {
      const d = haversineKm(lon, lat, this.lons[id], this.lats[id]);
      if (d <= km) {
        ids.push(id);
        dists.push(d);
      }
    }
  }
}
