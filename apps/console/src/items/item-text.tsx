import { useTranslation } from 'react-i18next';

/**
 * Extracted text as plain paragraphs: React escapes it, and it is never injected as HTML because it comes from
 * pages we do not control. Blank lines separate paragraphs when there are any; otherwise each line is one.
 */
export function ItemText({ text, language }: { text: string; language: string | undefined }) {
  const { t } = useTranslation();
  const paragraphs = splitParagraphs(text);
  return (
    <div className="item-text" lang={language} data-testid="item-text">
      {paragraphs.length === 0 ? <p className="muted">{t('item.noContent')}</p> : paragraphs.map((paragraph, index) => <p key={index}>{paragraph}</p>)}
    </div>
  );
}

function splitParagraphs(text: string): string[] {
  const normalised = text.replace(/\r\n?/g, '\n').trim();
  if (!normalised) return [];
  const separator = /\n[ \t]*\n/.test(normalised) ? /\n[ \t]*\n+/ : /\n/;
  return normalised
    .split(separator)
    .map((paragraph) => paragraph.trim())
    .filter((paragraph) => paragraph !== '');
}
