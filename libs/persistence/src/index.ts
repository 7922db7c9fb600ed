export * from './persistence.module';
export * from './entities';
export * from './repositories/evidence.repository';
export * from './repositories/items.repository';
export * from './repositories/sessions.repository';
export * from './repositories/settings.repository';
export * from './repositories/sources.repository';
export * from './repositories/users.repository';
