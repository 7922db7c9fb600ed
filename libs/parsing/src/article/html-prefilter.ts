export interface PrefilteredHtml {
  /** The page without comments and non-content elements, wrapped in html/body when it had none. */
  html: string;
  /** Raw text of every `<script type="application/ld+json">`, in document order. */
  jsonLd: string[];
}

// One left-to-right pass, so whichever starts first wins exactly as in the HTML tokenizer: a "<script>"
// inside a comment is comment text, and "<!--" or "</div>" inside a script is script text.
// An unterminated element or comment runs to the end of the input, as a browser would treat it.
const NON_CONTENT = /<!--[\s\S]*?(?:--!?>|$)|<(script|style|noscript|template|svg)\b([^>]*)>([\s\S]*?)(?:<\/\1\s*>|$)/gi;
const JSON_LD_TYPE = /\btype\s*=\s*["']?application\/ld\+json/i;

/**
 * Removes scripts, styles, noscript, templates, inline SVG and comments from raw HTML before a DOM is
 * built: they are never article text, they are often most of a news page's bytes, and building the
 * DOM is about half of the extraction cost. JSON-LD scripts are kept aside for the metadata reader.
 */
export function prefilterHtml(html: string): PrefilteredHtml {
  const jsonLd: string[] = [];
  const stripped = html.replace(NON_CONTENT, (match: string, tag: string | undefined, attributes = '', body = '') => {
    if (tag?.toLowerCase() === 'script' && JSON_LD_TYPE.test(attributes)) jsonLd.push(body);
    return tag ? ' ' : '';
  });
  return { html: /<body[\s>]/i.test(stripped) ? stripped : wrapFragment(stripped), jsonLd };
}

/** The same removal for an HTML snippet (JSON-LD articleBody written as HTML), without wrapping it. */
export function stripNonContent(html: string): string {
  return html.replace(NON_CONTENT, (_match: string, tag: string | undefined) => (tag ? ' ' : ''));
}

// linkedom keeps only what it can place in <head> when a document has no <body> tag.
function wrapFragment(fragment: string): string {
  const htmlAttributes = /<html\b([^>]*)>/i.exec(fragment)?.[1] ?? '';
  const withoutShell = fragment.replace(/<!doctype[^>]*>|<\/?html\b[^>]*>|<\/?head\b[^>]*>/gi, '');
  return `<!DOCTYPE html><html${htmlAttributes}><head></head><body>${withoutShell}</body></html>`;
}
