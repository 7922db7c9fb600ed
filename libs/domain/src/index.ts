export * from './text/vietnamese-text';
