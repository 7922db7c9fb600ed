import { ItemEventEntity } from './item-event.entity';
import { ItemEntity } from './item.entity';
import { LiveEventEntity } from './live-event.entity';
import { SecondFactorEntity } from './second-factor.entity';
import { SessionEntity } from './session.entity';
import { SettingEntity } from './setting.entity';
import { SnapshotEntity } from './snapshot.entity';
import { SourceEntity } from './source.entity';
import { StoryEntity } from './story.entity';
import { UserEntity } from './user.entity';
import { WatchRuleEntity } from './watch-rule.entity';

export { ItemEntity, ItemEventEntity, LiveEventEntity, SecondFactorEntity, SessionEntity, SettingEntity, SnapshotEntity, SourceEntity, StoryEntity, UserEntity, WatchRuleEntity };
export const ENTITIES = [UserEntity, SessionEntity, SettingEntity, SourceEntity, StoryEntity, ItemEntity, SnapshotEntity, ItemEventEntity, SecondFactorEntity, WatchRuleEntity, LiveEventEntity];
