import { CENTROID_TERMS, centroidOf, type StoryCentroid, withItem } from './story-centroid';
import { candidateTerms, chooseStory, STORY_SIMILARITY_THRESHOLD, STORY_TOPIC_WINDOW_MS } from './story-assignment';
import { NEWS, type NewsFixture } from './story-fixtures';
import { storyTermCounts, termBucket } from './story-terms';
import { cosineSimilarity, type DocumentFrequencies, tfidfVector } from './term-vector';

/** Document frequencies counted as the items arrive, as the bucket table in PostgreSQL keeps them. */
function frequencyTable() {
  const buckets = new Map<number, number>();
  let documents = 0;
  const table: DocumentFrequencies & { count(terms: Iterable<string>): void } = {
    get documents() {
      return documents;
    },
    of: (term) => buckets.get(termBucket(term)) ?? 0,
    count(terms) {
      documents += 1;
      for (const bucket of new Set([...terms].map(termBucket))) buckets.set(bucket, (buckets.get(bucket) ?? 0) + 1);
    },
  };
  return table;
}

/** Single-pass clustering of items in arrival order, the way enrichment does it: the story each item lands in. */
function cluster(items: readonly NewsFixture[], at = (_index: number) => new Date('2026-11-27T08:00:00Z')): number[] {
  const frequencies = frequencyTable();
  const stories: { centroid: StoryCentroid; lastItemAt: Date }[] = [];
  return items.map((item, index) => {
    const counts = storyTermCounts(item);
    const vector = tfidfVector(counts, frequencies);
    frequencies.count(counts.keys());
    const when = at(index);
    const match = chooseStory(vector, stories.map((story, key) => ({ key, centroid: story.centroid.terms, lastItemAt: story.lastItemAt })), when);
    if (match) {
      const story = stories[match.key]!;
      story.centroid = withItem(story.centroid, vector);
      story.lastItemAt = when;
      return match.key;
    }
    stories.push({ centroid: centroidOf(vector), lastItemAt: when });
    return stories.length - 1;
  });
}

/** Items grouped as clustered, each group listed by event name. */
function groupsOf(items: readonly NewsFixture[], assigned: number[]): string[][] {
  const groups = new Map<number, string[]>();
  assigned.forEach((story, index) => groups.set(story, [...(groups.get(story) ?? []), items[index]!.event]));
  return [...groups.values()];
}

describe('story clustering', () => {
  it('puts differently worded reports of one event together, with or without diacritics, and apart from other events', () => {
    const groups = groupsOf(NEWS, cluster(NEWS));
    const expected = [...new Set(NEWS.map((item) => item.event))];
    expect(groups).toHaveLength(expected.length);
    for (const group of groups) expect(new Set(group).size).toBe(1);
  });

  it('clusters the same way whatever order the reports arrive in', () => {
    const shuffled = [...NEWS].reverse();
    const groups = groupsOf(shuffled, cluster(shuffled));
    expect(groups.map((group) => group.length).sort()).toEqual(groupsOf(NEWS, cluster(NEWS)).map((group) => group.length).sort());
    for (const group of groups) expect(new Set(group).size).toBe(1);
  });

  it('keeps English reports of the flood in a story of their own (no cross-language matching)', () => {
    const flood = NEWS.filter((item) => item.event === 'flood' || item.event === 'flood-en');
    const assigned = cluster(flood);
    const english = flood.map((item, index) => (item.language === 'en' ? assigned[index] : null)).filter((story) => story !== null);
    const vietnamese = flood.map((item, index) => (item.language === 'vi' ? assigned[index] : null)).filter((story) => story !== null);
    expect(new Set(english).size).toBe(1);
    expect(new Set(vietnamese).size).toBe(1);
    expect(english[0]).not.toBe(vietnamese[0]);
  });

  it('starts a new story when the last report of an event is older than the window', () => {
    const water = NEWS.filter((item) => item.event === 'water');
    const start = Date.parse('2026-11-27T08:00:00Z');
    const assigned = cluster(water, (index) => new Date(start + index * (STORY_TOPIC_WINDOW_MS + 3_600_000)));
    expect(new Set(assigned).size).toBe(water.length);
    // Within the window, a report two days after the previous one (not after the first) still joins.
    const steady = cluster(water, (index) => new Date(start + index * (STORY_TOPIC_WINDOW_MS - 3_600_000)));
    expect(new Set(steady).size).toBe(1);
  });

  it('leaves a clear margin around the threshold on the fixtures', () => {
    const frequencies = frequencyTable();
    for (const item of NEWS) frequencies.count(storyTermCounts(item).keys());
    const vectors = NEWS.map((item) => tfidfVector(storyTermCounts(item), frequencies));
    const events = [...new Set(NEWS.map((item) => item.event))];
    const centroids = new Map(
      events.map((event) => {
        const members = vectors.filter((_, index) => NEWS[index]!.event === event);
        return [event, members.slice(1).reduce(withItem, centroidOf(members[0]!))];
      }),
    );
    NEWS.forEach((item, index) => {
      for (const [event, centroid] of centroids) {
        const similarity = cosineSimilarity(vectors[index]!, centroid.terms);
        if (event === item.event) expect(similarity).toBeGreaterThan(STORY_SIMILARITY_THRESHOLD + 0.05);
        else expect(similarity).toBeLessThan(STORY_SIMILARITY_THRESHOLD - 0.03);
      }
    });
  });
});

