import type { CaseLinkView } from '@vigil/contracts';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { getItem } from '../api/items-api';
import { useResource } from '../shared/use-resource';
import type { CitationSource } from './citation-drag';
import { EvidenceEntry } from './evidence-entry';
import { EvidenceFacts } from './evidence-facts';

interface EvidencePanelProps {
  links: readonly CaseLinkView[];
  /** Inserts a citation of the source at the editor's cursor. */
  onCite: (source: CitationSource) => void;
  /** False when the draft cannot be edited (published, or a reader's role). */
  canCite: boolean;
}

/**
 * What a draft can cite: the case's linked items (their archived snapshots are the evidence), fact-library entries
 * and official documents by URL. Each is dragged onto the text, or cited at the cursor with its button.
 */
export function EvidencePanel({ links, onCite, canCite }: EvidencePanelProps) {
  const { t } = useTranslation();
  const items = links.filter((link) => link.kind === 'item');
  const itemUrls = useItemUrls(items.map((link) => link.id));
  return (
    <section className="card evidence-panel" aria-labelledby="evidence-title" data-testid="evidence-panel">
      <h2 id="evidence-title">{t('drafts.evidence.title')}</h2>
      {canCite && <p className="muted small">{t('drafts.evidence.hint')}</p>}
      <h3>{t('drafts.evidence.items')}</h3>
      {items.length === 0 ? (
        <p className="muted small">{t('drafts.evidence.noItems')}</p>
      ) : (
        <ul className="evidence-list">
          {items.map((link) => (
            <EvidenceEntry key={link.id} source={{ kind: 'item', targetId: link.id, url: itemUrls.get(link.id) ?? null, title: link.title || t('live.untitled') }} canCite={canCite} onCite={onCite} testId="evidence-item" targetId={link.id}>
              <Link to={`/items/${encodeURIComponent(link.id)}`}>{link.title || t('live.untitled')}</Link>
            </EvidenceEntry>
          ))}
        </ul>
      )}
      <EvidenceFacts canCite={canCite} onCite={onCite} />
      {canCite && <DocumentCitation onCite={onCite} />}
    </section>
  );
}

/**
 * The original address of each linked item, which a citation lists beside its title (the archived snapshot is the
 * evidence; the address is what a reader of the export can open). A case links a handful of items.
 */
function useItemUrls(ids: readonly string[]): ReadonlyMap<string, string> {
  const key = ids.join(',');
  const urls = useResource(
    (signal) => Promise.all(ids.map((id) => getItem(id, signal).then((item) => [id, item.url] as const, () => null))).then((entries) => new Map(entries.filter((entry) => entry !== null))),
    [key],
  );
  return urls.data ?? NO_URLS;
}

const NO_URLS: ReadonlyMap<string, string> = new Map();

/** An official document cited by its address (a decree, a ministry's page): its name as the references list prints it. */
function DocumentCitation({ onCite }: { onCite: (source: CitationSource) => void }) {
  const { t } = useTranslation();
  const [title, setTitle] = useState('');
  const [url, setUrl] = useState('');
  const [error, setError] = useState<string | null>(null);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!title.trim()) {
      setError(t('drafts.evidence.documentTitleRequired'));
      return;
    }
    if (!/^https?:\/\/\S+$/i.test(url.trim())) {
      setError(t('drafts.evidence.documentUrlInvalid'));
      return;
    }
    setError(null);
    onCite({ kind: 'document', targetId: null, url: url.trim(), title: title.trim() });
    setTitle('');
    setUrl('');
  }

  return (
    <form className="form evidence-document" onSubmit={submit} noValidate data-testid="evidence-document">
      <h3>{t('drafts.evidence.document')}</h3>
      <label className="field">
        <span>{t('drafts.evidence.documentTitle')}</span>
        <input value={title} onChange={(event) => setTitle(event.target.value)} maxLength={500} data-testid="evidence-document-title" />
      </label>
      <label className="field">
        <span>{t('drafts.evidence.documentUrl')}</span>
        <input type="url" value={url} onChange={(event) => setUrl(event.target.value)} maxLength={2000} placeholder="https://" data-testid="evidence-document-url" />
      </label>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <div className="form-actions">
        <button type="submit" onMouseDown={(event) => event.preventDefault()} data-testid="evidence-document-cite">
          {t('drafts.evidence.cite')}
        </button>
      </div>
    </form>
  );
}
