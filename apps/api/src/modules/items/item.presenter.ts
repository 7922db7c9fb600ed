import type { ItemDetail, ItemSummary } from '@vigil/contracts';
import type { ItemEntity, ItemEventEntity, ItemSummaryRow, SnapshotEntity } from '@vigil/persistence';

export function toItemSummary(item: ItemSummaryRow): ItemSummary {
  return {
    id: item.id,
    sourceId: item.sourceId,
    title: item.title,
    url: item.url,
    publishedAt: item.publishedAt?.toISOString() ?? null,
    language: item.language,
    snippet: item.snippet,
  };
}

export interface ItemEvidence {
  storyItems: ItemEntity[];
  snapshots: SnapshotEntity[];
  events: ItemEventEntity[];
}

export function toItemDetail(item: ItemEntity, evidence: ItemEvidence): ItemDetail {
  return {
    ...toItemSummary(item),
    guid: item.guid,
    text: item.text,
    content: item.content,
    canonicalUrl: item.canonicalUrl,
    byline: item.byline,
    imageUrls: item.imageUrls,
    updatedAt: item.updatedAt?.toISOString() ?? null,
    fetchedAt: item.fetchedAt.toISOString(),
    storyId: item.storyId,
    storyItems: evidence.storyItems.filter((other) => other.id !== item.id).map(toItemSummary),
    watched: item.watched,
    snapshots: evidence.snapshots.map((snapshot) => ({
      id: snapshot.id,
      fetchedAt: snapshot.fetchedAt.toISOString(),
      httpStatus: snapshot.httpStatus,
      finalUrl: snapshot.finalUrl,
      contentHash: snapshot.contentHash,
    })),
    events: evidence.events.map((event) => ({
      kind: event.kind,
      reason: event.reason,
      params: event.params,
      at: event.at.toISOString(),
      detail: event.detail,
      snapshotId: event.snapshotId,
    })),
  };
}
