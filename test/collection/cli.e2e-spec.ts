import { execFile, execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import iconv from 'iconv-lite';
import type { OpmlImportResult, SourceView } from '@vigil/contracts';
import { articlePage, malformedFeed, opml, SITE_FURNITURE, STORIES } from '../fixtures/collection';
import { CollectionHarness } from './support/collection-harness';
import { windows1258Bytes } from './support/collection-fixture-server';

const repositoryRoot = new URL('../../', import.meta.url).pathname;
const cliEntry = join(repositoryRoot, 'dist/apps/cli/src/main.js');

interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `node bin/vigil.js ARGS < FILE` through a shell, exactly as a source administrator would type it. */
function vigilCli(args: string, stdinFile: string): CliRun {
  const result = spawnSync('sh', ['-c', `node bin/vigil.js ${args} < "${stdinFile}"`], { cwd: repositoryRoot, encoding: 'utf8', timeout: 30_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const FEED = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:atom="http://www.w3.org/2005/Atom">
<channel>
<title>Báo Hòa Sơn — Thời sự</title>
<link>https://baohoason.example.vn/thoi-su/</link>
<description>Tin thời sự (tờ báo hư cấu)</description>
<item>
<title>${STORIES.waterRumour.title}</title>
<link>https://baohoason.example.vn/thoi-su/bac-bo-tin-don-cat-nuoc.html</link>
<guid isPermaLink="false">hoaso-2026-11-0001</guid>
<pubDate>Fri, 20 Nov 2026 08:30:00 +0700</pubDate>
<atom:updated>2026-11-20T10:00:00+07:00</atom:updated>
<description>${STORIES.waterRumour.paragraphs[0]}</description>
<content:encoded><![CDATA[<p>${STORIES.waterRumour.paragraphs[0]}</p><p>${STORIES.waterRumour.paragraphs[1]}</p>]]></content:encoded>
</item>
<item>
<title>Tin vắn&nbsp;sáng thứ bảy</title>
<link>/thoi-su/tin-van-sang-thu-bay.html</link>
<pubDate>Sat, 21 Nov 2026 07:00:00</pubDate>
<description>Ba tin ngắn trong buổi sáng.</description>
</item>
</channel>
</rss>
`;

describe('Command line: vigil parse-feed and vigil extract', () => {
  let work: string;

  beforeAll(() => {
    if (!existsSync(cliEntry)) {
      console.log('dist/apps/cli is missing: building the server first (npm run build:server)');
      execFileSync('npm', ['run', 'build:server'], { cwd: repositoryRoot, stdio: 'inherit' });
    }
    work = mkdtempSync(join(tmpdir(), 'vigil-cli-'));
  }, 180_000);

  afterAll(() => rmSync(work, { recursive: true, force: true }));

  function file(name: string, content: string | Buffer): string {
    const path = join(work, name);
    writeFileSync(path, content);
    return path;
  }

  it('prints its usage and exits 2 when given no command or an unknown one, and exits 0 for --help', () => {
    for (const args of ['', 'frobnicate']) {
      const run = vigilCli(args, file('empty.txt', ''));
      expect(run.status).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toMatch(/^Usage:\n {2}vigil parse-feed/);
      expect(run.stderr).toContain('vigil import-opml FILE');
    }
    const help = vigilCli('--help', file('empty.txt', ''));
    expect(help.status).toBe(0);
    expect(help.stderr).toMatch(/^Usage:/);
  });

  describe('parse-feed', () => {
    it('prints the feed as JSON with every field a reader expects, and exits 0', () => {
      const run = vigilCli('parse-feed', file('thoi-su.xml', FEED));
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
      const parsed = JSON.parse(run.stdout) as { title: string; link: string; items: Record<string, unknown>[] };
      expect(Object.keys(parsed)).toEqual(['title', 'link', 'items']);
      expect(parsed.title).toBe('Báo Hòa Sơn — Thời sự');
      expect(parsed.link).toBe('https://baohoason.example.vn/thoi-su/');
      expect(parsed.items).toHaveLength(2);
      for (const item of parsed.items) expect(Object.keys(item)).toEqual(['title', 'link', 'id', 'published', 'updated', 'summary', 'content']);
      const [water, brief] = parsed.items;
      expect(water).toMatchObject({
        title: STORIES.waterRumour.title,
        link: 'https://baohoason.example.vn/thoi-su/bac-bo-tin-don-cat-nuoc.html',
        id: 'hoaso-2026-11-0001',
        published: '2026-11-20T01:30:00.000Z',
        updated: '2026-11-20T03:00:00.000Z',
      });
      expect(water!.summary).toContain(STORIES.waterRumour.paragraphs[0]);
      expect(water!.content).toContain(STORIES.waterRumour.paragraphs[1]);
      // HTML entities repaired, a relative link resolved against the channel, a naive time read in Asia/Ho_Chi_Minh.
      expect(brief).toMatchObject({
        title: expect.stringMatching(/^Tin vắn\ssáng thứ bảy$/),
        link: 'https://baohoason.example.vn/thoi-su/tin-van-sang-thu-bay.html',
        id: null,
        published: '2026-11-21T00:00:00.000Z',
        updated: null,
        summary: 'Ba tin ngắn trong buổi sáng.',
        content: null,
      });
    });

    it('reads a windows-1258 feed piped in as bytes, as the collector does', () => {
      const legacy = windows1258Bytes(FEED.replace('encoding="UTF-8"', 'encoding="windows-1258"'));
      const run = vigilCli('parse-feed', file('thoi-su-1258.xml', legacy));
      expect(run.status).toBe(0);
      const parsed = JSON.parse(run.stdout) as { title: string; items: { title: string }[] };
      expect(parsed.title).toBe('Báo Hòa Sơn — Thời sự');
      expect(parsed.items[0]!.title).toBe(STORIES.waterRumour.title);
    });

    it('exits 1 with a message and prints nothing on stdout for an unreadable feed', () => {
      const run = vigilCli('parse-feed', file('hong.xml', malformedFeed()));
      expect(run.status).toBe(1);
      expect(run.stdout).toBe('');
      expect(run.stderr).toMatch(/^Unreadable feed: .+\n$/);
    });

    it('exits 1 with a message for an empty document and for an HTML page', () => {
      const empty = vigilCli('parse-feed', file('rong.xml', ''));
      expect(empty.status).toBe(1);
      expect(empty.stderr).toMatch(/empty/);
      const page = vigilCli('parse-feed', file('trang.html', articlePage(STORIES.fluMedicine)));
      expect(page.status).toBe(1);
      expect(page.stderr).toMatch(/HTML page/);
    });
  });

  describe('extract', () => {
    it('prints the article of a page with its canonical URL, images and language, and exits 0', () => {
      const page = file('bai.html', articlePage(STORIES.stormRumour, { canonical: '/bao-so-9.html?utm_source=zalo' }));
      const run = vigilCli('extract --url https://baohoason.example.vn/thoi-su/bao-so-9.html', page);
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
      const article = JSON.parse(run.stdout) as Record<string, string>;
      expect(Object.keys(article)).toEqual(['title', 'byline', 'publishedAt', 'updatedAt', 'canonicalUrl', 'imageUrls', 'language', 'siteName', 'text']);
      expect(article).toMatchObject({
        title: STORIES.stormRumour.title,
        byline: STORIES.stormRumour.byline,
        publishedAt: '2026-11-21T23:15:00.000Z',
        canonicalUrl: 'https://baohoason.example.vn/bao-so-9.html',
        language: 'vi',
      });
      expect(article.text!.startsWith(STORIES.stormRumour.paragraphs[0]!)).toBe(true);
      for (const paragraph of STORIES.stormRumour.paragraphs) expect(article.text).toContain(paragraph);
      for (const furniture of Object.values(SITE_FURNITURE)) expect(article.text).not.toContain(furniture);
    });

    it('works without --url, and decodes a page by the charset it declares', () => {
      const legacy = windows1258Bytes(articlePage(STORIES.potteryVillage, { metaCharset: 'windows-1258' }));
      const run = vigilCli('extract', file('gom.html', legacy));
      expect(run.status).toBe(0);
      const article = JSON.parse(run.stdout) as Record<string, string>;
      expect(article.title).toBe(STORIES.potteryVillage.title);
      expect(article.text).toContain(STORIES.potteryVillage.paragraphs[2]);
      const utf16 = vigilCli('extract', file('hoi-cho.html', iconv.encode(articlePage(STORIES.farmFair, { metaCharset: null }), 'utf-16le', { addBOM: true })));
      expect(utf16.status).toBe(0);
      expect((JSON.parse(utf16.stdout) as Record<string, string>).title).toBe(STORIES.farmFair.title);
    });

    it('exits with a message when --url is not an http(s) URL', () => {
      const run = vigilCli('extract --url ftp://baohoason.example.vn/bai.html', file('bai2.html', articlePage(STORIES.stormRumour)));
      expect(run.status).not.toBe(0);
      expect(run.stdout).toBe('');
      expect(run.stderr).toMatch(/--url/);
    });
  });
});

describe('Command line: vigil import-opml', () => {
  let vigil: CollectionHarness;
  let work: string;

  beforeAll(async () => {
    if (!existsSync(cliEntry)) execFileSync('npm', ['run', 'build:server'], { cwd: repositoryRoot, stdio: 'inherit' });
    vigil = await CollectionHarness.start();
    work = mkdtempSync(join(tmpdir(), 'vigil-cli-opml-'));
  }, 180_000);

  afterAll(async () => {
    await vigil?.close();
    rmSync(work, { recursive: true, force: true });
  });

  it('adds every feed of an OPML file through the API, reporting what it skipped, with a progress bar on stderr', async () => {
    const file = join(work, 'nguon.opml');
    // Port 9 on loopback serves nothing: the source is stored and fails its fetches, which is not what this test is about.
    writeFileSync(
      file,
      opml('Nguồn', [
        { text: 'Báo Hòa Sơn', xmlUrl: 'http://127.0.0.1:9/hoa-son/rss.xml', category: 'địa phương' },
        { text: 'Không hợp lệ', xmlUrl: 'ftp://127.0.0.1/feed' },
        { text: 'Báo Hòa Sơn (chép lại)', xmlUrl: 'http://127.0.0.1:9/hoa-son/rss.xml/?utm_source=opml' },
        { text: 'Mục không có địa chỉ', xmlUrl: '' },
      ]),
    );
    // Asynchronously: the API answering the command runs in this very process.
    const run = await promisify(execFile)('node', ['bin/vigil.js', 'import-opml', file, '--api', vigil.vigil.baseUrl, '--token', vigil.token], {
      cwd: repositoryRoot,
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(run.stderr).toMatch(/Importing .* 3\/3 sources/);
    const result = JSON.parse(run.stdout) as OpmlImportResult;
    expect(result.created).toBe(1);
    const sources = await vigil.vigil.request<SourceView[]>('GET', '/api/sources', { token: vigil.token });
    const created = sources.body.find((source) => source.url === 'http://127.0.0.1:9/hoa-son/rss.xml');
    expect(created).toMatchObject({ name: 'Báo Hòa Sơn', tags: ['địa phương'] });
    // Skipped with a reason each, as the web import reports them: no URL, refused, and a known address (spelt otherwise).
    expect(result.skipped).toEqual([
      { url: '', title: 'Mục không có địa chỉ', code: 'opml_outline_without_url', reason: 'an outline with neither an xmlUrl nor outlines inside' },
      { url: 'ftp://127.0.0.1/feed', code: 'validation_failed', reason: 'HTTP 400: url must be an http:// or https:// address' },
      { url: 'http://127.0.0.1:9/hoa-son/rss.xml/?utm_source=opml', code: 'source_exists', reason: 'already a source', existingId: created!.id },
    ]);
    expect(sources.body.filter((source) => source.url.startsWith('http://127.0.0.1:9/hoa-son/'))).toHaveLength(1);
  });
});
