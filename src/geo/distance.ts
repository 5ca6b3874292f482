/** Mean Earth radius (IUGG), km. MODEL.md fixes it so the solver and validator agree to the metre. */
export const EARTH_RADIUS_KM = 6371.0088;
const RAD = Math.PI / 180;

/** Great-circle distance in km between two `[lon, lat]` points given in degrees. */
export function haversineKm(lon1: number, lat1: number, lon2: number, lat2: number): number {
  const dLat = (lat2 - lat1) * RAD;
  const dLon = (lon2 - lon1) * RAD;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * RAD) * Math.cos(lat2 * RAD) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a)));
}

/** Degrees of latitude and longitude that surely contain every point within `km` of a point at `lat`. */
export function boundingDegrees(lat: number, km: number): { dLat: number; dLon: number } {
  const dLat = (km / EARTH_RADIUS_KM) / RAD;
  const maxAbsLat = Math.min(89.9, Math.abs(lat) + dLat);
  const dLon = Math.min(180, dLat / Math.cos(maxAbsLat * RAD));
  return { dLat: dLat * 1.0001, dLon: dLon * 1.0001 };
}
