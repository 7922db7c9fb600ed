export * from './claim-summary';
export * from './sentence-splitter';
export * from './quoted-spans';
export * from './starter-document';
export * from './fact-queries';
