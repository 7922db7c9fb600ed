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

  it('answers null for an item without that snapshot', async () => {
    const { evidence } = evidenceWith(archived('<p>x</p>'));
    await expect(new SnapshotPages(evidence, pool).page('item-2', null, 'vi')).resolves.toBeNull();
  });
});
