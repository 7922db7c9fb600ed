import { type ChildProcess, spawn } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { cpus, loadavg } from 'node:os';
import { LIVE_NAMESPACE, LIVE_READY_EVENT, LIVE_SOCKET_EVENT, type AnyLiveEventEnvelope } from '@vigil/contracts';
import type { BenchContext } from '../lib/context';
import { type Arrival, connectLiveClients, liveToken } from '../lib/live-clients';
import { Random } from '../lib/random';
import { figure, type Figure } from '../lib/report';
import { median, now, quantile, sleep, waitUntil } from '../lib/stats';
import { NewsWriter } from '../lib/synth';
import { addSource, type ChildVigil, startChildVigil } from '../lib/vigil';

/** The word the watch rule looks for: invented, so no ordinary item text contains it. */
const WATCHWORD = 'canhbaoxyz';

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

interface FeedItem {
  guid: string;
  title: string;
  summary: string;
}

/**
 * A loopback news site whose feeds change while Vigil watches them. It records when each response has been handed to
 * the operating system in full (the fetcher has the whole body from then on) and which items it carried.
 */
class LiveSite {
  private readonly server: Server;
  readonly feeds = new Map<string, FeedItem[]>();
  /** Per item guid: when the first response listing it finished sending (performance.now()). */
  readonly firstSentAt = new Map<string, number>();

  constructor() {
    this.server = createServer((request, response) => {
      const items = this.feeds.get(request.url ?? '/');
      if (!items) {
        response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
        return;
      }
      const guids = items.map((item) => item.guid);
      response.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' });
      response.end(rss(this.baseUrl, items), () => {
        const at = now();
        for (const guid of guids) if (!this.firstSentAt.has(guid)) this.firstSentAt.set(guid, at);
      });
    });
  }

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return this;
  }

  get baseUrl(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

function rss(base: string, items: FeedItem[]): string {
  const date = new Date().toUTCString();
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<rss version="2.0"><channel><title>Báo Trực Tuyến Giả Định</title>',
    `<link>${base}/</link><description>Tin nhanh</description><language>vi</language>`,
    // Links lead to pages this site does not have: enrichment fails fast and never competes with the figures.
    ...items.map(
      (item) => `<item><title>${escapeXml(item.title)}</title><link>${base}/p/${item.guid}</link><guid>${item.guid}</guid><description>${escapeXml(item.summary)}</description><pubDate>${date}</pubDate></item>`,
    ),
    '</channel></rss>',
  ].join('\n');
}

/** Unique items (no two share a title or text, so none is dropped as an exact copy); matching ones carry the watchword. */
function makeItems(writer: NewsWriter, prefix: string, count: number, matches: (index: number) => boolean): FeedItem[] {
  return Array.from({ length: count }, (_, index) => {
    const tag = `${prefix}n${index}`;
    const title = `${writer.title('vi')} ${matches(index) ? `${WATCHWORD} ` : ''}${tag}`;
    return { guid: tag, title, summary: `${writer.paragraph('vi', 2)} ${tag}` };
  });
}

/** Which of our items an envelope is about: its flag's item guid tag at the end of the title, if any. */
function flaggedTag(envelope: AnyLiveEventEnvelope): string | null {
  if (envelope.type !== 'flag.created') return null;
  const title = (envelope.data as { flag: { item: { title: string } } }).flag.item.title;
  return /(\S+)$/.exec(title)?.[1] ?? null;
}

const p95 = (samples: number[]) => quantile(samples, 0.95);
const fmt = (ms: number) => (Number.isFinite(ms) ? ms.toFixed(0) : '—');

export async function liveFigures(context: BenchContext): Promise<Figure[]> {
  const site = await new LiveSite().start();
  // One Vigil process (API + embedded collection worker) for the three figures; the clients live in this process.
  const vigil = await startChildVigil(context.postgres ? 'postgres' : 'pglite', { VIGIL_POLL_MAX_NEW_ITEMS: '10000', VIGIL_HOST_INTERVAL_MS: '0', VIGIL_HOST_CONCURRENCY: '4' });
  try {
    const token = await liveToken(vigil.baseUrl);
    const rule = await vigil.request('POST', '/api/rules', { name: 'Bench cảnh báo', query: WATCHWORD, severity: 'high' });
    if (rule.status !== 201) throw new Error(`Creating the rule answered ${rule.status}: ${JSON.stringify(rule.body)}`);
    const alert = await alertLatency(context, vigil, site, token);
    const fanOut = await fanOutFigure(context, vigil, token, alert.flagId);
    const burst = await burstFigures(context, vigil, site, token, alert.flagId);
    return [alert.figure, fanOut, ...burst];
  } finally {
    await vigil.close();
    await site.stop();
  }
}

