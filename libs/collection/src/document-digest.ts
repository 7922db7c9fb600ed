import { createHash } from 'node:crypto';
import type { SourceKind } from '@vigil/contracts';
import type { SourceEntity } from '@vigil/persistence';
import type { FetchResult } from './http';

/** Kinds whose one fetched document decides every entry a poll lists; a sitemap index also reads child sitemaps. */
const SELF_CONTAINED_KINDS: ReadonlySet<SourceKind> = new Set(['rss', 'atom', 'jsonfeed', 'web']);

/**
 * What a poll read, as one digest: the bytes, and everything that decides what they are read as (their address,
 * charset, the source's kind and listing rule). Equal digests read to equal entries, so a server that ignores
 * validators still costs no parse for an unchanged document. Null where the document alone does not decide it.
 */
export function documentDigest(source: Pick<SourceEntity, 'kind' | 'listing'>, response: Pick<FetchResult, 'finalUrl' | 'contentType' | 'body'>): string | null {
  if (!SELF_CONTAINED_KINDS.has(source.kind)) return null;
  const reading = JSON.stringify([source.kind, source.listing, response.finalUrl, response.contentType]);
  return createHash('sha256').update(reading).update('\n').update(response.body).digest('base64url');
}
