import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { LiveEventPage } from '@vigil/contracts';
import { Answers } from '../../common/api-answers';
import { AnyRole } from '../auth/access.decorators';
import { CurrentUser, type AuthUser } from '../auth/auth-user';
import { EventQueryDto } from './event-query.dto';
import { LiveEventsService } from './live-events.service';

@ApiTags('live')
@Controller('api/events')
@AnyRole()
export class EventsController {
  constructor(private readonly events: LiveEventsService) {}

  /** The live feed's stored events after `after`, oldest first: what a client missed, over HTTP. */
  @Get()
  @Answers('LiveEventPage')
  find(@CurrentUser() user: AuthUser, @Query() query: EventQueryDto): Promise<LiveEventPage> {
    return this.events.after(user, query.after, query.limit);
  }
}
