import type { DraftBlock, DraftDocument, DraftInline, DraftLanguage } from '@vigil/contracts';
import { isHttpUrl } from './draft-checks';
import { blockText, citationNumbers, numberedReferences } from './draft-text';

/** What an export prints around the body: the draft's title, language (for the references heading). */
export interface DraftExportInput {
  title: string;
  language: DraftLanguage;
  document: DraftDocument;
}

const REFERENCES_HEADING: Record<DraftLanguage, string> = { vi: 'Nguồn tham khảo', en: 'References' };

/** Plain text: the title, the blocks (bullets as "- ", quotes in quotation marks), then the numbered references. */
export function exportDraftText({ title, language, document }: DraftExportInput): string {
  const numbers = citationNumbers(document);
  const body = document.blocks.map((block) => {
    const text = blockText(block, numbers);
    return block.kind === 'bullet' ? `- ${text}` : block.kind === 'quote' ? `“${text}”` : text;
  });
  const references = numberedReferences(document).map(({ number, citation }) => `[${number}] ${citation.title}${citation.url ? ` — ${citation.url}` : ''}`);
  return [title, '', ...joinBlocks(document.blocks, body), ...(references.length ? ['', REFERENCES_HEADING[language], ...references] : [])].join('\n') + '\n';
}

/** Markdown, every character of the writer's text escaped so it reads as written (no link or HTML smuggled in). */
export function exportDraftMarkdown({ title, language, document }: DraftExportInput): string {
  const numbers = citationNumbers(document);
  const inline = (part: DraftInline) => {
    if (part.type === 'citation') return `\\[${numbers.get(part.citationId)}\\]`;
    const text = escapeMarkdown(part.text);
    if (text.trim() === '') return text;
    return part.bold && part.italic ? `***${text}***` : part.bold ? `**${text}**` : part.italic ? `*${text}*` : text;
  };
  const body = document.blocks.map((block) => {
    const text = block.inlines.map(inline).join('');
    return { heading: `## ${text}`, paragraph: text, bullet: `- ${text}`, quote: `> ${text}` }[block.kind];
  });
  const references = numberedReferences(document).map(({ number, citation }) => {
    const name = escapeMarkdown(citation.title);
    return `${number}. ${citation.url && isHttpUrl(citation.url) ? `[${name}](<${citation.url.replace(/[<>]/g, encodeURIComponent)}>)` : name}`;
  });
  return [`# ${escapeMarkdown(title)}`, '', ...joinBlocks(document.blocks, body), ...(references.length ? ['', `## ${REFERENCES_HEADING[language]}`, '', ...references] : [])].join('\n') + '\n';
}

/** An HTML fragment: every text escaped, only the elements this function writes, links only to http(s) URLs. */
export function exportDraftHtml({ title, language, document }: DraftExportInput): string {
  const numbers = citationNumbers(document);
  const inline = (part: DraftInline) => {
    if (part.type === 'citation') {
      const number = numbers.get(part.citationId);
      return `<sup><a href="#ref-${number}">[${number}]</a></sup>`;
    }
    let html = escapeHtml(part.text);
    if (part.italic) html = `<em>${html}</em>`;
    if (part.bold) html = `<strong>${html}</strong>`;
    return html;
  };
  const lines: string[] = [`<article lang="${language}">`, `<h1>${escapeHtml(title)}</h1>`];
  let inList = false;
  for (const block of document.blocks) {
    const html = block.inlines.map(inline).join('');
    if (block.kind === 'bullet' && !inList) lines.push('<ul>');
    if (block.kind !== 'bullet' && inList) lines.push('</ul>');
    inList = block.kind === 'bullet';
    lines.push({ heading: `<h2>${html}</h2>`, paragraph: `<p>${html}</p>`, bullet: `<li>${html}</li>`, quote: `<blockquote><p>${html}</p></blockquote>` }[block.kind]);
  }
  if (inList) lines.push('</ul>');
  const references = numberedReferences(document);
  if (references.length) {
    lines.push(`<h2>${REFERENCES_HEADING[language]}</h2>`, '<ol>');
    for (const { number, citation } of references) {
      const name = escapeHtml(citation.title);
      const link = citation.url && isHttpUrl(citation.url) ? ` — <a href="${escapeHtml(citation.url)}" rel="noopener noreferrer">${escapeHtml(citation.url)}</a>` : '';
      lines.push(`<li id="ref-${number}">${name}${link}</li>`);
    }
    lines.push('</ol>');
  }
  lines.push('</article>');
  return lines.join('\n') + '\n';
}

/** Blocks one per line, a blank line between blocks except between consecutive bullets (one list). */
function joinBlocks(blocks: readonly DraftBlock[], rendered: readonly string[]): string[] {
  const lines: string[] = [];
  rendered.forEach((text, index) => {
    if (index > 0 && !(blocks[index]!.kind === 'bullet' && blocks[index - 1]!.kind === 'bullet')) lines.push('');
    lines.push(text);
  });
  return lines;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => HTML_ENTITIES[character]!);
}

const HTML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Backslash-escapes every ASCII punctuation mark Markdown could read as syntax (CommonMark allows escaping any). */
function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!<>|~&"]/g, '\\$&').replace(/\n/g, ' ');
}
