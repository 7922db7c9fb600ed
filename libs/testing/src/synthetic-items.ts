import { randomUUID } from 'node:crypto';
import { searchTokens, toSearchTermGroups } from '@vigil/domain';

/** Anything that runs SQL with positional parameters: a TypeORM DataSource or QueryRunner, a `pg` client. */
export interface SqlRunner {
  query(sql: string, parameters?: unknown[]): Promise<unknown>;
}

export interface SyntheticItemsOptions {
  /** Sources the items are spread over, round robin. Default 20. */
  sources?: number;
  /** The newest item is published just before this; the rest go back `spanDays`. Default now. */
  now?: Date;
  /** Days the items are spread over. Default 365 (about 270 a day at 100k), so a 30-day window holds a twelfth. */
  spanDays?: number;
}

export interface SyntheticItems {
  sourceIds: string[];
}

// Written as published: old and new tone-mark placement both occur (hoà / hòa, thuỷ / thủy, khoẻ / khỏe).
const VIETNAMESE_WORDS = `
  thông tin sai lệch chính phủ bộ tế nước sạch lũ lụt miền trung quảng trị hà nội đường ống cấp điện chập cháy nổ
  trường học đóng cửa sinh bệnh viện dịch giá xăng tăng giảm ngân hàng lãi suất giao tai nạn cầu cao tốc mưa bão sạt
  lở đất đai tranh chấp xã huyện tỉnh thành phố công an cảnh báo lừa đảo mạng hội phát ngôn bác bỏ đồn hoà hòa giải
  thuỷ thủy lợi khoẻ khỏe người dân nông nghiệp lúa gạo xuất khẩu hạn mặn đồng bằng sông cửu long biển đảo ngư
  cứu trợ khẩn cấp quân đội tuyên truyền kiểm chứng giả mạo vắc xin tiêm chủng nhiệt độ nắng nóng rét đậm lạnh
  kinh tế doanh nghiệp thuế hải quan cảng container đầu tư dự án quy hoạch bất động sản chung cư
`;
const ENGLISH_WORDS = `
  ministry rejects false claims water contaminated flood relief convoy villages health bridge expansion joint power
  outage school closure rumour rumours police warning scam prices rising fuel bank interest rates traffic accident
  storm landslide province officials denied reports vaccine hospital patients election government statement
  investigation fire factory workers protest market drought salinity delta river fishermen typhoon evacuation
  emergency army misinformation fact check fake heatwave cold economy business tax customs port investment project
  housing apartment district commune residents farmers rice export harvest pipeline electricity shortage ferry
`;

interface Vocabulary {
  written: string[];
  folded: string[];
  stems: string[];
}

/**
 * Inserts `count` items of synthetic Vietnamese and English news (two in three Vietnamese) with one INSERT …
 * SELECT generate_series, so 100k rows take seconds. Words follow a Zipf-like law, so one-word queries match
 * thousands of items and three-word ones a few dozen; the folded columns are what the collection pipeline
 * would store (stems for English items only), so search behaves as on collected items.
 */
export async function seedSyntheticItems(db: SqlRunner, count: number, options: SyntheticItemsOptions = {}): Promise<SyntheticItems> {
  const sourceIds = Array.from({ length: options.sources ?? 20 }, () => randomUUID());
  const now = options.now ?? new Date();
  const spanSeconds = Math.round((options.spanDays ?? 365) * 86_400);
  await db.query(
    `INSERT INTO sources (id, name, url, kind, poll_interval_sec, configured_poll_interval_sec, min_poll_interval_sec, max_poll_interval_sec)
     SELECT id, 'Synthetic ' || n, 'https://synthetic-' || n || '.example.vn/rss', 'rss', 600, 600, 300, 3600
       FROM unnest($1::uuid[]) WITH ORDINALITY AS source(id, n)`,
    [sourceIds],
  );
  const vi = vocabulary(VIETNAMESE_WORDS, false);
  const en = vocabulary(ENGLISH_WORDS, true);
  // Picks are 1-based indexes into a vocabulary, log-uniform (P(k) ∝ 1/k); the subqueries mention g so they are
  // drawn again for every row instead of once for the whole statement.
  await db.query(
    `SELECT setseed(0.42)`,
  );
  await db.query(
    `WITH drawn AS (
       SELECT g, (g % 3 = 0) AS english,
              ARRAY(SELECT floor(exp(random() * ln(CASE WHEN g % 3 = 0 THEN $5 ELSE $4 END::int + 1)))::int FROM generate_series(1, 6 + g % 5)) AS title_picks,
              ARRAY(SELECT floor(exp(random() * ln(CASE WHEN g % 3 = 0 THEN $5 ELSE $4 END::int + 1)))::int FROM generate_series(1, 30 + g % 20)) AS text_picks
         FROM generate_series(1, $1::int) AS g
     ),
     worded AS (
       SELECT g, english,
              array_to_string(ARRAY(SELECT CASE WHEN english THEN ($9::text[])[p] ELSE ($6::text[])[p] END FROM unnest(title_picks) AS p), ' ') AS title,
              array_to_string(ARRAY(SELECT CASE WHEN english THEN ($9::text[])[p] ELSE ($6::text[])[p] END FROM unnest(text_picks) AS p), ' ') AS body,
              array_to_string(ARRAY(SELECT CASE WHEN english THEN ($10::text[])[p] ELSE ($7::text[])[p] END FROM unnest(title_picks) AS p), ' ') AS search_title,
              array_to_string(ARRAY(SELECT CASE WHEN english THEN ($10::text[])[p] ELSE ($7::text[])[p] END FROM unnest(text_picks) AS p), ' ')
                || CASE WHEN english
                     THEN ' ' || array_to_string(ARRAY(SELECT ($11::text[])[p] FROM unnest(title_picks || text_picks) AS p), ' ')
                     ELSE '' END AS search_text,
              $2::timestamptz - make_interval(secs => (g::double precision / $1::int) * $3::int) AS at
         FROM drawn
     )
     INSERT INTO items (source_id, dedupe_key, guid, url, canonical_url, title, content, text, snippet, language,
                        published_at, fetched_at, search_title, search_text, content_hash, enriched_at)
     SELECT ($8::uuid[])[1 + g % cardinality($8::uuid[])], 'synthetic-' || g, 'synthetic-' || g,
            'https://synthetic.example.vn/tin/' || g, 'https://synthetic.example.vn/tin/' || g,
            initcap(title), body, body, left(body, 200) || '…', CASE WHEN english THEN 'en' ELSE 'vi' END,
            -- One item in a hundred has no date, as some feeds do.
            CASE WHEN g % 100 = 0 THEN NULL ELSE at END, at + interval '5 minutes',
            search_title, search_text, md5('synthetic-' || g), at + interval '6 minutes'
       FROM worded`,
    [count, now, spanSeconds, vi.written.length, en.written.length, vi.written, vi.folded, sourceIds, en.written, en.folded, en.stems],
  );
  return { sourceIds };
}

function vocabulary(words: string, english: boolean): Vocabulary {
  const result: Vocabulary = { written: [], folded: [], stems: [] };
  const seen = new Set<string>();
  for (const word of words.split(/\s+/).filter(Boolean)) {
    // A stopword or a word the tokenizer splits would make the folded columns disagree with the text.
    const tokens = searchTokens(word);
    if (tokens.length !== 1 || seen.has(word)) continue;
    seen.add(word);
    result.written.push(word);
    result.folded.push(tokens[0]);
    result.stems.push(english ? (toSearchTermGroups(word)[0].stem ?? tokens[0]) : tokens[0]);
  }
  return result;
}
