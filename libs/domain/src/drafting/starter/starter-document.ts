import type { DraftBlock, DraftCitation, DraftDocument, DraftInline, DraftLanguage } from '@vigil/contracts';
import { renderTemplate } from '../draft-template';

/** What the starter fills a template with; every text is as stored (verbatim evidence, facts as recorded). */
export interface StarterContent {
  language: DraftLanguage;
  caseTitle: string;
  caseReference: string;
  officeName: string;
  date: Date;
  summary: readonly { text: string; itemId: string }[];
  quotes: readonly { text: string; itemId: string; sourceName: string }[];
  facts: readonly { id: string; statement: string; sourceName: string; sourceUrl: string | null; statedOn: string }[];
  /** The cited items' original URLs and titles. */
  items: ReadonlyMap<string, { url: string; title: string }>;
}

/** When a channel has no template for the language: the parts under plain headings. */
const DEFAULT_LAYOUT: Record<DraftLanguage, string> = {
  vi: ['# {{case_title}}', '{{office_name}}, {{date}}', '', '# Tóm tắt', '{{summary}}', '', '# Trích dẫn', '{{quotes}}', '', '# Thông tin chính thức', '{{facts}}', '', '# Nguồn', '{{citations}}'].join('\n'),
  en: ['# {{case_title}}', '{{office_name}}, {{date}}', '', '# Summary', '{{summary}}', '', '# Quotes', '{{quotes}}', '', '# Official facts', '{{facts}}', '', '# Sources', '{{citations}}'].join('\n'),
};
// Citation titles are what a references list prints: a long fact statement is cut there, never in the text.
const CITATION_TITLE_MAX = 200;

/**
 * The starter's document: the template (or the default layout) with the summary as one paragraph, each sentence
 * followed by its item's citation mark, each quote as a quote block citing its item, each fact as a bullet citing the
 * fact, and a references list. Citations are numbered by first mark: the summary's items, the quotes', then the facts.
 */
export function starterDocument(content: StarterContent, templateBody: string | null): DraftDocument {
  const citations = new Map<string, DraftCitation>();
  const cite = (citation: DraftCitation): DraftInline => {
    if (!citations.has(citation.id)) citations.set(citation.id, citation);
    return { type: 'citation', citationId: citation.id };
  };
  const citeItem = (itemId: string): DraftInline[] => {
    const item = content.items.get(itemId);
    return item ? [cite({ id: `item-${itemId}`, kind: 'item', targetId: itemId, url: item.url, title: shortened(item.title) })] : [];
  };

  const summaryInlines = content.summary.flatMap((sentence, index) => [text(index === 0 ? sentence.text : ` ${sentence.text}`), ...citeItem(sentence.itemId)]);
  const summary: DraftBlock[] = summaryInlines.length ? [{ kind: 'paragraph', inlines: summaryInlines }] : [];
  const quotes: DraftBlock[] = content.quotes.map((quote) => ({ kind: 'quote', inlines: [text(`“${quote.text}” — ${quote.sourceName} `), ...citeItem(quote.itemId)] }));
  const facts: DraftBlock[] = content.facts.map((fact) => ({
    kind: 'bullet',
    inlines: [
      text(`${fact.statement} (${fact.sourceName}, ${fact.statedOn}) `),
      cite({ id: `fact-${fact.id}`, kind: 'fact', targetId: fact.id, url: fact.sourceUrl, title: shortened(fact.statement) }),
    ],
  }));
  const references: DraftBlock[] = [...citations.values()].map((citation) => ({
    kind: 'bullet',
    inlines: [{ type: 'citation', citationId: citation.id }, text(` ${citation.title}${citation.url ? ` — ${citation.url}` : ''}`)],
  }));

  const blocks = renderTemplate(
    templateBody ?? DEFAULT_LAYOUT[content.language],
    { case_title: content.caseTitle, case_reference: content.caseReference, office_name: content.officeName, date: content.date, summary, quotes, facts, citations: references },
    content.language,
  );
  return { blocks, citations: [...citations.values()] };
}

function text(value: string): DraftInline {
  return { type: 'text', text: value };
}

function shortened(title: string): string {
  const characters = Array.from(title.trim());
  return characters.length <= CITATION_TITLE_MAX ? characters.join('') : `${characters.slice(0, CITATION_TITLE_MAX - 1).join('').trimEnd()}…`;
}
