import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { ChannelLimits } from '@vigil/contracts';
import { Answers } from '../../common/api-answers';
import { Refuses } from '../../common/api-refusals';
import { AnyRole, Roles } from '../auth/access.decorators';
import { ChannelLimitsService } from './channel-limits.service';
import { ChannelLimitsDto } from './draft.dto';

/** Everyone reads the channels' length limits (the editor counts against them); admins set them. */
@ApiTags('drafts')
@Controller('api/channel-limits')
export class ChannelLimitsController {
  constructor(private readonly limits: ChannelLimitsService) {}

  @AnyRole()
  @Get()
  @Answers('ChannelLimits')
  current(): Promise<ChannelLimits> {
    return this.limits.current();
  }

  @Roles('admin')
  @Put()
  @Refuses('channel_limit_invalid')
  @Answers('ChannelLimits')
  replace(@Body() body: ChannelLimitsDto): Promise<ChannelLimits> {
    return this.limits.replace({ ...body });
  }
}
