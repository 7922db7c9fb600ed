import { extractArticle } from './extract-article';

export interface CommandResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

// A page read from stdin has no address; links resolve against a reserved name (RFC 2606) instead.
const UNKNOWN_PAGE_URL = 'https://page.invalid/';

/**
 * `vigil extract [--url URL] < page.html`: the production extractor over one page, printing what collection keeps of
 * it (title, byline, dates, canonical URL, images, language, site name, text) as indented JSON, like `parse-feed`.
 * Exit 1 when the page has no article text, 2 when the URL is not an absolute http(s) URL. No I/O here: the CLI
 * passes stdin and prints.
 */
export function runExtract(html: string, url?: string): CommandResult {
  if (url !== undefined && !isHttpUrl(url)) {
    return { exitCode: 2, stdout: '', stderr: `vigil extract: --url must be an absolute http(s) URL, got "${url}"\n` };
  }
  let article;
  try {
    article = extractArticle(html, url ?? UNKNOWN_PAGE_URL);
  } catch (error) {
    return { exitCode: 1, stdout: '', stderr: `vigil extract: ${error instanceof Error ? error.message : String(error)}\n` };
  }
  if (article.text.trim() === '') return { exitCode: 1, stdout: '', stderr: 'vigil extract: no article text found in the page\n' };
  const output = {
    title: article.title,
    byline: article.byline,
    publishedAt: article.publishedAt?.toISOString() ?? null,
    updatedAt: article.updatedAt?.toISOString() ?? null,
    // Without --url a relative canonical link only names the placeholder: not an address worth printing.
    canonicalUrl: new URL(article.canonicalUrl).hostname === new URL(UNKNOWN_PAGE_URL).hostname ? null : article.canonicalUrl,
    imageUrls: article.imageUrls,
    language: article.language,
    siteName: article.siteName,
    text: article.text,
  };
  return { exitCode: 0, stdout: `${JSON.stringify(output, null, 2)}\n`, stderr: '' };
}

function isHttpUrl(value: string): boolean {
  try {
    const parsed = new URL(value);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:';
  } catch {
    return false;
  }
}
