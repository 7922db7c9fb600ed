import { randomUUID } from 'node:crypto';
import { toSearchFields } from '@vigil/domain';
import type { ItemsRepository, NewItem } from '@vigil/persistence';
import type { SearchDocument } from '@vigil/search';
import type { DataSource } from 'typeorm';

/** One fictional news item of the contract fixture; `key` names it in assertions. */
interface FixtureItem {
  key: string;
  source: 'thoibao' | 'citynews';
  language: 'vi' | 'en';
  title: string;
  text: string;
  publishedAt: string | null;
}

// Old and new tone-mark placement both occur as published (hoà / hòa), and one title carries no marks at all.
export const FIXTURE: FixtureItem[] = [
  { key: 'hoa-old', source: 'thoibao', language: 'vi', title: 'Hoà giải tranh chấp đất đai ở xã Tân Phú', text: 'Ủy ban xã tổ chức hoà giải giữa hai hộ dân.', publishedAt: '2026-11-20T08:00:00Z' },
  { key: 'hoa-new', source: 'thoibao', language: 'vi', title: 'Hòa giải thành công vụ tranh chấp ranh giới', text: 'Hai bên đồng ý hòa giải sau buổi làm việc.', publishedAt: '2026-11-21T08:00:00Z' },
  { key: 'hoa-bare', source: 'citynews', language: 'vi', title: 'Hoa giai tranh chap tai phuong 3', text: 'Phong vien nhan thu khong dau cua doc gia.', publishedAt: '2026-11-19T08:00:00Z' },
  { key: 'mua-rain', source: 'thoibao', language: 'vi', title: 'Mưa lớn gây ngập đường ở Quảng Trị', text: 'Mưa kéo dài khiến nhiều tuyến đường ngập sâu.', publishedAt: '2026-11-18T08:00:00Z' },
  { key: 'mua-buy', source: 'citynews', language: 'vi', title: 'Người dân mua nước sạch dự trữ', text: 'Nhiều hộ mua nước đóng bình trước đợt cắt nước.', publishedAt: '2026-11-22T08:00:00Z' },
  { key: 'sai-lech', source: 'thoibao', language: 'vi', title: 'Bác bỏ thông tin sai lệch về nước sạch', text: 'Công ty cấp nước khẳng định nước vẫn đạt chuẩn.', publishedAt: '2026-11-23T08:00:00Z' },
  { key: 'flood-en', source: 'citynews', language: 'en', title: 'Ministry rejects flooding rumours', text: 'Officials rejected claims that the dam had failed.', publishedAt: '2026-11-24T08:00:00Z' },
  { key: 'water-en', source: 'citynews', language: 'en', title: 'Water supply restored after outage', text: 'The utility says the water is safe to drink.', publishedAt: null },
  // Enough same-word items that a page boundary falls inside one score and one date.
  ...Array.from({ length: 23 }, (_, n): FixtureItem => ({
    key: `bulletin-${n}`,
    source: n % 2 === 0 ? 'thoibao' : 'citynews',
    language: 'vi',
    title: `Bản tin thời tiết số ${n}`,
    text: 'Bản tin thời tiết hằng ngày của đài khí tượng.',
    publishedAt: n % 5 === 4 ? null : new Date(Date.UTC(2026, 10, 1 + (n % 7), 6)).toISOString(),
  })),
];

export interface SeededFixture {
  /** Item id by fixture key. */
  ids: Map<string, string>;
  sourceIds: Record<FixtureItem['source'], string>;
  documents: SearchDocument[];
}

/** Stores the fixture as collection would (folded search columns computed by toSearchFields). */
export async function seedFixture(db: DataSource, items: ItemsRepository): Promise<SeededFixture> {
  const sourceIds = { thoibao: randomUUID(), citynews: randomUUID() };
  for (const [name, id] of Object.entries(sourceIds)) {
    await db.query(
      `INSERT INTO sources (id, name, url, kind, poll_interval_sec, configured_poll_interval_sec, min_poll_interval_sec, max_poll_interval_sec)
       VALUES ($1, $2, $3, 'rss', 600, 600, 300, 3600)`,
      [id, name, `https://${name}.example.vn/rss`],
    );
  }
  const rows: NewItem[] = FIXTURE.map((item) => {
    const search = toSearchFields(item);
    const url = `https://${item.source}.example.vn/tin/${item.key}`;
    const publishedAt = item.publishedAt ? new Date(item.publishedAt) : null;
    return {
      sourceId: sourceIds[item.source], dedupeKey: item.key, guid: item.key, url, canonicalUrl: url, title: item.title,
      content: item.text, text: item.text, snippet: item.text, language: item.language, byline: null, imageUrls: [],
      publishedAt, updatedAt: null, fetchedAt: new Date('2026-11-25T00:00:00Z'), searchTitle: search.title,
      searchText: search.text, contentHash: null, entryHash: null,
    };
  });
  const stored = await items.upsert(rows);
  const ids = new Map(FIXTURE.map((item, n) => [item.key, stored[n]!.id]));
  const documents = FIXTURE.map((item, n): SearchDocument => ({
    id: stored[n]!.id, sourceId: sourceIds[item.source], title: item.title, text: item.text, url: rows[n]!.url,
    language: item.language, publishedAt: rows[n]!.publishedAt,
  }));
  return { ids, sourceIds, documents };
}
