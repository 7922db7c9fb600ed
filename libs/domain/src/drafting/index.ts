export * from './draft-template';
export * from './fact-validity';
export * from './starter';
