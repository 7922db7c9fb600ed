import type { CaseLinkView, CaseView } from '@vigil/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { CaseLinkPicker } from './case-link-picker';
import { CaseLinkRemoveDialog } from './case-link-remove-dialog';

/** Where a linked item or story is read; flags are triaged on the Live screen and have no page of their own. */
function linkTarget(link: CaseLinkView): string | null {
  switch (link.kind) {
    case 'item':
      return `/items/${encodeURIComponent(link.id)}`;
    case 'story':
      return `/stories/${encodeURIComponent(link.id)}`;
    case 'flag':
      return null;
    default: {
      const exhaustive: never = link.kind;
      return exhaustive;
    }
  }
}

interface CaseLinksProps {
  caseId: string;
  links: CaseLinkView[];
  /** The case as it stands after a link was added or removed. */
  onChanged: (view: CaseView) => void;
}

export function CaseLinks({ caseId, links, onChanged }: CaseLinksProps) {
  const { t } = useTranslation();
  const [removing, setRemoving] = useState<CaseLinkView | null>(null);
  return (
    <section className="card case-links" aria-labelledby="case-links-title" data-testid="case-links">
      <h2 id="case-links-title">{t('cases.links.title')}</h2>
      {links.length === 0 ? (
        <p className="muted">{t('cases.links.empty')}</p>
      ) : (
        <ul className="case-link-list">
          {links.map((link) => {
            const target = linkTarget(link);
            const title = link.title || t('live.untitled');
            return (
              <li key={`${link.kind}:${link.id}`} data-testid="case-link" data-kind={link.kind}>
                <span className="badge case-link-kind">{t(`cases.links.kind.${link.kind}`)}</span>{' '}
                {target ? (
                  <Link to={target} data-testid="case-link-target">
                    {title}
                  </Link>
                ) : (
                  <span>{title}</span>
                )}{' '}
                <button type="button" className="small" onClick={() => setRemoving(link)} data-testid="case-link-remove">
                  {t('cases.links.remove')}
                </button>
              </li>
            );
          })}
        </ul>
      )}
      <CaseLinkPicker caseId={caseId} links={links} onLinked={onChanged} />
      {removing && (
        <CaseLinkRemoveDialog
          caseId={caseId}
          link={removing}
          onClose={(updated) => {
            setRemoving(null);
            if (updated) onChanged(updated);
          }}
        />
      )}
    </section>
  );
}
