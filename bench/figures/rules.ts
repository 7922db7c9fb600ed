import { type CompiledRuleInput, type MatchableItem, parseRule, RuleMatcher, searchTokens } from '@vigil/domain';
import { loadavg } from 'node:os';
import type { BenchContext } from '../lib/context';
import { Random } from '../lib/random';
import { figure, type Figure } from '../lib/report';
import { median, now } from '../lib/stats';
import { type Language, NewsWriter } from '../lib/synth';

const SOURCES = Array.from({ length: 20 }, (_, index) => `0b9e4c1a-7d0f-4e3a-9b1c-${String(index).padStart(12, '0')}`);
const TAGS = ['Y tế', 'chính phủ', 'thời tiết', 'kinh tế', 'giáo dục'];

// Watch rules name specific people, places and schemes far more often than the everyday words of the news, so most
// rule words are rare in the items: Vietnamese-looking syllables and English words the synthetic news never writes,
// sprinkled into a few items each.
const INITIALS = ['b', 'ch', 'd', 'đ', 'g', 'h', 'kh', 'l', 'm', 'ng', 'nh', 'ph', 'qu', 's', 't', 'th', 'tr', 'v', 'x'];
const RHYMES = ['ạc', 'ành', 'ấp', 'ẩu', 'ếch', 'ìm', 'óp', 'ổng', 'ợt', 'ùng', 'ưởng', 'uyết', 'oắt', 'iễu', 'ọng', 'ứa', 'oạn', 'ỏi'];
const RARE_ENGLISH = ['ransomware', 'embezzlement', 'counterfeit', 'smuggling', 'deepfake', 'phishing', 'landslide', 'evacuation', 'quarantine', 'blackout', 'shortage', 'sanctions', 'bribery', 'hoax', 'impostor', 'scam', 'outbreak', 'cyclone', 'tsunami', 'looting'];
const RARE_WORDS = [...INITIALS.flatMap((initial) => RHYMES.map((rhyme) => initial + rhyme)), ...RARE_ENGLISH.flatMap((word) => [word, `${word}s`])];

// Typed bare, these are the rule language's operators, not words.
const OPERATORS = new Set(['and', 'or', 'not']);

interface Workload {
  items: MatchableItem[];
  /** The news' own words, less the most frequent ones (joiners like "của", "the"), which nobody watches for. */
  commonWords: string[];
  /** RARE_WORDS whose folded form the news never writes otherwise ("nhấp" folds to "nhap", as "nhập" does). */
  rareWords: string[];
}

function workload(count: number, seed: number): Workload {
  const random = new Random(seed);
  const writer = new NewsWriter(random);
  const drafts = Array.from({ length: count }, () => {
    const language: Language = random.chance(0.6) ? 'vi' : 'en';
    const words = Array.from({ length: random.int(4, 8) }, () => writer.paragraph(language)).join('\n\n').split(' ');
    return { language, title: writer.title(language), words };
  });
  const frequency = new Map<string, number>();
  const folded = new Set<string>();
  for (const draft of drafts.slice(0, 300)) {
    for (const token of searchTokens(`${draft.title} ${draft.words.join(' ')}`)) folded.add(token);
    for (const word of draft.words.join(' ').split(/[\s.,]+/)) {
      if (word.length > 1 && !OPERATORS.has(word.toLowerCase())) frequency.set(word, (frequency.get(word) ?? 0) + 1);
    }
  }
  const commonWords = [...frequency.keys()].sort((a, b) => (frequency.get(b) ?? 0) - (frequency.get(a) ?? 0)).slice(60);
  const rareWords = RARE_WORDS.filter((word) => searchTokens(word).every((token) => !folded.has(token)));
  const items = drafts.map(({ language, title, words }): MatchableItem => {
    for (let rare = random.int(2, 8); rare > 0; rare -= 1) words.splice(random.int(0, words.length), 0, random.pick(rareWords));
    return { title, text: words.join(' '), language, sourceId: random.pick(SOURCES), sourceTags: TAGS.filter(() => random.chance(0.25)) };
  });
  return { items, commonWords, rareWords };
}

