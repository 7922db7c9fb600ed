import { ItemEntity } from './item.entity';
import { SessionEntity } from './session.entity';
import { SettingEntity } from './setting.entity';
import { SourceEntity } from './source.entity';
import { UserEntity } from './user.entity';

export { ItemEntity, SessionEntity, SettingEntity, SourceEntity, UserEntity };
export const ENTITIES = [UserEntity, SessionEntity, SettingEntity, SourceEntity, ItemEntity];
