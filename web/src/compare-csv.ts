/** One moved village as GET /v1/compare lists it. */
export interface Moved {
  villageId: string;
  from: string | null;
  to: string | null;
  village?: string;
  town?: string;
  county?: string;
  fromName?: string;
  toName?: string;
  fromKm?: number;
  toKm?: number;
  extraKm?: number;
}

const cell = (v: string | number | undefined | null) => {
  const s = v === undefined || v === null ? '' : String(v);
  // a cell a spreadsheet would run as a formula is kept as text
  const safe = /^[=+\-@\t\r]/.test(s) && !/^-?\d+(\.\d+)?$/.test(s) ? `'${s}` : s;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

/** The moved villages as a UTF-8 CSV with Chinese headers (with a BOM, so Excel reads the characters). */
export function movedCsv(moved: readonly Moved[]): string {
  const head = ['村(社区)编号', '村(社区)', '镇(街)', '县(区)', '原顾问', '原顾问编号', '新顾问', '新顾问编号', '原路程(公里)', '新路程(公里)', '增加路程(公里)'];
  const rows = moved.map((m) => [m.villageId, m.village, m.town, m.county, m.fromName ?? (m.from ? '' : '无'), m.from, m.toName ?? (m.to ? '' : '无'), m.to, m.fromKm, m.toKm, m.extraKm]);
  return `\uFEFF${[head, ...rows].map((r) => r.map(cell).join(',')).join('\r\n')}\r\n`;
}
