import { Injectable } from '@nestjs/common';
import { VigilError } from '@vigil/contracts';
import { EvidenceRepository } from '@vigil/persistence';
import { ParseTaskError, ParsingPool, ParsingPoolBusyError } from '../parsing-pool';
import { type BannerLanguage, snapshotDocument } from './snapshot-page';

/**
 * Archived pages as readers see them. A snapshot is sanitised once, in the parsing pool, on its first view, and
 * the result kept on its row: later views only put the banner (in the reader's language) around it.
 */
@Injectable()
export class SnapshotPages {
  constructor(
    private readonly evidence: EvidenceRepository,
    private readonly pool: ParsingPool,
  ) {}

  /** One snapshot of an item (its first when none is named), or null when the item has no such snapshot. */
  async page(itemId: string, snapshotId: string | null, language: BannerLanguage): Promise<string | null> {
    const snapshot = await this.evidence.findSnapshotWithRendering(itemId, snapshotId);
    if (!snapshot) return null;
    const body = snapshot.sanitizedHtml ?? (await this.render(itemId, snapshot.id));
    return body === null ? null : snapshotDocument(snapshot, body, language);
  }

  private async render(itemId: string, snapshotId: string): Promise<string | null> {
    const archived = await this.evidence.findSnapshotWithBody(itemId, snapshotId);
    if (!archived) return null; // deleted with its item meanwhile
    let body: string;
    try {
      body = await this.pool.sanitizeSnapshot(archived.bodyGzip, archived.contentType, archived.finalUrl);
    } catch (error) {
      // Nothing is stored, so a later view tries again (the pool may have been busy, not the page too big).
      if (error instanceof ParseTaskError || error instanceof ParsingPoolBusyError) {
        throw new VigilError('dependency_unavailable', `Snapshot ${snapshotId} could not be rendered: ${error.message}`, { details: { dependency: 'parsing', retryAfterSec: 30 }, cause: error });
      }
      throw error;
    }
    await this.evidence.storeSnapshotRendering(snapshotId, body);
    return body;
  }
}
