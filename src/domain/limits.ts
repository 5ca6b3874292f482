/**
 * How much one document may hold, in one place: the zod schemas state these as `.max()` (so the JSON
 * Schemas in data/schema/ carry them), and the structural pre-scan of request bodies (src/io/json-scan.ts)
 * refuses anything beyond them before a document is parsed in full.
 *
 * Sized for Guangdong's province (26,500 villages, ~7,000 lawyers, ~730 firms, ~1,750 regions, 122
 * counties) with room: about four times the province everywhere.
 */
export const LIMITS = {
  /** villages (and communities) in one scenario */
  villages: 100_000,
  lawyers: 50_000,
  firms: 20_000,
  /** cities, counties and towns */
  regions: 20_000,
  /** entries of `preferences.villages` (one per village at most) */
  villagePreferences: 100_000,
  /** entries of `preferences.lawyers` (one per lawyer at most) */
  lawyerPreferences: 50_000,
  pins: 100_000,
  /** one entry per village at most */
  baseline: 100_000,
  /** routed road km of (lawyer, village) pairs: a province's candidate pairs are some 500,000 */
  travelOverrides: 1_000_000,
  /** `policy.mode` as a map county → mode: entries (Guangdong has 122 counties) */
  modeEntries: 1_000,
  /** ids in one preference list or veto list, specialties or needs of one person or village, a baseline team */
  list: 1_000,
  /** dates a lawyer is unavailable */
  unavailable: 1_000,
  /** boundary: polygons of a MultiPolygon, rings of a polygon */
  rings: 1_000,
  /** boundary: points of one ring */
  ringPoints: 100_000,
  /** a name, a contact field, a specialty, an id (ids: Id in common.ts, 200) */
  name: 200,
  /** the longest text of a document (`notice.serviceContent`), and so the longest string the pre-scan lets through */
  text: 10_000,
  /** changes in one `POST /v1/scenarios/:id/versions` or re-plan */
  changes: 1_000,
  /** days in a holiday table's lists */
  holidayDays: 366,
  /**
   * How deep a JSON document may nest. The deepest legal path of a scenario is a MultiPolygon boundary's
   * coordinate, `regions[i].boundary.coordinates[p][r][k][0]`: 7 levels below the root.
   */
  depth: 32,
  /** entries of any array or object the pre-scan has no bound of its own for */
  entries: 1_000,
} as const;

/** Blocking pairs in one page of `GET /v1/solutions/:id/blocking-pairs`: by default, and at most. */
export const BLOCKING_PAIRS_PAGE = { default: 1_000, max: 10_000 } as const;

/** At most this many problems are listed in one answer; the rest are counted. */
export const MAX_LISTED_ISSUES = 1_000;
/**
 * Checking stops once this many problems are counted ("at least N problems"): a 16 MB document of
 * bad entries would otherwise take seconds to count to the end.
 */
export const MAX_COUNTED_ISSUES = 100_000;

/**
 * The pre-scan's bounds by path pattern (`villages`, `preferences.villages[].lawyers`; `[]` stands for
 * any index): how many entries that array or object may have. Paths not named here get `LIMITS.entries`.
 * The patterns are those of a scenario at the root, of a change (`changes[]…`) and of a holiday table.
 */
export const ENTRY_LIMITS: Readonly<Record<string, number>> = {
  regions: LIMITS.regions,
  firms: LIMITS.firms,
  lawyers: LIMITS.lawyers,
  villages: LIMITS.villages,
  'preferences.villages': LIMITS.villagePreferences,
  'preferences.lawyers': LIMITS.lawyerPreferences,
  pins: LIMITS.pins,
  baseline: LIMITS.baseline,
  travelOverrides: LIMITS.travelOverrides,
  'policy.mode': LIMITS.modeEntries,
  'lawyers[].unavailable': LIMITS.unavailable,
  // Polygon: rings, then each ring's points; MultiPolygon: polygons, rings, points.
  'regions[].boundary.coordinates': LIMITS.rings,
  'regions[].boundary.coordinates[]': LIMITS.ringPoints,
  'regions[].boundary.coordinates[][]': LIMITS.ringPoints,
  changes: LIMITS.changes,
};

/** A size as a limit's message states it: `16 MB`, `512 kB`, `100 bytes`. */
export function sizeText(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;
  if (bytes >= 1024) return `${Math.round((bytes / 1024) * 10) / 10} kB`;
  return `${bytes} bytes`;
}
