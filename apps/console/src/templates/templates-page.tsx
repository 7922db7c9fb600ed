import { DRAFT_CHANNELS, DRAFT_LANGUAGES, type DraftTemplateView } from '@vigil/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { listTemplates } from '../api/templates-api';
import { DateTime } from '../shared/date-time';
import { ErrorState } from '../shared/error-state';
import { LoadingState } from '../shared/loading-state';
import { Notice, type NoticeMessage } from '../shared/notice';
import { useResource } from '../shared/use-resource';
import { TemplateEditorDialog } from './template-editor-dialog';

/** The drafting templates by channel and language, in the order "New draft" offers the channels. */
function inChannelOrder(templates: DraftTemplateView[]): DraftTemplateView[] {
  const rank = (template: DraftTemplateView) => DRAFT_CHANNELS.indexOf(template.channel) * DRAFT_LANGUAGES.length + DRAFT_LANGUAGES.indexOf(template.language);
  return [...templates].sort((a, b) => rank(a) - rank(b) || b.updatedAt.localeCompare(a.updatedAt));
}

/** In channel order, the first of each channel and language is the latest saved. */
function inUse(ordered: DraftTemplateView[], index: number): boolean {
  const previous = ordered[index - 1];
  return !previous || previous.channel !== ordered[index]!.channel || previous.language !== ordered[index]!.language;
}

/** Admins keep the templates new drafts start from, one or more per channel and language. */
export function TemplatesPage() {
  const { t } = useTranslation();
  const templates = useResource((signal) => listTemplates(signal), []);
  /** The template in the editor: 'new' for one being written. */
  const [editing, setEditing] = useState<DraftTemplateView | 'new' | null>(null);
  const [notice, setNotice] = useState<NoticeMessage | null>(null);

  return (
    <section className="page">
      <div className="page-header">
        <h1>{t('templates.title')}</h1>
        <div className="page-header-actions">
          <button type="button" className="primary" onClick={() => setEditing('new')} data-testid="template-new">
            {t('templates.new')}
          </button>
          <button type="button" onClick={templates.reload} disabled={templates.loading}>
            {t('common.refresh')}
          </button>
        </div>
      </div>
      <p className="muted">{t('templates.intro')}</p>
      <Notice notice={notice} onDismiss={() => setNotice(null)} />
      <div className="busy-region" aria-busy={templates.loading}>
        {templates.error !== undefined ? (
          <ErrorState error={templates.error} onRetry={templates.reload} />
        ) : !templates.data ? (
          <LoadingState />
        ) : (
          <div className="table-wrap">
            <table className="templates-table" data-testid="templates-table">
              <thead>
                <tr>
                  <th scope="col">{t('templates.fields.channel')}</th>
                  <th scope="col">{t('templates.fields.language')}</th>
                  <th scope="col">{t('templates.fields.name')}</th>
                  <th scope="col">{t('templates.fields.updatedAt')}</th>
                  <th scope="col">{t('templates.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {inChannelOrder(templates.data.templates).map((template, index, ordered) => (
                  <tr key={template.id} data-testid={`template-row-${template.channel}-${template.language}`}>
                    <td>{t(`drafts.channel.${template.channel}`)}</td>
                    <td>{t(`languageNames.${template.language}`)}</td>
                    <td>
                      <span data-testid="template-row-name">{template.name}</span>
                      {/* The latest saved of its channel and language: the one new drafts start from. */}
                      {inUse(ordered, index) && (
                        <span className="badge" data-testid="template-in-use">
                          {t('templates.inUse')}
                        </span>
                      )}
                    </td>
                    <td>
                      <DateTime value={template.updatedAt} fallback={t('common.notAvailable')} />
                    </td>
                    <td>
                      <button type="button" onClick={() => setEditing(template)} data-testid="template-edit">
                        {t('templates.edit')}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </div>
      {editing && (
        <TemplateEditorDialog
          template={editing === 'new' ? null : editing}
          onClose={(saved) => {
            setEditing(null);
            if (!saved) return;
            if (templates.data) templates.replace({ templates: [saved, ...templates.data.templates.filter((template) => template.id !== saved.id)] });
            setNotice({ kind: 'success', parts: [{ key: 'templates.saved', values: { name: saved.name } }] });
          }}
        />
      )}
    </section>
  );
}
