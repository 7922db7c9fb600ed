import { InitialSchema1764220000000 } from './1764220000000-initial-schema';
import { Collection1764300000000 } from './1764300000000-collection';
import { ItemEventReasons1764500000000 } from './1764500000000-item-event-reasons';
import { EnrichmentOutbox1764600000000 } from './1764600000000-enrichment-outbox';
import { SnapshotRenderings1764650000000 } from './1764650000000-snapshot-renderings';
import { EntryHash1764700000000 } from './1764700000000-entry-hash';
import { SearchPaths1764800000000 } from './1764800000000-search-paths';
import { SourceFailureCodes1764900000000 } from './1764900000000-source-failure-codes';
import { SessionLastUse1765000000000 } from './1765000000000-session-last-use';
import { SecondFactor1765000000001 } from './1765000000001-second-factor';
import { SourceRemoval1765200000000 } from './1765200000000-source-removal';
import { SnapshotRenderingsAgain1765200000001 } from './1765200000001-snapshot-renderings-again';
import { LiveEvents1765300000000 } from './1765300000000-live-events';
import { WatchRulesAndFlags1765400000000 } from './1765400000000-watch-rules-and-flags';
import { SpikeAlerts1765400000001 } from './1765400000001-spike-alerts';
import { MustChangePassword1765600000000 } from './1765600000000-must-change-password';
import { ConfiguredPollInterval1765500000000 } from './1765500000000-configured-poll-interval';
import { Webhooks1765700000000 } from './1765700000000-webhooks';
import { StoryCentroids1765800000000 } from './1765800000000-story-centroids';
import { SourceBodyHash1765850000000 } from './1765850000000-source-body-hash';
import { SourceSearchPurge1765950000000 } from './1765950000000-source-search-purge';
import { FlagDigests1765900000000 } from './1765900000000-flag-digests';
import { WebhookSecretRotation1765900000001 } from './1765900000001-webhook-secret-rotation';
import { Cases1766000000000 } from './1766000000000-cases';
import { ClaimMatching1766200000000 } from './1766200000000-claim-matching';
import { CaseDeadlines1766100000000 } from './1766100000000-case-deadlines';

/** Applied in order at start; each is reviewed SQL with a down step. */
export const MIGRATIONS = [InitialSchema1764220000000, Collection1764300000000, ItemEventReasons1764500000000, EnrichmentOutbox1764600000000, SnapshotRenderings1764650000000, EntryHash1764700000000, SearchPaths1764800000000, SourceFailureCodes1764900000000, SessionLastUse1765000000000, SecondFactor1765000000001, SourceRemoval1765200000000, SnapshotRenderingsAgain1765200000001, LiveEvents1765300000000, WatchRulesAndFlags1765400000000, SpikeAlerts1765400000001, ConfiguredPollInterval1765500000000, MustChangePassword1765600000000, Webhooks1765700000000, StoryCentroids1765800000000, SourceBodyHash1765850000000, SourceSearchPurge1765950000000, FlagDigests1765900000000, WebhookSecretRotation1765900000001, Cases1766000000000, CaseDeadlines1766100000000, ClaimMatching1766200000000];
