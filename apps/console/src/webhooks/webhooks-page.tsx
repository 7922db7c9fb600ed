import type { WebhookView } from '@vigil/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { createWebhook, deleteWebhook, listWebhooks, rotateWebhookSecret, testWebhook, updateWebhook, type WebhookFields } from '../api/webhooks-api';
import { ErrorState } from '../shared/error-state';
import { LoadingState } from '../shared/loading-state';
import { errorNotice, Notice, successNotice, type NoticeMessage } from '../shared/notice';
import { useResource } from '../shared/use-resource';
import { SecretShownOnce } from './secret-shown-once';
import { WebhookDeliveries } from './webhook-deliveries';
import { WebhookForm } from './webhook-form';

/** Admins' webhooks: list, create, edit, enable or disable, rotate the secret, send a test and read the deliveries. */
export function WebhooksPage() {
  const { t } = useTranslation();
  const webhooks = useResource((signal) => listWebhooks(signal), []);
  const [notice, setNotice] = useState<NoticeMessage | null>(null);
  const [editing, setEditing] = useState<WebhookView | null>(null);
  const [secret, setSecret] = useState<{ secret: string; previousValidUntil: string | null } | null>(null);
  /** The webhook whose deliveries are shown, and a counter that reads them again. */
  const [watching, setWatching] = useState<{ id: string; version: number } | null>(null);
  const [busyId, setBusyId] = useState<string | null>(null);

  async function step(webhook: WebhookView, run: () => Promise<NoticeMessage>) {
    setBusyId(webhook.id);
    setNotice(null);
    try {
      setNotice(await run());
      webhooks.reload();
    } catch (error) {
      setNotice(errorNotice(error));
    } finally {
      setBusyId(null);
    }
  }

  async function save(fields: WebhookFields) {
    setSecret(null);
    if (editing) {
      const saved = await updateWebhook(editing.id, fields);
      setEditing(null);
      setNotice(successNotice('webhooks.notice.saved', { name: saved.name }));
    } else {
      const created = await createWebhook(fields);
      setSecret({ secret: created.secret, previousValidUntil: null });
      setNotice(successNotice('webhooks.notice.created', { name: created.name }));
    }
    webhooks.reload();
  }

  const toggle = (webhook: WebhookView) =>
    step(webhook, async () => {
      const saved = await updateWebhook(webhook.id, { enabled: !webhook.enabled });
      return successNotice(saved.enabled ? 'webhooks.notice.enabled' : 'webhooks.notice.disabled', { name: saved.name });
    });

  const rotate = (webhook: WebhookView) => {
    if (!window.confirm(t('webhooks.confirmRotate', { name: webhook.name }))) return;
    void step(webhook, async () => {
      const rotated = await rotateWebhookSecret(webhook.id);
      setSecret({ secret: rotated.secret, previousValidUntil: rotated.previousSecretValidUntil });
      return successNotice('webhooks.notice.rotated', { name: rotated.name });
    });
  };

  const test = (webhook: WebhookView) =>
    step(webhook, async () => {
      await testWebhook(webhook.id);
      setWatching((current) => ({ id: webhook.id, version: (current?.version ?? 0) + 1 }));
      return successNotice('webhooks.notice.tested', { name: webhook.name });
    });

  const remove = (webhook: WebhookView) => {
    if (!window.confirm(t('webhooks.confirmDelete', { name: webhook.name }))) return;
    void step(webhook, async () => {
      await deleteWebhook(webhook.id);
      if (watching?.id === webhook.id) setWatching(null);
      return successNotice('webhooks.notice.deleted', { name: webhook.name });
    });
  };

  return (
    <section className="page webhooks-page">
      <h1>{t('webhooks.title')}</h1>
      <p className="muted">{t('webhooks.intro')}</p>
      <Notice notice={notice} onDismiss={() => setNotice(null)} />
      {secret && <SecretShownOnce secret={secret.secret} previousValidUntil={secret.previousValidUntil} onDone={() => setSecret(null)} />}
      <div aria-busy={webhooks.loading}>
        {webhooks.error !== undefined ? (
          <ErrorState error={webhooks.error} onRetry={webhooks.reload} />
        ) : !webhooks.data ? (
          <LoadingState />
        ) : webhooks.data.length === 0 ? (
          <p className="empty" data-testid="webhooks-empty">
            {t('webhooks.empty')}
          </p>
        ) : (
          <div className="table-wrap">
            <table data-testid="webhook-table">
              <thead>
                <tr>
                  <th>{t('webhooks.columns.name')}</th>
                  <th>{t('webhooks.columns.url')}</th>
                  <th>{t('webhooks.columns.sends')}</th>
                  <th>{t('webhooks.columns.status')}</th>
                  <th>{t('webhooks.columns.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {webhooks.data.map((webhook) => (
                  <tr key={webhook.id} data-testid="webhook-row" data-webhook-id={webhook.id}>
                    <td>{webhook.name}</td>
                    <td className="url-cell">{webhook.url}</td>
                    <td>
                      {[
                        t('webhooks.sends.flags', { severity: t(`rules.severity.${webhook.minSeverity}`) }),
                        ...(webhook.includeSpikes ? [t('webhooks.sends.spikes')] : []),
                        ...(webhook.includeDigest ? [t('webhooks.sends.digest')] : []),
                      ].join(', ')}
                    </td>
                    <td data-testid="webhook-status">{webhook.enabled ? t('webhooks.enabled') : t('webhooks.disabled')}</td>
                    <td className="row-actions">
                      <button type="button" disabled={busyId === webhook.id} onClick={() => setEditing(webhook)} data-testid="webhook-edit">
                        {t('webhooks.edit')}
                      </button>
                      <button type="button" disabled={busyId === webhook.id} onClick={() => void toggle(webhook)} data-testid="webhook-toggle">
                        {webhook.enabled ? t('webhooks.disable') : t('webhooks.enable')}
                      </button>
                      <button type="button" disabled={busyId === webhook.id} onClick={() => rotate(webhook)} data-testid="webhook-rotate">
                        {t('webhooks.rotate')}
                      </button>
                      <button type="button" disabled={busyId === webhook.id} onClick={() => void test(webhook)} data-testid="webhook-test">
                        {t('webhooks.test')}
                      </button>
                      <button type="button" disabled={busyId === webhook.id} onClick={() => setWatching((current) => ({ id: webhook.id, version: (current?.version ?? 0) + 1 }))} data-testid="webhook-deliveries-open">
                        {t('webhooks.deliveries')}
                      </button>
                      <button type="button" className="danger" disabled={busyId === webhook.id} onClick={() => remove(webhook)} data-testid="webhook-delete">
                        {t('webhooks.delete')}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </div>
      {watching && <WebhookDeliveries webhookId={watching.id} version={watching.version} />}
      <WebhookForm key={editing?.id ?? 'new'} editing={editing} onSave={save} onCancel={() => setEditing(null)} />
    </section>
  );
}
