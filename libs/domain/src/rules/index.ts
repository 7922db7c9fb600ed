export * from './rule-expression';
export * from './rule-syntax-error';
export * from './rule-parser';
export { RULE_LIMITS } from './rule-lexer';
export * from './rule-matcher';
export type { MatchableItem, HighlightField } from './prepared-item';
