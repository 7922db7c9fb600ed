/**
 * The usernames a comment @mentions, lower-cased, each once, in order of first mention. A mention starts with `@`
 * at the start or after a character that cannot be part of an address (so `lan@example.vn` mentions nobody) and takes
 * the username characters Vigil allows (letters, digits, dot, dash, underscore); a trailing dot ends the sentence,
 * not the name.
 */
export function parseMentions(body: string): string[] {
  const found = new Set<string>();
  for (const match of body.matchAll(MENTION)) {
    const name = match[1]!.replace(/\.+$/, '').toLowerCase();
    if (name.length >= MIN_USERNAME && name.length <= MAX_USERNAME) found.add(name);
  }
  return [...found];
}

const MENTION = /(?<![\p{L}\p{N}._@-])@([A-Za-z0-9._-]+)/gu;
const MIN_USERNAME = 3;
const MAX_USERNAME = 64;
