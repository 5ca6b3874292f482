import { IoWorker } from '../io/offload.js';
import { type CardEntry, type CardPublication, type PackedCards, type PublicCard, renderCard } from '../io/public-cards.js';
import type { IoResult } from '../io/tasks.js';
import { breathe } from '../store/parts.js';
import type { CalendarRecord, Store } from '../store/types.js';

export type { PublicCard, PublicVisit } from '../io/public-cards.js';
export { publicCards } from '../io/public-cards.js';

/**
 * A published solution's cards as the worker packed them (see `PackedCards`): kept as they came, so
 * that taking in 26,500 cards makes one map entry each rather than a handful of objects each, which
 * the garbage collector would then copy about on the event loop.
 */
interface Pack extends PackedCards {
  /** the whole bodies buffer, for views of one card's */
  all: Buffer;
  /** the (China) day the bodies were rendered for */
  day: string;
  /** the solution whose cards these are */
  solutionId: string;
}

/** A card rendered again on a later day than its pack's. */
interface Rerendered extends CardEntry {
  day: string;
}

/** Today's date in China (UTC+8 all year, no daylight saving), `YYYY-MM-DD`. */
export const chinaToday = (now = Date.now()) => new Date(now + 8 * 3_600_000).toISOString().slice(0, 10);

/** Today in China, asked of the clock at most once a second: the look-up answers tens of thousands of requests a second. */
let clockDayText = '';
let clockDayUntil = 0;
function clockDay(): string {
  const now = Date.now();
  if (now >= clockDayUntil) {
    clockDayText = chinaToday(now);
    clockDayUntil = now + 1000;
  }
  return clockDayText;
}

/** Cards indexed between two turns of the event loop while a load is taken in. */
const BATCH = 2_000;

/** Card `i` of `pack`: its text fields and its body (a view, no copy). */
function cardOf(pack: Pack, i: number) {
  const from = (k: number) => (i === 0 ? 0 : pack.ends[4 * (i - 1) + k]);
  const to = (k: number) => pack.ends[4 * i + k];
  return {
    etag: pack.etags.slice(from(1), to(1)),
    slots: pack.slots.slice(from(2), to(2)),
    body: pack.all.subarray(from(3), to(3)),
  };
}

/** A card as of `today`, rendered again from its body as packed (the card as it stood) and its slots. */
function render(pack: Pack, body: Buffer, slots: string, today: string): Rerendered {
  const card = JSON.parse(body.toString('utf8')) as PublicCard;
  const base: PublicCard = { ...card, serviceTimes: pack.times, nextVisits: [] };
  return { ...renderCard(base, slots.split(';'), today), day: today };
}

/** The months of each calendar from `today`'s on, newest calendar first (as the store lists them). */
function current(calendars: CalendarRecord[], today: string): { rec: CalendarRecord; months: string[] }[] {
  const month = today.slice(0, 7);
  return calendars.map((rec) => ({ rec, months: [...new Set(rec.months.filter((m) => m >= month))] })).filter((c) => c.months.length > 0);
}

/**
 * The public look-up, served from memory: every village with a card in force (the store's publications:
 * one solution per village), its card serialised once with an ETag. Rebuilt when cards are published or
 * withdrawn, a published solution gets a calendar, or the registry changes; a card with visits is
 * rendered again on the first look-up of each day, so its next visits move on.
 *
 * A province's directory is 26,500 cards from a 7 MB scenario and up to ~130 MB of calendars: the IO
 * worker parses them and builds the cards (task `public-cards`), the calendars going to it part by part
 * as the store reads them; this thread only reads small pieces, posts them on, and takes the packed
 * cards in in batches, so no step holds the event loop for long.
 */
export class PublicDirectory {
  /** each village's pack and place in it */
  private entries = new Map<string, { pack: Pack; i: number; card?: ReturnType<typeof cardOf> }>();

  /** cards rendered again since their pack's day, by village */
  private rerendered = new Map<string, Rerendered>();
  /** reloads run one after another, so a slow earlier one never overwrites a later one */
  private loading: Promise<void> = Promise.resolve();
  /** the solutions (and their scenarios) that supply cards, as of the last load */
  private suppliers = new Map<string, string>();
  private readonly io = new IoWorker(1);

  constructor(private readonly today: () => string = clockDay) {}

  get size(): number {
    return this.entries.size;
  }

