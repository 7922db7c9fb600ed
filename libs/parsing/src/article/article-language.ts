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
  if (hasLetters(text, SHORT_TEXT_LETTERS)) {
    const guess = franc(text, { only: ['vie', 'eng'] });
    if (guess === 'vie') return 'vi';
    return guess === 'eng' ? 'en' : null;
  }
  return declared ?? detectLanguage(`${title ?? ''} ${text}`);
}

/** Whether `text` holds at least `count` letters, stopping at the count (article texts run to tens of thousands). */
function hasLetters(text: string, count: number): boolean {
  const letter = /\p{L}/gu;
  for (let found = 0; found < count; found += 1) if (!letter.exec(text)) return false;
  return true;
}
