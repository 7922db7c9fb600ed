/**
 * Finds known phrases (token sequences) in a token stream, longest first and without overlap, so "Bộ Y tế" is one
 * phrase rather than also "Y tế". Used for place names, glossary terms and team places.
 */
export class PhraseMatcher<K> {
  // First token → phrases starting with it, longest first.
  private readonly byFirst = new Map<string, { tokens: readonly string[]; key: K }[]>();

  add(tokens: readonly string[], key: K): void {
    if (tokens.length === 0) return;
    const list = this.byFirst.get(tokens[0]!) ?? [];
    list.push({ tokens, key });
    list.sort((left, right) => right.tokens.length - left.tokens.length);
    this.byFirst.set(tokens[0]!, list);
  }

  /** Keys of every phrase found, in text order (a key twice if its phrase occurs twice). */
  find(tokens: readonly string[]): K[] {
    const found: K[] = [];
    let index = 0;
    while (index < tokens.length) {
      const candidates = this.byFirst.get(tokens[index]!) ?? [];
      const hit = candidates.find(({ tokens: phrase }) => phrase.every((token, offset) => tokens[index + offset] === token));
      if (hit) {
        found.push(hit.key);
        index += hit.tokens.length;
      } else {
        index += 1;
      }
    }
    return found;
  }
}
