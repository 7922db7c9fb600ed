export * from './claim-summary';
export * from './sentence-splitter';
export * from './quoted-spans';
