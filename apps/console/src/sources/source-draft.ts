import type { CreateSourceRequest, ListingRule, SourceKindRequest, SourceView, UpdateSourceRequest } from '@vigil/contracts';

export type LanguageHintChoice = '' | 'vi' | 'en';

/** What the source form holds: text as typed, turned into a request only on submit. */
export interface SourceDraft {
  name: string;
  url: string;
  kind: SourceKindRequest;
  /** Intervals in minutes, as people think of them; the API takes seconds. */
  pollIntervalMin: string;
  minPollIntervalMin: string;
  maxPollIntervalMin: string;
  languageHint: LanguageHintChoice;
  weight: string;
  tags: string;
  linkPattern: string;
  linkSelector: string;
}

export const DEFAULT_INTERVAL_SEC = 900;

export function emptyDraft(): SourceDraft {
  return {
    name: '',
    url: '',
    kind: 'auto',
    pollIntervalMin: toMinutes(DEFAULT_INTERVAL_SEC),
    minPollIntervalMin: '',
    maxPollIntervalMin: '',
    languageHint: '',
    weight: '',
    tags: '',
    linkPattern: '',
    linkSelector: '',
  };
}

export function draftFromSource(source: SourceView): SourceDraft {
  return {
    name: source.name,
    url: source.url,
    kind: source.kind,
    // What the user set, not what adaptive polling has made of it since.
    pollIntervalMin: toMinutes(source.configuredPollIntervalSec),
    minPollIntervalMin: toMinutes(source.minPollIntervalSec),
    maxPollIntervalMin: toMinutes(source.maxPollIntervalSec),
    languageHint: source.languageHint ?? '',
    weight: String(source.weight),
    tags: source.tags.join(', '),
    linkPattern: source.listing?.linkPattern ?? '',
    linkSelector: source.listing?.linkSelector ?? '',
  };
}

/** Empty optional fields are left out so the API applies its defaults. */
export function toCreateRequest(draft: SourceDraft): CreateSourceRequest {
  const request: CreateSourceRequest = { name: draft.name.trim(), url: draft.url.trim(), kind: draft.kind };
  const pollIntervalSec = toSeconds(draft.pollIntervalMin);
  const minPollIntervalSec = toSeconds(draft.minPollIntervalMin);
  const maxPollIntervalSec = toSeconds(draft.maxPollIntervalMin);
  const weight = toNumber(draft.weight);
  const tags = parseTags(draft.tags);
  const listing = toListing(draft);
  if (pollIntervalSec !== undefined) request.pollIntervalSec = pollIntervalSec;
  if (minPollIntervalSec !== undefined) request.minPollIntervalSec = minPollIntervalSec;
  if (maxPollIntervalSec !== undefined) request.maxPollIntervalSec = maxPollIntervalSec;
  if (draft.languageHint) request.languageHint = draft.languageHint;
  if (weight !== undefined) request.weight = weight;
  if (tags.length > 0) request.tags = tags;
  if (listing) request.listing = listing;
  return request;
}

/**
 * Only the fields the user changed, so saving does not overwrite what someone else changed meanwhile.
 * A number field left empty means "unchanged": these fields have no "unset" value.
 */
export function toUpdateRequest(draft: SourceDraft, source: SourceView): UpdateSourceRequest {
  const changes: UpdateSourceRequest = {};
  const name = draft.name.trim();
  const url = draft.url.trim();
  if (name !== source.name) changes.name = name;
  if (url !== source.url) changes.url = url;
  // The edit form offers no 'auto': detection happens on create only.
  if (draft.kind !== 'auto' && draft.kind !== source.kind) changes.kind = draft.kind;
  // Each number beside the value the form started from (the interval the user set, not the adaptive one).
  const numbers = {
    pollIntervalSec: [toSeconds(draft.pollIntervalMin), source.configuredPollIntervalSec],
    minPollIntervalSec: [toSeconds(draft.minPollIntervalMin), source.minPollIntervalSec],
    maxPollIntervalSec: [toSeconds(draft.maxPollIntervalMin), source.maxPollIntervalSec],
    weight: [toNumber(draft.weight), source.weight],
  } satisfies Record<string, [number | undefined, number]>;
  for (const [key, [value, was]] of Object.entries(numbers) as [keyof typeof numbers, [number | undefined, number]][]) {
    if (value !== undefined && value !== was) changes[key] = value;
  }
  const languageHint = draft.languageHint || null;
  if (languageHint !== source.languageHint) changes.languageHint = languageHint;
  const tags = parseTags(draft.tags);
  if (tags.join('\n') !== source.tags.join('\n')) changes.tags = tags;
  const listing = toListing(draft);
  if (!sameListing(listing, source.listing)) changes.listing = listing;
  return changes;
}

export function parseTags(text: string): string[] {
  const tags = text
    .split(',')
    .map((tag) => tag.trim())
    .filter((tag) => tag !== '');
  return [...new Set(tags)];
}

/** Only web listings use link rules; other kinds carry none. */
function toListing(draft: SourceDraft): ListingRule | null {
  if (draft.kind !== 'web') return null;
  const listing: ListingRule = {};
  const linkPattern = draft.linkPattern.trim();
  const linkSelector = draft.linkSelector.trim();
  if (linkPattern) listing.linkPattern = linkPattern;
  if (linkSelector) listing.linkSelector = linkSelector;
  return linkPattern || linkSelector ? listing : null;
}

function sameListing(a: ListingRule | null, b: ListingRule | null): boolean {
  return (a?.linkPattern ?? '') === (b?.linkPattern ?? '') && (a?.linkSelector ?? '') === (b?.linkSelector ?? '');
}

/** 225 → "3.75": two decimals are enough to give back the same whole seconds (`toSeconds`). */
function toMinutes(seconds: number): string {
  return String(Number((seconds / 60).toFixed(2)));
}

/** Minutes typed (decimals allowed) as whole seconds; NaN stays NaN for the API to refuse. */
function toSeconds(minutes: string): number | undefined {
  const value = toNumber(minutes);
  return value === undefined ? undefined : Math.round(value * 60);
}

/** Number inputs give '' for empty or unparsable text; anything else is sent for the API to judge. */
function toNumber(text: string): number | undefined {
  const trimmed = text.trim();
  return trimmed === '' ? undefined : Number(trimmed);
}
