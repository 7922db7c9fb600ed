import { gzipSync } from 'node:zlib';
import type { CaseView, DraftDocument, Role } from '@vigil/contracts';
import { DataSource } from 'typeorm';
import { CaseHistory } from '../../cases/support/case-history';
import type { VigilTestApp } from '../../support/vigil-test-app';

export type Person = { id: string; username: string; displayName: string; token: string };
export type Refusal = { code: string; field?: string; details?: { currentVersion?: number; updatedBy?: { id: string; displayName: string } | null; reason?: string; checks?: { code: string; severity: string; citationId?: string }[] } };

/** One of each role the drafting desk has (two writers, for the conflicts), signed in, and helpers to open cases and cite evidence. */
export class DraftingDesk {
  readonly people = {} as Record<'officer' | 'writer' | 'writer2' | 'reviewer' | 'leader', Person>;
  private readonly history: CaseHistory;

  constructor(private readonly vigil: VigilTestApp) {
    this.history = new CaseHistory(vigil);
  }

  async signIn(prefix: string): Promise<void> {
    const admin = await this.vigil.adminToken();
    const roles: Record<keyof DraftingDesk['people'], Role> = { officer: 'duty_officer', writer: 'writer', writer2: 'writer', reviewer: 'reviewer', leader: 'leader' };
    for (const [key, role] of Object.entries(roles) as [keyof DraftingDesk['people'], Role][]) {
      const username = `${prefix}.${key}`;
      const password = `mat-khau-du-thao-${key}-2026`;
      const displayName = `Cán bộ ${key}`;
      const created = await this.vigil.request<{ id: string }>('POST', '/api/users', { token: admin, body: { username, displayName, password, roles: [role] } });
      if (created.status !== 201) throw new Error(`Creating ${username} answered ${created.status}`);
      this.people[key] = { id: created.body.id, username, displayName, token: await this.vigil.loginAs(username, password) };
    }
  }

  api<T>(method: string, path: string, who: keyof DraftingDesk['people'] | string, body?: unknown) {
    const token = who in this.people ? this.people[who as keyof DraftingDesk['people']].token : who;
    return this.vigil.request<T & Refusal>(method, path, { token, body });
  }

  async openCase(severity: 'critical' | 'high' = 'high', fields: { title?: string; claimSummary?: string } = {}): Promise<CaseView> {
    const created = await this.api<CaseView>('POST', '/api/cases', 'officer', { title: fields.title ?? 'Tin đồn vỡ đê sông Hồng tại Hà Đông', claimSummary: fields.claimSummary, severity });
    if (created.status !== 201) throw new Error(`Opening a case answered ${created.status}`);
    return created.body;
  }

  /** A collected item with an archived snapshot (or without, to cite something never archived), published `hoursAgo` before the clock. */
  async item(title: string, options: { archived?: boolean; hoursAgo?: number } = {}): Promise<{ id: string; url: string; publishedAt: string }> {
    const db = this.vigil.app.get(DataSource);
    const at = new Date(this.vigil.clock.now().getTime() - (options.hoursAgo ?? 2) * 3_600_000);
    const sourceId = await this.history.source(`Báo Hư Cấu ${title.slice(0, 12)}`);
    const id = await this.history.item(sourceId, title, at, null);
    if (options.archived ?? true) {
      await db.query(
        `INSERT INTO snapshots (item_id, fetched_at, http_status, final_url, content_type, content_hash, text_hash, body_gzip) SELECT id, $2, 200, url, 'text/html', 'h', 't', $3 FROM items WHERE id = $1`,
        [id, at, gzipSync(`<html><body>${title}</body></html>`)],
      );
    }
    const [row]: { url: string }[] = await db.query(`SELECT url FROM items WHERE id = $1`, [id]);
    return { id, url: row!.url, publishedAt: at.toISOString() };
  }

  async link(caseId: string, itemId: string): Promise<void> {
    const linked = await this.api('POST', `/api/cases/${caseId}/links`, 'officer', { kind: 'item', id: itemId });
    if (linked.status !== 200) throw new Error(`Linking answered ${linked.status}`);
  }
}

/** A paragraph citing each given citation at its end. */
export function paragraph(text: string, ...citationIds: string[]): DraftDocument['blocks'][number] {
  return { kind: 'paragraph', inlines: [{ type: 'text', text }, ...citationIds.map((citationId) => ({ type: 'citation' as const, citationId }))] };
}
