/** Why a rule was refused; the console may word each one, the API answers `rule_syntax_invalid` for all. */
export type RuleSyntaxReason =
  | 'empty'
  | 'too_long'
  | 'too_many_terms'
  | 'too_deep'
  | 'unclosed_quote'
  | 'unbalanced_parenthesis'
  | 'dangling_operator'
  | 'bad_near'
  | 'bad_filter'
  | 'bad_term';

/**
 * A rule that cannot be parsed (or is too big to run on every item). `position` is the 0-based UTF-16 offset in the
 * rule text the problem is at; `message` is English, for developers and logs.
 */
export class RuleSyntaxError extends Error {
  /** One code for every syntax problem: the API maps it to the contract code `rule_syntax_invalid`. */
  readonly code = 'rule_syntax';

  constructor(
    readonly reason: RuleSyntaxReason,
    readonly position: number,
    message: string,
  ) {
    super(message);
    this.name = 'RuleSyntaxError';
  }
}
