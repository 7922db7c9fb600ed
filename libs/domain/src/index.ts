export * from './text/vietnamese-text';
export * from './text/language';
export * from './time/clock';