  lookup(villageId: string): CardEntry | undefined {
    const at = this.entries.get(villageId);
    if (!at) return undefined;
    const card = (at.card ??= cardOf(at.pack, at.i));
    if (!card.slots) return card;
    const today = this.today();
    if (at.pack.day === today) return card;
    let again = this.rerendered.get(villageId);
    if (again?.day !== today) this.rerendered.set(villageId, (again = render(at.pack, card.body, card.slots, today)));
    return again;
  }

  /** Does this solution supply any card, as of the last load? */
  supplies(solutionId: string): boolean {
    return this.suppliers.has(solutionId);
  }

  /** Takes cards off at once (a withdrawal), before the reload that follows it is done. */
  drop(villageIds: Iterable<string>): void {
    for (const id of villageIds) {
      this.entries.delete(id);
      this.rerendered.delete(id);
    }
  }

  /** Takes every card of these solutions off at once (their scenario was deleted). */
  dropSolutions(solutionIds: ReadonlySet<string>): void {
    for (const [id, at] of this.entries) if (solutionIds.has(at.pack.solutionId)) this.drop([id]);
  }

  /** The solutions of a scenario that supply cards, as of the last load. */
  solutionsOf(scenarioId: string): Set<string> {
    return new Set([...this.suppliers].filter(([, s]) => s === scenarioId).map(([id]) => id));
  }

  reload(store: Store): Promise<void> {
    const run = this.loading.then(() => this.load(store));
    this.loading = run.catch(() => {});
    return run;
  }

  /** Stops the worker; a reload after this fails. */
  close(): Promise<void> {
    return this.io.close();
  }

  private async load(store: Store): Promise<void> {
    const next = new Map<string, { pack: Pack; i: number }>();
    const today = this.today();
    const bySolution = new Map<string, { scenarioId: string; published: Map<string, CardPublication> }>();
    for (const p of await store.listPublications()) {
      let group = bySolution.get(p.solutionId);
      if (!group) bySolution.set(p.solutionId, (group = { scenarioId: p.scenarioId, published: new Map() }));
      const act = `${p.publisher}\n${p.publishedAt}`;
      let pub = group.published.get(act);
      if (!pub) group.published.set(act, (pub = { publisher: p.publisher, publishedAt: p.publishedAt, villageIds: [] }));
      pub.villageIds.push(p.villageId);
    }
    const suppliers = new Map<string, string>();
    for (const [solutionId, { scenarioId, published }] of bySolution) {
      const [scenarioText, solutionText, calendars] = await Promise.all([store.getScenarioBody(scenarioId), store.getSolutionBody(solutionId), store.listCalendars(solutionId)]);
      if (!scenarioText || !solutionText) continue;
      suppliers.set(solutionId, scenarioId);
      const sources: { months: string[]; scope: string | null; parts: AsyncIterable<string> }[] = [];
      for (const { rec: cal, months } of current(calendars, today)) {
        const parts = await store.getCalendarParts(cal.id);
        if (parts) sources.push({ months, scope: cal.scope, parts });
      }
      // the worker needs each calendar's number of parts before it sees them: count them as they pass
      const counts = sources.map(() => 0);
      async function* allParts() {
        for (const [i, s] of sources.entries()) {
          for await (const part of s.parts) {
            counts[i]++;
            yield part;
          }
        }
      }
      const result = await this.io.run(
        () => ({
          op: 'public-cards',
          scenarioText,
          solutionText,
          today,
          published: [...published.values()],
          calendars: sources.map((s, i) => ({ months: s.months, scope: s.scope, parts: counts[i] })),
        }),
        allParts(),
      );
      await take(result, next, today, solutionId);
    }
    this.entries = next;
    this.rerendered = new Map();
    this.suppliers = suppliers;
  }
}

/** Indexes the worker's cards into `into`, `BATCH` at a time with a turn of the event loop between. */
async function take(result: IoResult, into: Map<string, { pack: Pack; i: number }>, day: string, solutionId: string): Promise<void> {
  if (result.op !== 'public-cards') throw new Error('the io worker answered another task');
  const pack: Pack = { ...result, all: Buffer.from(result.bodies.buffer, result.bodies.byteOffset, result.bodies.byteLength), day, solutionId };
  for (let i = 0; i < pack.count; i++) {
    if (i > 0 && i % BATCH === 0) await breathe();
    into.set(pack.ids.slice(i === 0 ? 0 : pack.ends[4 * (i - 1)], pack.ends[4 * i]), { pack, i });
  }
}