describe('candidate terms', () => {
  it('are the heaviest terms an earlier document had: a term seen nowhere cannot find a story', () => {
    const frequencies = frequencyTable();
    frequencies.count(['song_lam', 'hoa_son']);
    const vector = new Map([['lu_quet', 0.9], ['song_lam', 0.3], ['hoa_son', 0.2], ['tinh', 0.1]]);
    expect(candidateTerms(vector, frequencies, 2)).toEqual(['song_lam', 'hoa_son']);
  });
});

describe('story centroids', () => {
  it('stay within their top terms as items join', () => {
    const frequencies = frequencyTable();
    const vectors = NEWS.map((item) => tfidfVector(storyTermCounts(item), frequencies));
    const merged = vectors.slice(1).reduce(withItem, centroidOf(vectors[0]!));
    expect(merged.itemCount).toBe(NEWS.length);
    expect(merged.terms.size).toBe(CENTROID_TERMS);
  });

  it('are the mean of their items while no term is cut', () => {
    const a = new Map([['lu', 0.6], ['hoa_son', 0.8]]);
    const b = new Map([['lu', 1]]);
    const merged = withItem(centroidOf(a), b);
    expect(merged.terms.get('lu')).toBeCloseTo(0.8);
    expect(merged.terms.get('hoa_son')).toBeCloseTo(0.4);
  });
});

describe('story terms', () => {
  it('folds syllables, drops stopwords (also typed without marks) and adds bigrams, the title counting twice', () => {
    const counts = storyTermCounts({ title: 'Cắt nước ở Hà Đông', text: 'Cong ty cua quan Ha Dong cat nuoc', language: 'vi' });
    expect(counts.get('cat_nuoc')).toBe(3);
    expect(counts.get('ha_dong')).toBe(3);
    expect(counts.has('cua')).toBe(false);
    expect(counts.get('cong_ty')).toBe(1);
  });

  it('keeps a marked word whose unmarked spelling is a stopword ("cỏ" is grass, not "có")', () => {
    expect(storyTermCounts({ title: 'Cỏ mọc', text: '', language: 'vi' }).has('co')).toBe(true);
    expect(storyTermCounts({ title: 'Có mọc', text: '', language: 'vi' }).has('co')).toBe(false);
  });

  it('drops English stopwords from English items and stems their words', () => {
    expect(storyTermCounts({ title: 'The river floods', text: '', language: 'en' }).has('the')).toBe(false);
    expect(storyTermCounts({ title: 'The river floods', text: '', language: 'en' }).has('river_flood')).toBe(true);
  });

  it('buckets terms stably within the table size', () => {
    expect(termBucket('cat_nuoc')).toBe(termBucket('cat_nuoc'));
    expect(termBucket('cat_nuoc')).not.toBe(termBucket('nuoc_cat'));
    expect(termBucket('x'.repeat(500))).toBeLessThan(1 << 20);
  });
});
