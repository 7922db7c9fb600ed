export * from './story-terms';
export * from './term-vector';
export * from './story-centroid';
export * from './story-assignment';
