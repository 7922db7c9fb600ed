import type { ReactNode } from 'react';

interface ExternalLinkProps {
  href: string;
  children: ReactNode;
  testId?: string;
  lang?: string;
}

/** Feed content is untrusted, so only http(s) addresses become links (no `javascript:` and the like). */
export function ExternalLink({ href, children, testId, lang }: ExternalLinkProps) {
  if (!isHttpUrl(href)) {
    return (
      <span data-testid={testId} lang={lang}>
        {children}
      </span>
    );
  }
  return (
    <a href={href} target="_blank" rel="noopener noreferrer" data-testid={testId} lang={lang}>
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
