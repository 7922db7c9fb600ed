import { searchTokens } from '../text/vietnamese-text';
import { ClaimGlossary } from './claim-glossary';
import { ClaimMatcher } from './claim-matcher';
import { DEFAULT_GLOSSARY } from './default-glossary';
import { generateParaphraseSet, type GeneratedCase, type ParaphraseKind } from './paraphrase-fixtures';

const K = 5;

/** The baseline: plain keyword search, ranking cases by how many distinct folded words they share with the claim. */
function keywordRanking(cases: readonly GeneratedCase[], text: string): string[] {
  const query = new Set(searchTokens(text));
  return cases
    .map((candidate) => ({ id: candidate.id, overlap: new Set(searchTokens(candidate.text).filter((token) => query.has(token))).size }))
    .filter((candidate) => candidate.overlap > 0)
    .sort((left, right) => right.overlap - left.overlap || left.id.localeCompare(right.id))
    .map((candidate) => candidate.id);
}

describe('claim matching on generated paraphrases', () => {
  const { cases, paraphrases } = generateParaphraseSet();
  const matcher = new ClaimMatcher(new ClaimGlossary(DEFAULT_GLOSSARY));
  const index = matcher.index(cases.map((generated) => ({ id: generated.id, source: 'case' as const, text: generated.text })));

  const recall = (rank: (text: string) => string[], kind?: ParaphraseKind, k = K) => {
    const subset = paraphrases.filter((paraphrase) => kind === undefined || paraphrase.kind === kind);
    return subset.filter((paraphrase) => rank(paraphrase.text).slice(0, k).includes(paraphrase.caseId)).length / subset.length;
  };
  const ours = (text: string) => matcher.suggest(index, text, { limit: K }).map((suggestion) => suggestion.id);
  const keyword = (text: string) => keywordRanking(cases, text);

  it(`finds the paraphrased claim's case in the top ${K} more often than keyword search`, () => {
    const kinds: ParaphraseKind[] = ['vi_reworded', 'vi_unmarked', 'en', 'en_reordered'];
    const rows = kinds.map((kind) => `${kind.padEnd(13)} matcher ${recall(ours, kind).toFixed(3)}  keyword ${recall(keyword, kind).toFixed(3)}`);
    const total = { ours: recall(ours), keyword: recall(keyword) };
    console.log(
      [`recall@${K} over ${paraphrases.length} paraphrases of ${cases.length} cases`, ...rows, `${'all'.padEnd(13)} matcher ${total.ours.toFixed(3)}  keyword ${total.keyword.toFixed(3)}`, `recall@1 (all) matcher ${recall(ours, undefined, 1).toFixed(3)}  keyword ${recall(keyword, undefined, 1).toFixed(3)}`].join('\n'),
    );
    expect(total.ours).toBeGreaterThan(total.keyword);
    expect(total.ours).toBeGreaterThanOrEqual(0.9);
    for (const kind of kinds) expect(recall(ours, kind)).toBeGreaterThanOrEqual(recall(keyword, kind));
  });
});
