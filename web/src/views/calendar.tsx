import { useEffect, useMemo, useState } from 'preact/hooks';
import { download, getJson } from '../api';
import { byDate, KIND_NAMES, monthWeeks, type DayVisit } from '../month-grid';
import { Problems } from './problems';

interface CalendarDoc {
  id: string;
  scenarioId: string;
  year: number;
  months: string[];
  provisional: boolean;
  visits: (DayVisit & { activity?: string })[];
  shortfalls: { rule: string; villageId?: string; lawyerId?: string; month?: string; detail: string }[];
}
interface Names {
  lawyers: { id: string; name: string }[];
  villages: { id: string; name: string }[];
}
interface Holidays {
  table: { holidays: string[]; workdays: string[] };
}

const WEEKDAYS = ['一', '二', '三', '四', '五', '六', '日'];

/** A month grid per lawyer or per village: each visit with its kind, the holidays and make-up workdays, the shortfalls. */
export function CalendarView({ calendarId }: { calendarId: string }) {
  const [cal, setCal] = useState<CalendarDoc | null>(null);
  const [names, setNames] = useState<Names | null>(null);
  const [holidays, setHolidays] = useState<Holidays | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [who, setWho] = useState<'lawyer' | 'village'>('lawyer');
  const [id, setId] = useState('');
  const [month, setMonth] = useState('');

  useEffect(() => {
    getJson<CalendarDoc>(`/v1/calendars/${encodeURIComponent(calendarId)}`)
      .then((c) => {
        setCal(c);
        setMonth(c.months[0] ?? '');
        return Promise.all([getJson<Names>(`/v1/scenarios/${encodeURIComponent(c.scenarioId)}/document`), getJson<Holidays>(`/v1/holidays/${c.year}`)]);
      })
      .then(([n, h]) => {
        setNames(n);
        setHolidays(h);
      }, setError);
  }, [calendarId]);

  const people = useMemo(() => {
    if (!cal || !names) return null;
    const seen = new Set(cal.visits.map((v) => (who === 'lawyer' ? v.lawyerId : v.villageId)));
    const list = (who === 'lawyer' ? names.lawyers : names.villages).filter((p) => seen.has(p.id));
    return list.sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
  }, [cal, names, who]);
  useEffect(() => {
    if (people && !people.some((p) => p.id === id)) setId(people[0]?.id ?? '');
  }, [people]);

  if (error) return <Problems error={error} />;
  if (!cal || !names || !holidays || !people) return <p class="loading">加载日历…</p>;
  const nameOf = new Map([...names.lawyers, ...names.villages].map((p) => [p.id, p.name]));
  const mine = cal.visits.filter((v) => (who === 'lawyer' ? v.lawyerId : v.villageId) === id && v.date.startsWith(month));
  const days = byDate(mine);
  const off = new Set(holidays.table.holidays);
  const work = new Set(holidays.table.workdays);
  const short = cal.shortfalls.filter((s) => (who === 'lawyer' ? s.lawyerId : s.villageId) === id && (!s.month || s.month === month));
  const ics = `/v1/calendars/${encodeURIComponent(cal.id)}/${who === 'lawyer' ? 'lawyers' : 'villages'}/${encodeURIComponent(id)}.ics`;

  return (
    <section>
      <h1>走访日历 {cal.year} 年</h1>
      {cal.provisional && <p class="hint">本年度的节假日尚无官方表,按法定节日推算,官方表公布后请重新生成。</p>}
      <div class="actions">
        <label for="who">查看</label>
        <select id="who" value={who} onChange={(e) => setWho(e.currentTarget.value as 'lawyer' | 'village')}>
          <option value="lawyer">律师</option>
          <option value="village">村(社区)</option>
        </select>
        <label for="person">{who === 'lawyer' ? '律师' : '村(社区)'}</label>
        <select id="person" value={id} onChange={(e) => setId(e.currentTarget.value)}>
          {people.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
        <label for="month">月份</label>
        <select id="month" value={month} onChange={(e) => setMonth(e.currentTarget.value)}>
          {cal.months.map((m) => (
            <option key={m} value={m}>
              {Number(m.slice(5))} 月
            </option>
          ))}
        </select>
        <button type="button" class="secondary" disabled={!id} onClick={() => void download(ics, `${nameOf.get(id) ?? id}.ics`)}>
          下载 .ics(导入手机日历)
        </button>
      </div>
      <table class="month">
        <caption>
          {nameOf.get(id)} · {Number(month.slice(5))} 月
        </caption>
        <thead>
          <tr>
            {WEEKDAYS.map((d) => (
              <th scope="col" key={d}>
                周{d}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {monthWeeks(month).map((week, i) => (
            <tr key={i}>
              {week.map((day, j) => (
                <td key={j} class={day ? (off.has(day) ? 'off' : work.has(day) ? 'workday' : j >= 5 ? 'weekend' : '') : 'empty'}>
                  {day && (
                    <>
                      <span class="day">
                        {Number(day.slice(8))}
                        {off.has(day) && <span class="tag">休</span>}
                        {work.has(day) && <span class="tag">班</span>}
                      </span>
                      {(days.get(day) ?? []).map((v, k) => (
                        <span key={k} class={`visit ${v.kind}`}>
                          {v.start}–{v.end} {KIND_NAMES[v.kind]}
                          <br />
                          {nameOf.get(who === 'lawyer' ? v.villageId : v.lawyerId)}
                        </span>
                      ))}
                    </>
                  )}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <p class="legend">
        {Object.entries(KIND_NAMES).map(([k, name]) => (
          <span key={k} class={`visit ${k}`}>
            {name}
          </span>
        ))}
      </p>
      {short.length > 0 && (
        <div class="shortfalls">
          <h2>未能满足的要求</h2>
          <ul>
            {short.map((s, i) => (
              <li key={i}>
                <strong>{s.rule}</strong> {s.detail}
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
