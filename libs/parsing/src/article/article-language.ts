import { detectLanguage } from '@vigil/domain';
import { franc } from 'franc';

/** Below this many letters trigram statistics are unreliable, so the page's declaration is trusted first. */
const SHORT_TEXT_LETTERS = 60;

/**
 * vi or en for an article. Long text: franc restricted to the two languages Vigil reads. Short
 * text: the page's `<html lang>` when it declares vi or en, otherwise script evidence over headline
 * and text. Null when nothing decides (franc's `und`: no Latin-script letters to judge by).
 */
export function detectArticleLanguage(text: string, title: string | null, declared: 'vi' | 'en' | null): 'vi' | 'en' | null {
  const letters = text.match(/\p{L}/gu)?.length ?? 0;
  if (letters >= SHORT_TEXT_LETTERS) {
    const guess = franc(text, { only: ['vie', 'eng'] });
    if (guess === 'vie') return 'vi';
    return guess === 'eng' ? 'en' : null;
  }
  return declared ?? detectLanguage(`${title ?? ''} ${text}`);
}
