export * from './default-glossary';
export * from './claim-glossary';
export * from './claim-matcher';
export * from './claim-quantities';
export * from './place-names';
export * from './owner-teams';
