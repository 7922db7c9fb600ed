export * from './text/vietnamese-text';
export * from './text/language';
export * from './time/clock';
export * from './sources/source-health';
export * from './sources/poll-schedule';
export * from './dedupe/content-hash';
export * from './dedupe/simhash';