/** Rules like a press office writes: 1–4 terms, some phrases, prefixes, exact accents, NEAR, NOT and filters. */
function generateRules(count: number, { commonWords, rareWords }: Workload, seed: number): CompiledRuleInput[] {
  const random = new Random(seed);
  const word = (): string => (random.chance(0.05) ? random.pick(commonWords) : random.pick(rareWords));
  const term = (): string => {
    const roll = random.next();
    if (roll < 0.5) return word();
    if (roll < 0.68) return `"${word()} ${word()}"`;
    if (roll < 0.78) return `${[...random.pick(rareWords)].slice(0, 4).join('')}*`;
    if (roll < 0.84) return `=${word()}`;
    if (roll < 0.9) return `${word()} NEAR/${random.int(1, 8)} ${word()}`;
    if (roll < 0.95) return random.chance(0.5) ? `tag:"${random.pick(TAGS)}"` : `source:${random.pick(SOURCES)}`;
    return `(${word()} OR ${word()})`;
  };
  return Array.from({ length: count }, (_, index) => {
    let text = term();
    for (let more = random.int(1, 4) - 1; more > 0; more -= 1) text += random.pick([' ', ' ', ' AND ', ' OR ', ' NOT ']) + term();
    return { id: `rule-${index}`, expression: parseRule(text) };
  });
}

/** µs per item of matching every item once, the median of alternating rounds (both see the same machine state). */
function microsPerItem(contenders: Record<string, { matcher: RuleMatcher; items: MatchableItem[] }>, rounds: number): Record<string, number> {
  const names = Object.keys(contenders);
  const samples: Record<string, number[]> = Object.fromEntries(names.map((name) => [name, []]));
  const run = (name: string): number => {
    const { matcher, items } = contenders[name];
    const start = now();
    for (const item of items) matcher.match(item);
    return ((now() - start) * 1000) / items.length;
  };
  for (const name of names) run(name); // warm-up
  for (let round = 0; round < rounds; round += 1) {
    for (const name of round % 2 === 0 ? names : [...names].reverse()) samples[name].push(run(name));
  }
  return Object.fromEntries(names.map((name) => [name, median(samples[name])]));
}

export async function rulesFigures(context: BenchContext): Promise<Figure[]> {
  const work = workload(context.quick ? 500 : 3000, 91);
  const { items } = work;
  // Evaluating 10,000 rules one by one takes milliseconds per item: the baseline at that size looks at fewer items.
  const baselineItems = items.slice(0, context.quick ? 100 : 400);
  const rounds = context.quick ? 3 : 7;
  const sizes = [100, 1000, 10_000];
  const indexed: Record<number, number> = {};
  const naive: Record<number, number> = {};
  const notes: Record<number, string> = {};
  for (const size of sizes) {
    const rules = generateRules(size, work, 7 + size);
    const started = now();
    const matcher = new RuleMatcher(rules);
    const compileMs = now() - started;
    const result = microsPerItem(
      { indexed: { matcher, items }, naive: { matcher: new RuleMatcher(rules, { index: false }), items: size >= 10_000 ? baselineItems : items } },
      rounds,
    );
    indexed[size] = result.indexed;
    naive[size] = result.naive;
    const matched = items.slice(0, 500).reduce((sum, item) => sum + matcher.match(item).length, 0) / Math.min(500, items.length);
    notes[size] = `${matched.toFixed(1)} rules matched per item; ${matcher.stats.unanchored} of ${size} rules run on every item; compiled in ${compileMs.toFixed(0)} ms`;
    context.log(`rules: ${size} rules, ${result.indexed.toFixed(1)} µs/item indexed, ${result.naive.toFixed(1)} µs/item one by one (${notes[size]})`);
  }
  const itemsNote = `${items.length} synthetic items (60% Vietnamese), ~${Math.round(items.reduce((sum, item) => sum + item.text.length, 0) / items.length)} characters of text each; baseline: the same rules evaluated one by one on the same folded item; 1-minute load average ${loadavg()[0].toFixed(1)} at the end`;
  return [
    ...sizes.map((size) =>
      figure({
        name: `rule matching per item, ${size.toLocaleString('en')} rules (index vs one by one)`,
        value: indexed[size],
        unit: 'µs',
        baseline: naive[size],
        target: size === 1000 ? { on: 'value', op: '<', limit: 1000 } : null,
        note: size === 1000 ? `${notes[size]}. ${itemsNote}` : notes[size],
      }),
    ),
    figure({
      name: 'rule matching cost, 10,000 rules vs 1,000',
      value: indexed[10_000],
      unit: 'µs',
      baseline: indexed[1000],
      target: { on: 'ratio', op: '<', limit: 3 },
      note: `baseline here is the indexed matcher at 1,000 rules; one by one the same step costs ${(naive[10_000] / naive[1000]).toFixed(1)}×`,
    }),
  ];
}
