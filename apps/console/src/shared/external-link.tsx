import type { ReactNode } from 'react';

interface ExternalLinkProps {
  href: string;
  children: ReactNode;
  testId?: string;
  lang?: string;
  /** For a link shown as an icon only. */
  ariaLabel?: string;
  className?: string;
}

/** Feed content is untrusted, so only http(s) addresses become links (no `javascript:` and the like). */
export function ExternalLink({ href, children, testId, lang, ariaLabel, className }: ExternalLinkProps) {
  if (!isHttpUrl(href)) {
    return ariaLabel ? null : (
      <span data-testid={testId} lang={lang}>
        {children}
      </span>
    );
  }
  return (
    <a href={href} target="_blank" rel="noopener noreferrer" data-testid={testId} lang={lang} aria-label={ariaLabel} title={ariaLabel} className={className}>
      {children}
    </a>
  );
}

function isHttpUrl(value: string): boolean {
  try {
    const { protocol } = new URL(value);
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
}
