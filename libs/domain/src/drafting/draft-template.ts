import { type DraftBlock, type DraftBlockKind, type DraftInline, type DraftLanguage, TEMPLATE_PLACEHOLDERS, type TemplatePlaceholder } from '@vigil/contracts';

/**
 * What fills a template. Text values are inserted verbatim; block values (a summary, quotes, facts, citations) stand
 * for whole blocks: on a line of their own they expand to those blocks, inside other text to their plain text.
 * Absent values render as nothing.
 */
export interface TemplateValues {
  case_title?: string;
  case_reference?: string;
  office_name?: string;
  /** Formatted as the office's calendar day (Asia/Ho_Chi_Minh) in the template's language. */
  date?: Date;
  summary?: DraftBlock[];
  quotes?: DraftBlock[];
  facts?: DraftBlock[];
  citations?: DraftBlock[];
}

const PLACEHOLDER = /\{\{([^{}]*)\}\}/g;
const KNOWN = new Set<string>(TEMPLATE_PLACEHOLDERS);
const LINE_PREFIXES: [string, DraftBlockKind][] = [
  ['# ', 'heading'],
  ['- ', 'bullet'],
  ['> ', 'quote'],
];

/** The first placeholder in the body that is not one of TEMPLATE_PLACEHOLDERS (as written between the braces), or null. */
export function unknownTemplatePlaceholder(body: string): string | null {
  for (const match of body.matchAll(PLACEHOLDER)) {
    const name = match[1]!.trim();
    if (!KNOWN.has(name)) return name;
  }
  return null;
}

/**
 * The template as draft blocks: a line starting "# " is a heading, "- " a bullet, "> " a quote; other lines run
 * together into paragraphs, which blank lines separate. Placeholders are replaced after the line is classified, so a
 * value can never turn into markup.
 */
export function renderTemplate(body: string, values: TemplateValues, language: DraftLanguage): DraftBlock[] {
  const blocks: DraftBlock[] = [];
  let paragraph: DraftInline[] | null = null;
  const endParagraph = (): void => {
    if (paragraph && hasText(paragraph)) blocks.push({ kind: 'paragraph', inlines: paragraph });
    paragraph = null;
  };
  for (const rawLine of body.replace(/\r\n?/g, '\n').split('\n')) {
    const line = rawLine.trimEnd();
    if (line.trim() === '') {
      endParagraph();
      continue;
    }
    const standalone = blockValueAlone(line.trim(), values);
    if (standalone) {
      endParagraph();
      blocks.push(...standalone);
      continue;
    }
    const prefixed = LINE_PREFIXES.find(([prefix]) => line.startsWith(prefix));
    if (prefixed) {
      endParagraph();
      const inlines = substitute(line.slice(prefixed[0].length), values, language);
      if (hasText(inlines)) blocks.push({ kind: prefixed[1], inlines });
      continue;
    }
    const inlines = substitute(line, values, language);
    paragraph = paragraph ? mergeText([...paragraph, { type: 'text', text: ' ' }, ...inlines]) : inlines;
  }
  endParagraph();
  return blocks;
}

/** The day as the office writes it: "ngày 2 tháng 12 năm 2026" or "2 December 2026". */
export function formatTemplateDate(at: Date, language: DraftLanguage): string {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric', month: 'numeric', day: 'numeric' }).formatToParts(at);
  const part = (type: Intl.DateTimeFormatPartTypes): number => Number(parts.find((candidate) => candidate.type === type)!.value);
  if (language === 'vi') return `ngày ${part('day')} tháng ${part('month')} năm ${part('year')}`;
  return `${part('day')} ${ENGLISH_MONTHS[part('month') - 1]} ${part('year')}`;
}

const ENGLISH_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** A line that is exactly one block placeholder: its blocks (possibly none). */
function blockValueAlone(line: string, values: TemplateValues): DraftBlock[] | null {
  const match = /^\{\{([^{}]*)\}\}$/.exec(line);
  if (!match) return null;
  const value = valueOf(match[1]!.trim(), values);
  return Array.isArray(value) ? value : null;
}

function substitute(text: string, values: TemplateValues, language: DraftLanguage): DraftInline[] {
  const inlines: DraftInline[] = [];
  let last = 0;
  for (const match of text.matchAll(PLACEHOLDER)) {
    inlines.push({ type: 'text', text: text.slice(last, match.index) });
    const value = valueOf(match[1]!.trim(), values);
    if (value instanceof Date) inlines.push({ type: 'text', text: formatTemplateDate(value, language) });
    else if (Array.isArray(value)) inlines.push(...value.flatMap((block, index) => (index === 0 ? block.inlines : [{ type: 'text' as const, text: ' ' }, ...block.inlines])));
    else if (value !== undefined) inlines.push({ type: 'text', text: value });
    last = match.index + match[0].length;
  }
  inlines.push({ type: 'text', text: text.slice(last) });
  return mergeText(inlines);
}

function valueOf(name: string, values: TemplateValues): TemplateValues[TemplatePlaceholder] {
  return KNOWN.has(name) ? values[name as TemplatePlaceholder] : undefined;
}

/** Adjacent plain runs joined and empty runs dropped, so a rendered block looks like one the editor would save. */
function mergeText(inlines: DraftInline[]): DraftInline[] {
  const merged: DraftInline[] = [];
  for (const inline of inlines) {
    if (inline.type === 'text' && inline.text === '') continue;
    const previous = merged.at(-1);
    if (inline.type === 'text' && previous?.type === 'text' && !previous.bold && !previous.italic && !inline.bold && !inline.italic) {
      merged[merged.length - 1] = { type: 'text', text: previous.text + inline.text };
    } else {
      merged.push(inline);
    }
  }
  return merged;
}

function hasText(inlines: DraftInline[]): boolean {
  return inlines.some((inline) => inline.type === 'citation' || inline.text.trim() !== '');
}
