import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { diffDraftVersions, listDraftVersions } from '../api/drafts-api';
import { DateTime } from '../shared/date-time';
import { useErrorMessage } from '../shared/error-message';
import { useResource } from '../shared/use-resource';
import { DiffView } from './diff-view';

interface DraftVersionsProps {
  draftId: string;
  /** The latest version: the list reloads when it changes. */
  version: number;
  approvedVersion: number | null;
}

/** Every saved version, and what changed between any two of them (from the older to the newer). */
export function DraftVersions({ draftId, version, approvedVersion }: DraftVersionsProps) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const versions = useResource((signal) => listDraftVersions(draftId, signal), [draftId, version]);
  const [from, setFrom] = useState(Math.max(1, version - 1));
  const [to, setTo] = useState(version);
  // A new save moves the comparison to it, unless the reader chose two versions themselves.
  const [chosen, setChosen] = useState(false);
  useEffect(() => {
    if (chosen) return;
    setFrom(Math.max(1, version - 1));
    setTo(version);
  }, [version, chosen]);
  const [older, newer] = from <= to ? [from, to] : [to, from];
  const diff = useResource((signal) => (older === newer ? Promise.resolve(null) : diffDraftVersions(draftId, older, newer, signal)), [draftId, older, newer]);

  const list = versions.data?.versions ?? [];
  return (
    <section className="card draft-versions" aria-labelledby="draft-versions-title" data-testid="draft-versions">
      <h2 id="draft-versions-title">{t('drafts.versions.title')}</h2>
      {versions.error !== undefined && <p className="form-error">{errorMessage(versions.error)}</p>}
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th>{t('drafts.versions.number')}</th>
              <th>{t('drafts.versions.author')}</th>
              <th>{t('drafts.versions.savedAt')}</th>
              <th>{t('drafts.versions.from')}</th>
              <th>{t('drafts.versions.to')}</th>
            </tr>
          </thead>
          <tbody>
            {[...list].sort((a, b) => b.version - a.version).map((entry) => (
              <tr key={entry.version} data-testid="draft-version" data-version={entry.version}>
                <td className="numeric">
                  {entry.version}
                  {entry.version === approvedVersion && <span className="badge draft-approved-badge"> {t('drafts.versions.approved')}</span>}
                </td>
                <td>{entry.author?.displayName ?? t('cases.audit.system')}</td>
                <td>
                  <DateTime value={entry.createdAt} fallback="" />
                </td>
                <td>
                  <input
                    type="radio"
                    name="draft-diff-from"
                    checked={from === entry.version}
                    onChange={() => {
                      setChosen(true);
                      setFrom(entry.version);
                    }}
                    aria-label={t('drafts.versions.compareFrom', { version: entry.version })}
                    data-testid="draft-version-from"
                  />
                </td>
                <td>
                  <input
                    type="radio"
                    name="draft-diff-to"
                    checked={to === entry.version}
                    onChange={() => {
                      setChosen(true);
                      setTo(entry.version);
                    }}
                    aria-label={t('drafts.versions.compareTo', { version: entry.version })}
                    data-testid="draft-version-to"
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h3>{t('drafts.versions.diffTitle', { from: older, to: newer })}</h3>
      {older === newer ? (
        <p className="muted">{t('drafts.versions.pickTwo')}</p>
      ) : diff.error !== undefined ? (
        <p className="form-error">{errorMessage(diff.error)}</p>
      ) : diff.data ? (
        <DiffView parts={diff.data.parts} testId="draft-version-diff" />
      ) : (
        <p className="muted small">{t('common.loading')}</p>
      )}
    </section>
  );
}
