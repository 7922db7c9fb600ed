import { useTranslation } from 'react-i18next';
import { listDeliveries } from '../api/webhooks-api';
import { DateTime } from '../shared/date-time';
import { ErrorState } from '../shared/error-state';
import { LoadingState } from '../shared/loading-state';
import { useResource } from '../shared/use-resource';

const DELIVERIES_SHOWN = 10;

/** A webhook's latest deliveries (a test's among them), with their status, attempts and last answer. */
export function WebhookDeliveries({ webhookId, version }: { webhookId: string; version: number }) {
  const { t } = useTranslation();
  const deliveries = useResource((signal) => listDeliveries(webhookId, DELIVERIES_SHOWN, signal), [webhookId, version]);
  return (
    <section className="card webhook-deliveries" data-testid="webhook-deliveries">
      <h3>
        {t('webhooks.deliveries')}{' '}
        <button type="button" className="link-button" onClick={deliveries.reload} data-testid="webhook-deliveries-reload">
          {t('webhooks.delivery.reload')}
        </button>
      </h3>
      {deliveries.error !== undefined ? (
        <ErrorState error={deliveries.error} onRetry={deliveries.reload} />
      ) : !deliveries.data ? (
        <LoadingState />
      ) : deliveries.data.length === 0 ? (
        <p className="empty">{t('webhooks.delivery.empty')}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th>{t('webhooks.delivery.event')}</th>
              <th>{t('webhooks.delivery.status')}</th>
              <th>{t('webhooks.delivery.attempts')}</th>
              <th>{t('webhooks.delivery.answer')}</th>
              <th>{t('webhooks.delivery.at')}</th>
            </tr>
          </thead>
          <tbody>
            {deliveries.data.map((delivery) => (
              <tr key={delivery.id} data-testid="webhook-delivery" data-status={delivery.status} data-event-type={delivery.eventType}>
                <td>{delivery.eventType}</td>
                <td>{t(`webhooks.delivery.statuses.${delivery.status}`)}</td>
                <td>{delivery.attempts}</td>
                <td>{delivery.lastStatusCode ?? delivery.lastError ?? '—'}</td>
                <td>
                  <DateTime value={delivery.createdAt} fallback="—" />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
