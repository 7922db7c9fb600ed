import RE2 from 're2';

/**
 * The test a listing rule's `linkPattern` puts to each link URL. The pattern comes from whoever configures the source,
 * so it runs on RE2, whose matching time is linear in the input: a pattern such as `(a+)+$` cannot stall a worker the
 * way it would with backtracking RegExp. The price is RE2's syntax: no backreferences, lookahead or lookbehind.
 */
export interface LinkMatcher {
  test(url: string): boolean;
}

/** Case-insensitive, like the URLs' hosts; RE2 always reads the pattern as Unicode. */
const FLAGS = 'i';

/** @throws SyntaxError naming what RE2 could not compile (invalid or unsupported syntax) */
export function compileLinkPattern(pattern: string): LinkMatcher {
  return new RE2(pattern, FLAGS);
}

/**
 * Why `pattern` cannot be a link pattern, or null when it can; for validating a source before it is stored.
 * The reason is in English for developers, e.g. "invalid perl operator: (?=" for a lookahead.
 */
export function linkPatternProblem(pattern: string): string | null {
  try {
    compileLinkPattern(pattern);
    return null;
  } catch (error) {
    return (error as Error).message;
  }
}
