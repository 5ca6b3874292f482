import type { LonLat } from '../domain/index.js';

/** Mean earth radius in km (MODEL.md). */
export const EARTH_RADIUS_KM = 6371.0088;
const RAD = Math.PI / 180;
/** km per degree of latitude. */
export const KM_PER_DEGREE = EARTH_RADIUS_KM * RAD;

/** Great-circle km between two `[lon, lat]` points, by the haversine formula. */
export function haversineKm(a: LonLat, b: LonLat): number {
  const dLat = (b[1] - a[1]) * RAD;
  const dLon = (b[0] - a[0]) * RAD;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a[1] * RAD) * Math.cos(b[1] * RAD) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * Points bucketed on a lat/lon grid, so "everything within r km" scans a few cells
 * instead of every point.
 */
export class PointGrid<T> {
  private readonly cells = new Map<number, { at: LonLat; item: T }[]>();
  private readonly all: { at: LonLat; item: T }[] = [];

  constructor(private readonly cellDegrees = 0.25) {}

  add(at: LonLat, item: T): void {
    const entry = { at, item };
    this.all.push(entry);
    const key = this.key(this.row(at[1]), this.col(at[0]));
    const bucket = this.cells.get(key);
    if (bucket) bucket.push(entry);
    else this.cells.set(key, [entry]);
  }

  /** Every item within `km` great-circle km of `centre`, with its distance. */
  within(centre: LonLat, km: number): { item: T; km: number }[] {
    const dLat = (km / KM_PER_DEGREE) * 1.01 + 1e-9;
    const latLo = centre[1] - dLat;
    const latHi = centre[1] + dLat;
    const cosLat = Math.cos(Math.max(Math.abs(latLo), Math.abs(latHi)) * RAD);
    const dLon = cosLat > 0.01 ? dLat / cosLat : 360;
    const lonLo = centre[0] - dLon;
    const lonHi = centre[0] + dLon;
    const out: { item: T; km: number }[] = [];
    const keep = (e: { at: LonLat; item: T }) => {
      const d = haversineKm(centre, e.at);
      if (d <= km) out.push({ item: e.item, km: d });
    };
    // Near a pole or across the date line the box is not a box: look at everything.
    if (latLo < -90 || latHi > 90 || lonLo < -180 || lonHi > 180) {
      this.all.forEach(keep);
      return out;
    }
    for (let r = this.row(latLo); r <= this.row(latHi); r++) {
      for (let c = this.col(lonLo); c <= this.col(lonHi); c++) {
        this.cells.get(this.key(r, c))?.forEach(keep);
      }
    }
    return out;
  }

  private row(lat: number): number {
    return Math.floor(lat / this.cellDegrees);
  }
  private col(lon: number): number {
    return Math.floor(lon / this.cellDegrees);
  }
  private key(row: number, col: number): number {
    return (row + 100_000) * 200_000 + (col + 100_000);
  }
}
