import type { LonLat } from '../domain/common.js';
import { haversineKm as haversine } from '../geo/distance.js';
import type { Rng } from './random.js';

const KM_PER_DEG_LAT = 110.574;
const KM_PER_DEG_LON_AT_EQUATOR = 111.32;

/** A Guangdong-like box (lon 109.7–117.2, lat 20.3–25.5) every generated point lies in. */
export const BOX = { lonMin: 109.7, lonMax: 117.2, latMin: 20.3, latMax: 25.5 } as const;
/** Where the Pearl River Delta cities' centres go (the real ones span lon 112.5–114.4, lat 22.2–23.1). */
export const PRD_BOX = { lonMin: 112.4, lonMax: 114.5, latMin: 22.2, latMax: 23.4 } as const;
export type Box = { lonMin: number; lonMax: number; latMin: number; latMax: number };

/** Great-circle km between two `[lon, lat]` points (the one formula the solver uses too). */
export function haversineKm(a: LonLat, b: LonLat): number {
  return haversine(a[0], a[1], b[0], b[1]);
}

/** The point `km` away on `bearing` (radians from north); flat-earth, good to <1% at the distances used here. */
export function destination(from: LonLat, km: number, bearing: number): LonLat {
  const lat = from[1] + (km * Math.cos(bearing)) / KM_PER_DEG_LAT;
  const lon = from[0] + (km * Math.sin(bearing)) / (KM_PER_DEG_LON_AT_EQUATOR * Math.cos((from[1] * Math.PI) / 180));
  return [round6(lon), round6(lat)];
}

/** Bearing (radians from north) from `a` to `b`. */
export function bearing(a: LonLat, b: LonLat): number {
  const dy = (b[1] - a[1]) * KM_PER_DEG_LAT;
  const dx = (b[0] - a[0]) * KM_PER_DEG_LON_AT_EQUATOR * Math.cos((a[1] * Math.PI) / 180);
  return Math.atan2(dx, dy);
}

/** Six decimals (~0.1 m), as in the real data: keeps the JSON short and byte-stable. */
export function round6(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

export function inBox(p: LonLat, box: Box = BOX): boolean {
  return p[0] >= box.lonMin && p[0] <= box.lonMax && p[1] >= box.latMin && p[1] <= box.latMax;
}

export function clampToBox(p: LonLat, box: Box = BOX): LonLat {
  return [
    round6(Math.min(box.lonMax, Math.max(box.lonMin, p[0]))),
    round6(Math.min(box.latMax, Math.max(box.latMin, p[1]))),
  ];
}

export function randomPointIn(rng: Rng, box: Box): LonLat {
  return [round6(rng.float(box.lonMin, box.lonMax)), round6(rng.float(box.latMin, box.latMax))];
}

/**
 * The points placed so far at one level (towns, villages…), hashed on a grid so "is anything
 * closer than d?" costs a few cells, not a scan. Cells are `cellKm` wide; d must not exceed it.
 */
export class SpacingGrid {
  private readonly cells = new Map<string, LonLat[]>();

  constructor(private readonly cellKm: number) {}

  private cellOf(p: LonLat): [number, number] {
    // a fixed latitude (23°N) for the x scale: the cells need only be about cellKm wide
    return [Math.floor((p[0] * KM_PER_DEG_LON_AT_EQUATOR * 0.9205) / this.cellKm), Math.floor((p[1] * KM_PER_DEG_LAT) / this.cellKm)];
  }

  add(p: LonLat): void {
    const [cx, cy] = this.cellOf(p);
    const key = `${cx},${cy}`;
    const list = this.cells.get(key);
    if (list) list.push(p);
    else this.cells.set(key, [p]);
  }

  /** True when no placed point lies within `minKm` of `p`. */
  isClear(p: LonLat, minKm: number): boolean {
    if (minKm > this.cellKm) throw new RangeError(`spacing ${minKm} km exceeds the grid's ${this.cellKm} km cells`);
    const [cx, cy] = this.cellOf(p);
    for (let dx = -1; dx <= 1; dx++) {
      for (let dy = -1; dy <= 1; dy++) {
        for (const q of this.cells.get(`${cx + dx},${cy + dy}`) ?? []) {
          if (haversineKm(p, q) < minKm) return false;
        }
      }
    }
    return true;
  }
}

/**
 * Draws candidate points until one lies in the box and at least `minKm` from every point in
 * `grid`, then records it. After `tries` misses it keeps the last candidate (clamped to the box):
 * a rare near neighbour is better than an endless loop.
 */
export function placeSpaced(grid: SpacingGrid, minKm: number, candidate: () => LonLat, tries = 24): LonLat {
  let p = candidate();
  for (let i = 1; i < tries && !(inBox(p) && grid.isClear(p, minKm)); i++) p = candidate();
  const placed = clampToBox(p);
  grid.add(placed);
  return placed;
}
