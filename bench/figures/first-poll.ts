import type { BenchContext } from '../lib/context';
import { NewsSite } from '../lib/news-site';
import { figure, type Figure } from '../lib/report';
import { median, now, waitUntil } from '../lib/stats';
import { addSource, type InProcessVigil, startVigil } from '../lib/vigil';

/** Milliseconds from asking for a new source until its feed is first requested; null if not within the limit. */
async function timeToFirstPoll(vigil: InProcessVigil, site: NewsSite, index: number, limitMs: number): Promise<number | null> {
  const path = [...site.feeds.keys()][index];
  const start = now();
  await addSource(vigil, { name: `New source at ${site.baseUrl}${path}`, url: `${site.baseUrl}${path}`, kind: 'rss' });
  const polled = await waitUntil(() => site.server.firstRequestAt.has(path), limitMs, 10);
  return polled ? site.server.firstRequestAt.get(path)! - start : null;
}

/** The default request spacing per site: a new feed of a site busy with its own pages may wait that long for the site's next turn. */
const SITE_SPACING_MS = 1_000;

/** Quiet sites per sample set: one poll is a single reading of tens of milliseconds, so each figure takes a median. */
const SAMPLES = 5;

/**
 * With default politeness (2 requests at once and 1 s apart per site), one site's 2,000 queued pages must not
 * hold up the first poll of a new source, on another site or on that site itself (its polls claim the site's next
 * turn, ahead of its deferred pages). The poll slot is the time a first poll takes with nothing queued, measured just
 * before in the same app.
 */
export async function firstPollFigures(context: BenchContext): Promise<Figure[]> {
  const busy = await new NewsSite({ feeds: 5, itemsPerFeed: 500, pageBytes: 5 * 1024, seed: 41, prefix: 'busy' }).start();
  // Quiet sites on loopback addresses of their own (127.0.0.2 on): a site then fetches one source's pages at its own
  // spacing, which would hold up another poll of the same site for the wrong reason.
  const samples = context.quick ? 1 : SAMPLES;
  const quiet: NewsSite[] = [];
  try {
    // One more site, polled first and not counted: the app's first source warms up code the readings should not pay for.
    for (let index = 0; index <= 2 * samples; index += 1) {
      const host = `127.0.0.${index + 2}`;
      quiet.push(await new NewsSite({ feeds: 1, itemsPerFeed: 20, pageBytes: 5 * 1024, seed: 42 + index, host, prefix: `new${index}` }).start());
    }
  } catch (error) {
    await Promise.all([busy, ...quiet].map((site) => site.stop()));
    throw new Error(`Loopback addresses 127.0.0.2 to 127.0.0.${2 * samples + 2} are needed for sites of their own: ${String(error)}`, { cause: error });
  }
  const [warmUpSite, ...readingSites] = quiet;
  const unloadedSites = readingSites.slice(0, samples);
  const loadedSites = readingSites.slice(samples);
  const vigil = await startVigil(context.postgres ? 'postgres' : 'pglite');
  const limitMs = context.quick ? 20_000 : 60_000;
  /** The median first poll over the sites, one after another; null if any was not polled within the limit. */
  const medianFirstPoll = async (sites: NewsSite[]): Promise<{ median: number | null; readings: string }> => {
    const times: (number | null)[] = [];
    for (const site of sites) times.push(await timeToFirstPoll(vigil, site, 0, limitMs));
    const polled = times.filter((time): time is number => time !== null);
    return { median: polled.length === times.length ? median(polled) : null, readings: times.map((time) => time?.toFixed(0) ?? `> ${limitMs}`).join(', ') };
  };
  try {
    await timeToFirstPoll(vigil, warmUpSite, 0, limitMs);
    const unloaded = await medianFirstPoll(unloadedSites);
    const slot = unloaded.median;
    // Four 500-item feeds of one site (a poll stores at most 500 entries of a feed); the fifth comes later.
    for (const url of busy.feedUrls.slice(0, 4)) await addSource(vigil, { name: 'Busy site', url, kind: 'rss' });
    let storedBusy = 0;
    const busyStart = now();
    const queued = await waitUntil(async () => {
      const [row] = await vigil.dataSource.query(`SELECT count(*)::int AS n FROM items WHERE source_id IN (SELECT id FROM sources WHERE name = 'Busy site')`);
      storedBusy = row.n;
      return row.n >= 2000;
    }, 60_000, 100);
    context.log(`first poll: busy site ${storedBusy} items stored in ${((now() - busyStart) / 1000).toFixed(1)} s`);
    const pagesFetched = busy.server.requestCount - 4;
    const behind = await medianFirstPoll(loadedSites);
    const loaded = behind.median;
    const sameSite = await timeToFirstPoll(vigil, busy, 4, limitMs);
    context.log(
      `first poll: unloaded ${unloaded.readings} ms, behind 2,000 queued pages ${behind.readings} ms, ` +
        `on the busy site itself ${sameSite?.toFixed(0) ?? `> ${limitMs}`} ms`,
    );
    return [
      figure({
        name: 'first poll of a new source behind 2,000 queued pages',
        value: loaded ?? limitMs,
        unit: 'ms',
        baseline: slot,
        target: { on: 'ratio', op: '<', limit: 2 },
        note: `median of ${samples} new sources, each on a site of its own (${behind.readings} ms); poll slot (baseline) = the same wait with nothing queued (${unloaded.readings} ms); ${queued ? '2,000' : `only ${storedBusy} (not all 2,000 stored within 60 s)`} pages of another site queued, ${pagesFetched} fetched before the new sources were added${loaded === null ? `; not all polled within ${limitMs / 1000} s` : ''}`,
      }),
      figure({
        name: 'first poll of a new feed of the site whose 2,000 pages are queued',
        value: sameSite ?? limitMs,
        unit: 'ms',
        baseline: slot === null ? null : slot + SITE_SPACING_MS,
        target: { on: 'ratio', op: '<', limit: 2 },
        note: `poll slot (baseline) = the unloaded first poll plus the site's request spacing (1 s): the poll may wait for the site's next turn, not behind its pages${sameSite === null ? `; not polled within ${limitMs / 1000} s` : ''}`,
      }),
    ];
  } finally {
    await vigil.close();
    await Promise.all([busy, ...quiet].map((site) => site.stop()));
  }
}
