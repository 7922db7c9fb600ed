/** The fields of a schema.org article that extraction uses, read from the page's JSON-LD. */
export interface JsonLdArticle {
  type: string;
  headline: string | null;
  datePublished: string | null;
  dateModified: string | null;
  authorNames: string[];
  imageUrls: string[];
  articleBody: string | null;
  publisherName: string | null;
  isLiveBlog: boolean;
}

type Node = Record<string, unknown>;

// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_CHARACTERS = /[\u0000-\u001f]+/g;

// schema.org Article and its news, blog and report subtypes (the list Readability also accepts).
const ARTICLE_TYPE =
  /^(?:Article|AdvertiserContentArticle|NewsArticle|AnalysisNewsArticle|AskPublicNewsArticle|BackgroundNewsArticle|OpinionNewsArticle|ReportageNewsArticle|ReviewNewsArticle|Report|SatiricalArticle|ScholarlyArticle|SocialMediaPosting|BlogPosting|LiveBlogPosting|DiscussionForumPosting|TechArticle)$/;

/** The first article node across the page's JSON-LD blocks (arrays and `@graph` included); null when none. */
export function findJsonLdArticle(blocks: readonly string[]): JsonLdArticle | null {
  const nodes = blocks.flatMap((block) => flatten(parseLenient(block)));
  const byId = new Map<string, Node>();
  for (const node of nodes) if (typeof node['@id'] === 'string') byId.set(node['@id'], node);

  const article = nodes.find((node) => typesOf(node).some((type) => ARTICLE_TYPE.test(type)));
  if (!article) return null;
  const resolve = (value: unknown): unknown => (isNode(value) && typeof value['@id'] === 'string' && byId.get(value['@id'])) || value;
  const types = typesOf(article);

  return {
    type: types.find((type) => ARTICLE_TYPE.test(type)) ?? types[0],
    headline: text(article.headline) ?? text(article.name),
    datePublished: text(article.datePublished) ?? text(article.dateCreated),
    dateModified: text(article.dateModified),
    authorNames: asArray(article.author).flatMap((author) => nameOf(resolve(author)) ?? []),
    imageUrls: asArray(article.image).map(resolve).flatMap(imageUrl),
    articleBody: text(article.articleBody),
    publisherName: nameOf(resolve(asArray(article.publisher)[0])),
    isLiveBlog: types.includes('LiveBlogPosting'),
  };
}

function parseLenient(block: string): unknown {
  const trimmed = block.trim().replace(/^<!\[CDATA\[|\]\]>$/g, '');
  try {
    return JSON.parse(trimmed);
  } catch {
    // CMSs often emit raw line breaks and tabs inside strings, which strict JSON forbids.
    try {
      return JSON.parse(trimmed.replace(CONTROL_CHARACTERS, ' '));
    } catch {
      return null;
    }
  }
}

function flatten(value: unknown): Node[] {
  if (Array.isArray(value)) return value.flatMap(flatten);
  if (!isNode(value)) return [];
  // Articles also hide in a WebPage's mainEntity or in a Yoast-style @graph.
  return [value, ...flatten(value['@graph'] ?? []), ...flatten(value.mainEntity ?? [])];
}

function nameOf(value: unknown): string | null {
  if (typeof value === 'string') return text(value);
  return isNode(value) ? text(value.name) : null;
}

function typesOf(node: Node): string[] {
  return asArray(node['@type']).filter((type): type is string => typeof type === 'string');
}

function imageUrl(image: unknown): string[] {
  if (typeof image === 'string') return image.trim() ? [image.trim()] : [];
  if (!isNode(image)) return [];
  const url = text(image.url) ?? text(image.contentUrl);
  return url ? [url] : [];
}

function text(value: unknown): string | null {
  if (Array.isArray(value)) return text(value[0]);
  if (typeof value !== 'string') return null;
  const trimmed = value.trim();
  return trimmed.length > 0 ? trimmed : null;
}

function asArray(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
