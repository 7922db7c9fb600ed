import { SOCIAL_PLATFORMS, type DraftChannel, type DraftLanguage, type DraftView, type SocialPlatform } from '@vigil/contracts';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { buildDraftStarter, createDraft } from '../api/drafts-api';
import { DraftChannelField, DraftLanguageField } from '../shared/draft-choice-fields';
import { useErrorMessage } from '../shared/error-message';
import { useModalDialog } from '../shared/use-modal-dialog';

interface NewDraftDialogProps {
  caseId: string;
  /** The draft created, or nothing when cancelled. */
  onClose: (created?: DraftView) => void;
}

/**
 * Starts a draft from the case's starter (claim summary, quotes, facts, template), titled as the writer typed or as
 * the starter suggests. When the starter cannot be built, says why and offers an empty draft instead.
 */
export function NewDraftDialog({ caseId, onClose }: NewDraftDialogProps) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const dialog = useModalDialog();
  const [title, setTitle] = useState('');
  const [channel, setChannel] = useState<DraftChannel>('press_statement');
  const [platform, setPlatform] = useState<SocialPlatform>('facebook');
  const [language, setLanguage] = useState<DraftLanguage>('vi');
  const [starterFailure, setStarterFailure] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);

  const chosenPlatform = channel === 'social_post' ? platform : null;

  async function fromStarter(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSubmitting(true);
    setError(null);
    setStarterFailure(null);
    let starter;
    try {
      starter = await buildDraftStarter({ caseId, channel, platform: chosenPlatform, language });
    } catch (caught) {
      setStarterFailure(errorMessage(caught));
      setSubmitting(false);
      return;
    }
    await create(title.trim() || starter.title, starter.document);
  }

  async function empty() {
    if (!title.trim()) {
      setError(t('drafts.create.titleRequired'));
      return;
    }
    setSubmitting(true);
    setError(null);
    await create(title.trim());
  }

  async function create(draftTitle: string, document?: DraftView['document']) {
    try {
      onClose(await createDraft(caseId, { title: draftTitle, channel, platform: chosenPlatform, language, ...(document ? { document } : {}) }));
    } catch (caught) {
      setError(errorMessage(caught));
      setSubmitting(false);
    }
  }

  return (
    <dialog ref={dialog} className="dialog" aria-labelledby="draft-create-title" onClose={() => onClose()} data-testid="draft-create-dialog">
      <form className="form" onSubmit={fromStarter} noValidate>
        <h2 id="draft-create-title">{t('drafts.create.title')}</h2>
        <p className="muted small">{t('drafts.create.explain')}</p>
        <label className="field">
          <span>{t('drafts.fields.title')}</span>
          <input value={title} onChange={(event) => setTitle(event.target.value)} maxLength={300} placeholder={t('drafts.create.titleHint')} autoFocus data-testid="draft-create-name" />
        </label>
        <div className="form-grid">
          <DraftChannelField label={t('drafts.fields.channel')} value={channel} onChange={setChannel} testId="draft-create-channel" />
          {channel === 'social_post' && (
            <label className="field">
              <span>{t('drafts.fields.platform')}</span>
              <select value={platform} onChange={(event) => setPlatform(event.target.value as SocialPlatform)} data-testid="draft-create-platform">
                {SOCIAL_PLATFORMS.map((value) => (
                  <option key={value} value={value}>
                    {t(`drafts.platform.${value}`)}
                  </option>
                ))}
              </select>
            </label>
          )}
          <DraftLanguageField label={t('drafts.fields.language')} value={language} onChange={setLanguage} testId="draft-create-language" />
        </div>
        {starterFailure && (
          <div className="form-error" role="alert" data-testid="draft-create-starter-failed">
            <p>{t('drafts.create.starterFailed', { reason: starterFailure })}</p>
            <button type="button" disabled={submitting} onClick={() => void empty()} data-testid="draft-create-empty">
              {t('drafts.create.empty')}
            </button>
          </div>
        )}
        {error && (
          <p className="form-error" role="alert" data-testid="draft-create-error">
            {error}
          </p>
        )}
        <div className="form-actions">
          <button type="submit" className="primary" disabled={submitting} data-testid="draft-create-submit">
            {submitting ? t('drafts.create.submitting') : t('drafts.create.submit')}
          </button>
          <button type="button" onClick={() => onClose()} disabled={submitting}>
            {t('drafts.cancel')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
