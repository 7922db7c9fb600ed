import type { SourceHealthStatus, SourceView } from '@vigil/contracts';
import type { SourceEntity } from '@vigil/persistence';

export function toSourceView(source: SourceEntity): SourceView {
  return {
    id: source.id,
    name: source.name,
    url: source.url,
    kind: source.kind,
    pollIntervalSec: source.pollIntervalSec,
    createdAt: source.createdAt.toISOString(),
    lastFetchedAt: source.lastFetchedAt?.toISOString() ?? null,
    nextFetchAt: source.nextFetchAt.toISOString(),
    health: {
      status: healthStatus(source),
      lastSuccessAt: source.lastSuccessAt?.toISOString() ?? null,
      lastError: source.lastError,
      consecutiveFailures: source.consecutiveFailures,
    },
  };
}

function healthStatus(source: SourceEntity): SourceHealthStatus {
  if (source.consecutiveFailures > 0) return 'failing';
  return source.lastSuccessAt ? 'ok' : 'pending';
}
