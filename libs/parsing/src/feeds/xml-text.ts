import { XML_ENTITIES, htmlEntityCodePoint } from './html-entities';

const REFERENCE = /&(?:#[xX]([0-9a-fA-F]{1,8});|#([0-9]{1,10});|([A-Za-z][A-Za-z0-9]{0,31});)?/g;

/**
 * Rewrites markup text (outside CDATA) so every `&` starts a reference an XML parser accepts:
 * HTML named entities become numeric references, the five XML ones stay, unknown names (and bare
 * ampersands, as in "Tom & Jerry") become literal text, and references to characters XML forbids
 * are dropped. Unknown names are never looked up anywhere: `&xxe;` stays the five letters it is.
 */
export function repairEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(REFERENCE, (whole, hex: string | undefined, dec: string | undefined, name: string | undefined) => {
    if (hex !== undefined || dec !== undefined) {
      const code = hex !== undefined ? parseInt(hex, 16) : Number(dec);
      return isXmlCharacter(code) ? whole : '';
    }
    if (name === undefined) return '&amp;';
    if (XML_ENTITIES.has(name)) return whole;
    const code = htmlEntityCodePoint(name);
    return code === undefined ? `&amp;${name};` : `&#${code};`;
  });
}

/**
 * Decodes the references in raw text from a parser run with entity processing off
 * (fast-xml-parser for sitemaps): XML, numeric and HTML named; unknown names stay as written.
 */
export function decodeXmlText(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(REFERENCE, (whole, hex: string | undefined, dec: string | undefined, name: string | undefined) => {
    if (hex !== undefined || dec !== undefined) {
      const code = hex !== undefined ? parseInt(hex, 16) : Number(dec);
      return isXmlCharacter(code) ? String.fromCodePoint(code) : '';
    }
    if (name === undefined) return whole;
    const code = XML_CODE_POINTS.get(name) ?? htmlEntityCodePoint(name);
    return code === undefined ? whole : String.fromCodePoint(code);
  });
}

const XML_CODE_POINTS: ReadonlyMap<string, number> = new Map([
  ['amp', 38],
  ['lt', 60],
  ['gt', 62],
  ['apos', 39],
  ['quot', 34],
]);

function isXmlCharacter(code: number): boolean {
  return (
    code === 0x9 ||
    code === 0xa ||
    code === 0xd ||
    (code >= 0x20 && code <= 0xd7ff) ||
    (code >= 0xe000 && code <= 0xfffd) ||
    (code >= 0x10000 && code <= 0x10ffff)
  );
}
