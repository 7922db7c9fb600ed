// rss-parser's builders compute fields Vigil never reads; Vigil builds feeds with rss-parser's own field lists and
// helpers instead (see rss-parser-sync.ts), imported from its CommonJS files directly. These are their shapes.
declare module 'rss-parser/lib/utils.js' {
  /** A field to copy: its element name, or [element, property] with options. */
  export type RssParserField = string | readonly [string, string] | readonly [string, string, { keepArray?: boolean; includeSnippet?: boolean }];
  const utils: {
    copyFromXML(xml: unknown, dest: Record<string, unknown>, fields: readonly RssParserField[]): void;
    getContent(content: unknown): unknown;
    getLink(links: unknown, rel: string, fallbackIndex: number): unknown;
  };
  export default utils;
}

declare module 'rss-parser/lib/fields.js' {
  import type { RssParserField } from 'rss-parser/lib/utils.js';
  const fields: { feed: readonly RssParserField[]; item: readonly RssParserField[] };
  export default fields;
}
