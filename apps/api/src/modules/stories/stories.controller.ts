import { Controller, Get, Inject, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { type StoryView, VigilError } from '@vigil/contracts';
import { CLOCK, type Clock } from '@vigil/domain';
import { StoriesRepository } from '@vigil/persistence';
import { Answers } from '../../common/api-answers';
import { Refuses } from '../../common/api-refusals';
import { UuidParamPipe } from '../../common/uuid-param.pipe';
import { AnyRole } from '../auth/access.decorators';

const STORY_ITEMS = 200;
const HOURLY_HOURS = 48;

/** A story as leaders and officers review it: who carried it, when, and how fast it spread. */
@ApiTags('stories')
@Controller('api/stories')
export class StoriesController {
  constructor(
    private readonly stories: StoriesRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @AnyRole()
  @Get(':id')
  @Refuses('story_not_found')
  @Answers('StoryView')
  async get(@Param('id', UuidParamPipe) id: string): Promise<StoryView> {
    const story = await this.stories.find(id);
    if (!story) throw new VigilError('story_not_found', `No story ${id}`);
    const [items, hourly, flags] = await Promise.all([this.stories.items(id, STORY_ITEMS), this.stories.hourly(id, this.clock.now(), HOURLY_HOURS), this.stories.flags(id)]);
    return {
      ...story,
      firstSeenAt: story.firstSeenAt.toISOString(),
      hourly: hourly.map(({ hour, count }) => ({ hour: hour.toISOString(), count })),
      items: items.map((item) => ({ ...item, publishedAt: item.publishedAt?.toISOString() ?? null, fetchedAt: item.fetchedAt.toISOString() })),
      flags: flags.map((flag) => ({ id: flag.id, status: flag.status, rule: { id: flag.ruleId, name: flag.ruleName, severity: flag.ruleSeverity } })),
    };
  }
}