/** Figure 1: a poll's response in hand → the flag.created it causes at a connected client, one new matching item a round. */
async function alertLatency(context: BenchContext, vigil: ChildVigil, site: LiveSite, token: string): Promise<{ figure: Figure; flagId: string }> {
  const rounds = context.quick ? 8 : 30;
  const writer = new NewsWriter(new Random(901));
  const items = makeItems(writer, 'base', 20, () => false);
  site.feeds.set('/alerts.xml', items);
  const arrivals = new Map<string, { at: number; flagId: string }>();
  const clients = await connectLiveClients(vigil.baseUrl, {
    count: 1,
    auth: { token },
    onEvent: ({ envelope }) => {
      const tag = flaggedTag(envelope);
      if (tag && !arrivals.has(tag)) arrivals.set(tag, { at: now(), flagId: (envelope.data as { flag: { id: string } }).flag.id });
    },
  });
  try {
    const sourceId = await addSource(vigil, { name: 'Báo cảnh báo', url: `${site.baseUrl}/alerts.xml`, kind: 'rss', languageHint: 'vi' });
    if (!(await waitUntil(() => site.firstSentAt.has('basen0'), 30_000, 20))) throw new Error('The alert source was not polled within 30 s');
    await sleep(1500); // the first poll's 20 items stored and their enrichment tried before the rounds start
    const latencies: number[] = [];
    let lost = 0;
    for (let round = 0; round < rounds; round += 1) {
      const [item] = makeItems(writer, `alert${round}`, 1, () => true);
      items.unshift(item);
      const fetched = await vigil.request('POST', `/api/sources/${sourceId}/fetch`);
      if (fetched.status !== 202) throw new Error(`Fetch now answered ${fetched.status}: ${JSON.stringify(fetched.body)}`);
      if (await waitUntil(() => arrivals.has(item.guid) && site.firstSentAt.has(item.guid), 10_000, 5)) latencies.push(arrivals.get(item.guid)!.at - site.firstSentAt.get(item.guid)!);
      else lost += 1;
      await sleep(300);
    }
    const flagId = [...arrivals.values()][0]?.flagId;
    if (!flagId) throw new Error('No flag.created reached the client');
    context.log(`live alert: median ${fmt(median(latencies))} ms, p95 ${fmt(p95(latencies))} ms, max ${fmt(Math.max(...latencies))} ms over ${latencies.length} rounds, ${lost} lost`);
    return {
      flagId,
      figure: figure({
        name: 'alert latency: feed body sent → flag.created at a client (p95)',
        value: latencies.length ? p95(latencies) : null,
        unit: 'ms',
        target: { on: 'value', op: '<', limit: 500 },
        note:
          `${latencies.length} rounds (${lost} with no flag within 10 s): each adds one new item matching a watch rule to a loopback RSS feed ` +
          `and asks POST /api/sources/:id/fetch; timed from the fixture server handing the whole feed response to the OS to the socket.io ` +
          `event arriving at a client connected to a Vigil process of its own (fetch → parse in a worker thread → store → match → store the event → emit); ` +
          `median ${fmt(median(latencies))} ms, max ${fmt(Math.max(...latencies))} ms`,
      }),
    };
  } finally {
    clients.close();
  }
}

/** Per event: when the first and the last of the clients heard it, relative to its `at` (stamped as it was published). */
async function measureFanOut(
  url: string,
  count: number,
  auth: Record<string, unknown>,
  events: number,
  publish: (index: number) => Promise<void>,
): Promise<{ first: number[]; last: number[]; incomplete: number }> {
  const heard = new Map<string, Arrival[]>();
  const clients = await connectLiveClients(url, {
    count,
    auth,
    onEvent: (arrival) => {
      const list = heard.get(arrival.envelope.id);
      if (list) list.push(arrival);
      else heard.set(arrival.envelope.id, [arrival]);
    },
  });
  try {
    await sleep(500);
    heard.clear();
    const first: number[] = [];
    const last: number[] = [];
    let incomplete = 0;
    for (let index = 0; index < events; index += 1) {
      const before = new Set(heard.keys());
      await publish(index);
      const idOf = () => [...heard.keys()].find((id) => !before.has(id));
      const complete = await waitUntil(() => {
        const id = idOf();
        return id !== undefined && heard.get(id)!.length >= count;
      }, 10_000, 5);
      const id = idOf();
      if (!complete || id === undefined) {
        incomplete += 1;
        continue;
      }
      const arrivals = heard.get(id)!;
      const publishedAt = Date.parse(arrivals[0].envelope.at);
      const times = arrivals.map((arrival) => arrival.at - publishedAt);
      first.push(Math.min(...times));
      last.push(Math.max(...times));
      await sleep(150);
    }
    return { first, last, incomplete };
  } finally {
    clients.close();
    await sleep(300);
  }
}

