import { type ErrorCode, VigilError } from '@vigil/contracts';
import { XMLBuilder, XMLParser } from 'fast-xml-parser';

export interface OpmlOutline {
  title: string;
  xmlUrl: string;
  htmlUrl: string | null;
  /** From the outline's `category` attribute and the titles of the folders it sits in. */
  tags: string[];
  /** Vigil's own attribute, so an export re-imports with the same kinds. */
  kind: string | null;
}

type OpmlErrorCode = Extract<ErrorCode, 'opml_too_large' | 'opml_doctype_refused' | 'opml_unreadable' | 'opml_not_opml'>;

/** An OPML file that cannot be read; clients translate the code. */
export class OpmlError extends VigilError {
  constructor(code: OpmlErrorCode, message: string) {
    super(code, message);
    this.name = 'OpmlError';
  }
}

const MAX_OPML_BYTES = 5 * 1024 * 1024;

interface RawOutline {
  '@_text'?: string;
  '@_title'?: string;
  '@_xmlUrl'?: string;
  '@_htmlUrl'?: string;
  '@_category'?: string;
  '@_vigil:kind'?: string;
  outline?: RawOutline | RawOutline[];
}

export interface OpmlContents {
  outlines: OpmlOutline[];
  /** Titles of outlines that are neither a feed (no xmlUrl) nor a folder (no outlines inside): listed as skipped. */
  withoutUrl: string[];
}

/** Reads the feed outlines of an OPML 1.0/2.0 subscription list, folders flattened into tags. */
export function parseOpml(xml: string): OpmlOutline[] {
  return readOpml(xml).outlines;
}

/** parseOpml, plus the outlines that name no feed. */
export function readOpml(xml: string): OpmlContents {
  if (xml.length > MAX_OPML_BYTES) throw new OpmlError('opml_too_large', 'The OPML file is larger than 5 MiB');
  if (/<!DOCTYPE/i.test(xml)) throw new OpmlError('opml_doctype_refused', 'OPML with a DOCTYPE is refused (entity expansion is never performed)');
  let document: { opml?: { body?: { outline?: RawOutline | RawOutline[] } } };
  try {
    document = new XMLParser({ ignoreAttributes: false, processEntities: true, htmlEntities: false }).parse(xml, true);
  } catch (error) {
    throw new OpmlError('opml_unreadable', `Unreadable OPML: ${(error as Error).message.split('\n')[0]}`);
  }
  if (!document.opml?.body) throw new OpmlError('opml_not_opml', 'Not an OPML document: no <opml><body>');
  const outlines: OpmlOutline[] = [];
  const withoutUrl: string[] = [];
  const visit = (nodes: RawOutline | RawOutline[] | undefined, folders: string[]) => {
    for (const node of toArray(nodes)) {
      const title = (node['@_title'] ?? node['@_text'] ?? '').trim();
      if (node['@_xmlUrl']) {
        const categories = (node['@_category'] ?? '').split(/[,/]/).map((tag) => tag.trim()).filter(Boolean);
        outlines.push({
          title: title || node['@_xmlUrl'],
          xmlUrl: node['@_xmlUrl'].trim(),
          htmlUrl: node['@_htmlUrl']?.trim() || null,
          tags: [...new Set([...folders, ...categories])],
          kind: node['@_vigil:kind'] ?? null,
        });
      } else if (node.outline === undefined) {
        withoutUrl.push(title);
      }
      visit(node.outline, title && !node['@_xmlUrl'] ? [...folders, title] : folders);
    }
  };
  visit(document.opml.body.outline, []);
  return { outlines, withoutUrl };
}

/** Writes an OPML 2.0 subscription list Vigil and other readers can import. */
export function buildOpml(title: string, outlines: OpmlOutline[], createdAt: Date): string {
  const body = outlines.map((outline) => ({
    '@_type': 'rss',
    '@_text': outline.title,
    '@_title': outline.title,
    '@_xmlUrl': outline.xmlUrl,
    ...(outline.htmlUrl ? { '@_htmlUrl': outline.htmlUrl } : {}),
    ...(outline.tags.length ? { '@_category': outline.tags.join(',') } : {}),
    ...(outline.kind ? { '@_vigil:kind': outline.kind } : {}),
  }));
  const document = {
    '?xml': { '@_version': '1.0', '@_encoding': 'UTF-8' },
    opml: {
      '@_version': '2.0',
      '@_xmlns:vigil': 'https://vigil.example.gov.vn/opml',
      head: { title, dateCreated: createdAt.toUTCString() },
      body: { outline: body },
    },
  };
  return new XMLBuilder({ ignoreAttributes: false, format: true, suppressEmptyNode: true }).build(document) as string;
}

function toArray<T>(value: T | T[] | undefined): T[] {
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}
