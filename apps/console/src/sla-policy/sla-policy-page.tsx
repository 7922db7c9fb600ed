import type { SlaPolicyView } from '@vigil/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getSlaPolicy, saveSlaPolicy } from '../api/sla-policy-api';
import { ErrorState } from '../shared/error-state';
import { LoadingState } from '../shared/loading-state';
import { errorNotice, Notice, successNotice, type NoticeMessage } from '../shared/notice';
import { useResource } from '../shared/use-resource';
import { SlaPolicyForm } from './sla-policy-form';

/** Admins' SLA policy: the deadlines' stage times, office calendar, warning share and reminders. */
export function SlaPolicyPage() {
  const { t } = useTranslation();
  const policy = useResource((signal) => getSlaPolicy(signal), []);
  const [notice, setNotice] = useState<NoticeMessage | null>(null);
  const [saving, setSaving] = useState(false);
  /** Bumped after a save so the form starts again from what the server stored. */
  const [version, setVersion] = useState(0);

  async function save(edited: SlaPolicyView) {
    setSaving(true);
    setNotice(null);
    try {
      policy.replace(await saveSlaPolicy(edited));
      setVersion((current) => current + 1);
      setNotice(successNotice('slaPolicy.saved'));
    } catch (error) {
      setNotice(errorNotice(error));
    } finally {
      setSaving(false);
    }
  }

  return (
    <section className="page sla-policy-page">
      <h1>{t('slaPolicy.title')}</h1>
      <p className="muted">{t('slaPolicy.intro')}</p>
      <Notice notice={notice} onDismiss={() => setNotice(null)} />
      {policy.error !== undefined ? (
        <ErrorState error={policy.error} onRetry={policy.reload} />
      ) : !policy.data ? (
        <LoadingState />
      ) : (
        <SlaPolicyForm key={version} policy={policy.data} saving={saving} onSave={(edited) => void save(edited)} />
      )}
    </section>
  );
}
