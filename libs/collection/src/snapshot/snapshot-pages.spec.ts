import { gzipSync } from 'node:zlib';
import type { EvidenceRepository, SnapshotEntity } from '@vigil/persistence';
import { ParsingPool } from '../parsing-pool';
import { SnapshotPages } from './snapshot-pages';

/** One archived snapshot in memory, counting how often its bytes are read. */
function evidenceWith(snapshot: SnapshotEntity) {
  const reads = { bodies: 0 };
  const evidence = {
    findSnapshotWithRendering: async (itemId: string) => (itemId === snapshot.itemId ? { ...snapshot, bodyGzip: Buffer.alloc(0) } : null),
    findSnapshotWithBody: async (itemId: string) => {
      reads.bodies += 1;
      return itemId === snapshot.itemId ? snapshot : null;
    },
    storeSnapshotRendering: async (_id: string, html: string) => {
      snapshot.sanitizedHtml ??= html;
    },
  };
  return { evidence: evidence as unknown as EvidenceRepository, reads };
}

function archived(html: string): SnapshotEntity {
  return {
    id: 'snap-1',
    itemId: 'item-1',
    fetchedAt: new Date('2026-11-26T01:15:00Z'),
    httpStatus: 200,
    finalUrl: 'https://tin.example.vn/bai.html',
    contentType: 'text/html; charset=utf-8',
    contentHash: 'abc',
    textHash: 'def',
    bodyGzip: gzipSync(Buffer.from(html)),
    sanitizedHtml: null,
  };
}

describe('SnapshotPages', () => {
  let pool: ParsingPool;

  beforeAll(() => {
    pool = new ParsingPool({ threads: 1 });
  });

  afterAll(() => pool.destroy());

  it('sanitises a snapshot on its first view, keeps the result, and serves later views from it', async () => {
    const snapshot = archived('<html><body><script>alert(1)</script><p>Bản tin gốc</p></body></html>');
    const { evidence, reads } = evidenceWith(snapshot);
    const pages = new SnapshotPages(evidence, pool);

    const first = await pages.page('item-1', null, 'vi');
    expect(first).toContain('<p>Bản tin gốc</p>');
    expect(first).not.toContain('alert');
    expect(snapshot.sanitizedHtml).toBe('<p>Bản tin gốc</p>');

    const second = await pages.page('item-1', null, 'en');
    expect(second).toContain('Archived by Vigil');
    expect(second).toContain('<p>Bản tin gốc</p>');
    expect(reads.bodies).toBe(1);
  });

  it('keeps the page’s <title> out of its text and points relative links at the original site', async () => {
    const snapshot = archived(`<html><head><title>Tin đồn cắt nước | Báo Hòa Sơn</title></head><body>
      <p>Xem <a href="/thoi-su/bai-goc.html">bài gốc</a>, <a href="anh/cat-nuoc.html">ảnh</a>, <a href="//cdn.tin.example.vn/tep.pdf">tệp</a>,
      <a href="#binh-luan">bình luận</a> và <a href="https://khac.example.com/x">trang khác</a>.</p></body></html>`);
    const { evidence } = evidenceWith(snapshot);
    const page = (await new SnapshotPages(evidence, pool).page('item-1', null, 'vi'))!;
    const body = snapshot.sanitizedHtml!;
    expect(body).not.toContain('Tin đồn cắt nước');
    expect(body).toContain('<a href="https://tin.example.vn/thoi-su/bai-goc.html">bài gốc</a>');
    expect(body).toContain('<a href="https://tin.example.vn/anh/cat-nuoc.html">ảnh</a>');
    expect(body).toContain('<a href="https://cdn.tin.example.vn/tep.pdf">tệp</a>');
    expect(body).toContain('<a href="#binh-luan">bình luận</a>');
    expect(body).toContain('<a href="https://khac.example.com/x">trang khác</a>');
    expect(page).not.toMatch(/<a href="\//);
  });

  it('resolves links against the page’s own <base href>', async () => {
    const snapshot = archived('<html><head><base href="https://tin.example.vn/2026/11/"></head><body><p><a href="bai.html">bài</a></p></body></html>');
    const { evidence } = evidenceWith(snapshot);
    await new SnapshotPages(evidence, pool).page('item-1', null, 'vi');
    expect(snapshot.sanitizedHtml).toBe('<p><a href="https://tin.example.vn/2026/11/bai.html">bài</a></p>');
  });

  it('dates the banner in Vietnam’s time zone, in the reader’s language', async () => {
    // Fetched 01:15 UTC = 08:15 in Hà Nội, on 26 November 2026.
    const { evidence } = evidenceWith(archived('<p>Bản tin</p>'));
    const pages = new SnapshotPages(evidence, pool);
    const vi = (await pages.page('item-1', null, 'vi'))!;
    const en = (await pages.page('item-1', null, 'en'))!;
    expect(vi).toMatch(/thu thập lúc <time datetime="2026-11-26T01:15:00.000Z">[^<]*08:15:00[^<]*2026[^<]*\(GMT\+7\)<\/time>/);
    expect(en).toMatch(/fetched <time datetime="2026-11-26T01:15:00.000Z">26 Nov 2026, 08:15:00 \(GMT\+7\)<\/time>/);
  });

  it('answers null for an item without that snapshot', async () => {
    const { evidence } = evidenceWith(archived('<p>x</p>'));
    await expect(new SnapshotPages(evidence, pool).page('item-2', null, 'vi')).resolves.toBeNull();
  });
});