/**
 * socket.io alone, in a process of its own, emitting an envelope to every socket of `/live`: the same clients, the
 * same payload and the same timing, without Vigil's store-then-read.
 */
async function bareSocketIo(): Promise<{ url: string; child: ChildProcess; emit: (payload: unknown) => Promise<void> }> {
  const script = `
    import { createServer } from 'node:http';
    import { Server } from 'socket.io';
    let n = 0;
    const http = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk) => (body += chunk));
      req.on('end', () => {
        const { type, data } = JSON.parse(body);
        nsp.emit(${JSON.stringify(LIVE_SOCKET_EVENT)}, { id: String(++n), type, at: new Date().toISOString(), data });
        res.end('ok');
      });
    });
    const nsp = new Server(http).of(${JSON.stringify(LIVE_NAMESPACE)});
    nsp.on('connection', (socket) => socket.emit(${JSON.stringify(LIVE_READY_EVENT)}, { lastEventId: '0' }));
    http.listen(0, '127.0.0.1', () => console.log(JSON.stringify({ port: http.address().port })));
  `;
  const child = spawn(process.execPath, ['--input-type=module', '-e', script], { cwd: process.cwd(), stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise<number>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`bare socket.io server exited with ${code}`)));
    child.stdout!.once('data', (chunk: Buffer) => resolve((JSON.parse(chunk.toString()) as { port: number }).port));
  });
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    child,
    emit: async (payload) => {
      await fetch(url, { method: 'POST', body: JSON.stringify(payload) }).then((response) => response.text());
    },
  };
}

/** Figure 2: one event to 1,000 clients in this process from Vigil in its own; socket.io alone is the baseline. */
async function fanOutFigure(context: BenchContext, vigil: ChildVigil, token: string, flagId: string): Promise<Figure> {
  const count = context.quick ? 200 : 1000;
  const events = context.quick ? 6 : 20;
  // Claim and release one flag in turn: each is a flag.claimed / flag.released published by the API process.
  const vigilRun = await measureFanOut(vigil.baseUrl, count, { token }, events, async (index) => {
    const step = await vigil.request('POST', `/api/flags/${flagId}/${index % 2 === 0 ? 'claim' : 'release'}`);
    if (step.status >= 300) throw new Error(`Flag ${index % 2 === 0 ? 'claim' : 'release'} answered ${step.status}: ${JSON.stringify(step.body)}`);
  });
  const stored = await vigil.request<{ events: AnyLiveEventEnvelope[] }>('GET', '/api/events?limit=500');
  const sample = stored.body.events.filter((event) => event.type === 'flag.claimed').at(-1) ?? null;
  const bare = await bareSocketIo();
  let bareRun: Awaited<ReturnType<typeof measureFanOut>>;
  try {
    bareRun = await measureFanOut(bare.url, count, {}, events, () => bare.emit({ type: sample?.type ?? 'flag.claimed', data: sample?.data ?? {} }));
  } finally {
    bare.child.kill('SIGTERM');
  }
  context.log(
    `live fan-out to ${count}: Vigil first p95 ${fmt(p95(vigilRun.first))} ms, last p95 ${fmt(p95(vigilRun.last))} ms; ` +
      `socket.io alone first p95 ${fmt(p95(bareRun.first))} ms, last p95 ${fmt(p95(bareRun.last))} ms`,
  );
  return figure({
    name: `fan-out: one event to ${count.toLocaleString('en')} clients, last delivery (p95)`,
    value: vigilRun.last.length ? p95(vigilRun.last) : null,
    unit: 'ms',
    baseline: bareRun.last.length ? p95(bareRun.last) : null,
    target: { on: 'value', op: '<', limit: 100 },
    note:
      `${vigilRun.last.length} events (flag claimed/released through the HTTP API, ${vigilRun.incomplete} not heard by every client within 10 s) ` +
      `published by a Vigil process of its own to ${count} socket.io clients (WebSocket) in the bench process; timed from the envelope's ` +
      `\`at\` (stamped as publishing starts, before the event is stored) to the first and last client's handler: first p95 ` +
      `${fmt(p95(vigilRun.first))} ms, last p95 ${fmt(p95(vigilRun.last))} ms. Baseline: socket.io alone in its own process emitting the ` +
      `same envelope to the same number of clients (first p95 ${fmt(p95(bareRun.first))} ms), measured right after in the same run. ` +
      `Last-delivery medians: Vigil ${fmt(median(vigilRun.last))} ms, socket.io alone ${fmt(median(bareRun.last))} ms; load average ${loadavg()[0].toFixed(1)} on ${cpus().length} cores`,
  });
}

