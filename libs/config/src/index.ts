export * from './vigil-config';
export * from './config.module';
