import type { CaseLinkView } from '@vigil/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';

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

export function CaseLinks({ links }: { links: CaseLinkView[] }) {
  const { t } = useTranslation();
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
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