/** Figure 3: 10,000 new items in one poll, 2% matching: every flag reaches a client, and the live feed keeps up. */
async function burstFigures(context: BenchContext, vigil: ChildVigil, site: LiveSite, token: string, flagId: string): Promise<Figure[]> {
  const total = context.quick ? 2000 : 10_000;
  const items = makeItems(new NewsWriter(new Random(902)), 'burst', total, (index) => index % 50 === 7);
  const expected = new Set(items.filter((item) => item.title.includes(WATCHWORD)).map((item) => item.guid));
  site.feeds.set('/burst.xml', items);
  const flagged = new Map<string, number>();
  const latencies: number[] = [];
  const heartbeatLatencies: number[] = [];
  const clients = await connectLiveClients(vigil.baseUrl, {
    count: 1,
    auth: { token },
    onEvent: ({ envelope, at }) => {
      const latency = at - Date.parse(envelope.at);
      const tag = flaggedTag(envelope);
      if (tag && expected.has(tag)) {
        if (!flagged.has(tag)) flagged.set(tag, now());
        latencies.push(latency);
      } else if (envelope.type === 'flag.claimed' || envelope.type === 'flag.released') heartbeatLatencies.push(latency);
    },
  });
  await vigil.request('POST', `/api/flags/${flagId}/release`); // in case the fan-out left it claimed
  // While the poll is processed, one live event every 250 ms: how the feed keeps up beside the burst's own flags.
  let beating = true;
  const heartbeat = (async () => {
    for (let index = 0; beating; index += 1) {
      await vigil.request('POST', `/api/flags/${flagId}/${index % 2 === 0 ? 'claim' : 'release'}`);
      await sleep(250);
    }
  })();
  try {
    const start = now();
    await addSource(vigil, { name: 'Báo dồn dập', url: `${site.baseUrl}/burst.xml`, kind: 'rss', languageHint: 'vi' });
    const timeoutMs = context.quick ? 60_000 : 180_000;
    const complete = await waitUntil(() => flagged.size >= expected.size, timeoutMs, 50);
    const sentAt = site.firstSentAt.get(items[0].guid) ?? start;
    const lastFlagAt = Math.max(...flagged.values());
    beating = false;
    await heartbeat;
    const all = [...latencies, ...heartbeatLatencies];
    context.log(
      `live burst: ${flagged.size}/${expected.size} flags delivered, last ${fmt(lastFlagAt - sentAt)} ms after the feed was sent; ` +
        `flag p95 ${fmt(p95(latencies))} ms, heartbeat p95 ${fmt(p95(heartbeatLatencies))} ms (${heartbeatLatencies.length})`,
    );
    const setting = `VIGIL_POLL_MAX_NEW_ITEMS=10000 (default 500 would spread the feed over 20 polls)`;
    return [
      figure({
        name: `burst: matching flags delivered (${total.toLocaleString('en')} items in one poll, 2% matching)`,
        value: flagged.size,
        unit: 'flags',
        target: { on: 'value', op: '>=', limit: expected.size },
        note:
          `one new source whose first poll lists ${total} new items, ${expected.size} of them matching a watch rule; counted: distinct ` +
          `items whose flag.created reached one connected client${complete ? '' : ` (TIMED OUT after ${timeoutMs / 1000} s)`}; the last arrived ` +
          `${fmt(lastFlagAt - sentAt)} ms after the feed response was sent; ${setting}`,
      }),
      figure({
        name: 'burst: live feed latency, publish → delivery (p95)',
        value: all.length ? p95(all) : null,
        unit: 'ms',
        target: { on: 'value', op: '<', limit: 1000 },
        note:
          `from each envelope's \`at\` (stamped as it is published) to its arrival at the client, over the burst's ${latencies.length} flag events ` +
          `(p95 ${fmt(p95(latencies))} ms) and ${heartbeatLatencies.length} flag claim/release events published every 250 ms through the API ` +
          `while the ${total}-item poll was processed (p95 ${fmt(p95(heartbeatLatencies))} ms); ${setting}`,
      }),
    ];
  } finally {
    beating = false;
    await heartbeat.catch(() => undefined);
    clients.close();
  }
}
