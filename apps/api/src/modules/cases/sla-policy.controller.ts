import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { SlaPolicyView } from '@vigil/contracts';
import { Answers } from '../../common/api-answers';
import { Refuses } from '../../common/api-refusals';
import { AnyRole, Roles } from '../auth/access.decorators';
import { SlaPolicyDto } from './sla-policy.dto';
import { SlaPolicyService } from './sla-policy.service';

/** Everyone reads the deadlines' policy (it explains their countdowns); admins set it. */
@ApiTags('cases')
@Controller('api/sla-policy')
export class SlaPolicyController {
  constructor(private readonly policy: SlaPolicyService) {}

  @AnyRole()
  @Get()
  @Answers('SlaPolicyView')
  current(): Promise<SlaPolicyView> {
    return this.policy.current();
  }

  @Roles('admin')
  @Put()
  @Refuses('sla_stage_minutes_invalid', 'sla_stage_order_invalid', 'sla_warn_share_invalid', 'sla_reminder_invalid', 'sla_holiday_invalid', 'sla_calendar_invalid')
  @Answers('SlaPolicyView')
  replace(@Body() body: SlaPolicyDto): Promise<SlaPolicyView> {
    return this.policy.replace(body);
  }
}
