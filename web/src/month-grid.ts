/** The weeks of a month as a wall calendar shows them, Monday first; days outside the month are null. */
export function monthWeeks(month: string): (string | null)[][] {
  const [y, m] = month.split('-').map(Number);
  const first = new Date(Date.UTC(y, m - 1, 1));
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  const lead = (first.getUTCDay() + 6) % 7; // Monday = 0
  const cells: (string | null)[] = Array.from({ length: lead }, () => null);
  for (let d = 1; d <= days; d++) cells.push(`${month}-${String(d).padStart(2, '0')}`);
  while (cells.length % 7) cells.push(null);
  const weeks: (string | null)[][] = [];
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
  return weeks;
}

export const KIND_NAMES = { onsite: '现场服务', 'evening-school': '法律夜校', weekend: '周末服务', remote: '线上服务' } as const;
export type Kind = keyof typeof KIND_NAMES;

export interface DayVisit {
  lawyerId: string;
  villageId: string;
  date: string;
  start: string;
  end: string;
  kind: Kind;
}

/** Visits by date, each day's in time order. */
export function byDate<T extends { date: string; start: string }>(visits: readonly T[]): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const v of visits) {
    const list = map.get(v.date);
    if (list) list.push(v);
    else map.set(v.date, [v]);
  }
  for (const list of map.values()) list.sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
  return map;
}
