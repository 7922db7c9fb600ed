import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { EscalatedFlagView, FlagDetail, FlagPage, FlagView } from '@vigil/contracts';
import { Answers } from '../../common/api-answers';
import { Refuses } from '../../common/api-refusals';
import { UuidParamPipe } from '../../common/uuid-param.pipe';
import { AnyRole, Roles } from '../auth/access.decorators';
import { CurrentUser, type AuthUser } from '../auth/auth-user';
import { AttachFlagDto, DismissFlagDto, EscalateFlagDto, FlagListQueryDto } from './flag.dto';
import { FlagsService } from './flags.service';

const TRIAGE = ['admin', 'duty_officer'] as const;

/** The triage queue: everyone reads it; duty officers (and admins) claim and decide. */
@ApiTags('flags')
@Controller('api/flags')
export class FlagsController {
  constructor(private readonly flags: FlagsService) {}

  @AnyRole()
  @Get()
  @Answers('FlagPage')
  list(@Query() query: FlagListQueryDto): Promise<FlagPage> {
    return this.flags.list(query);
  }

  @AnyRole()
  @Get(':id')
  @Refuses('flag_not_found')
  @Answers('FlagDetail')
  get(@Param('id', UuidParamPipe) id: string): Promise<FlagDetail> {
    return this.flags.get(id);
  }

  @Roles(...TRIAGE)
  @Post(':id/claim')
  @HttpCode(200)
  @Refuses('flag_not_found', 'flag_claimed_by_other', 'flag_closed')
  @Answers('FlagView')
  claim(@Param('id', UuidParamPipe) id: string, @CurrentUser() user: AuthUser): Promise<FlagView> {
    return this.flags.claim(id, user);
  }

  @Roles(...TRIAGE)
  @Post(':id/release')
  @HttpCode(200)
  @Refuses('flag_not_found', 'flag_not_claimed_by_you', 'flag_closed')
  @Answers('FlagView')
  release(@Param('id', UuidParamPipe) id: string, @CurrentUser() user: AuthUser): Promise<FlagView> {
    return this.flags.release(id, user);
  }

  @Roles(...TRIAGE)
  @Post(':id/dismiss')
  @HttpCode(200)
  @Refuses('flag_not_found', 'flag_claimed_by_other', 'flag_closed')
  @Answers('FlagView')
  dismiss(@Param('id', UuidParamPipe) id: string, @Body() body: DismissFlagDto, @CurrentUser() user: AuthUser): Promise<FlagView> {
    return this.flags.dismiss(id, user, body.reason);
  }

  @Roles(...TRIAGE)
  @Post(':id/escalate')
  @HttpCode(200)
  @Refuses('flag_not_found', 'flag_claimed_by_other', 'flag_closed', 'case_not_found', 'case_closed')
  @Answers('EscalatedFlagView')
  escalate(@Param('id', UuidParamPipe) id: string, @Body() body: EscalateFlagDto, @CurrentUser() user: AuthUser): Promise<EscalatedFlagView> {
    return this.flags.escalate(id, user, { reason: body.reason ?? null, caseId: body.caseId, title: body.title, severity: body.severity }, body.pairs ?? []);
  }

  @Roles(...TRIAGE)
  @Post(':id/attach')
  @HttpCode(200)
  @Refuses('flag_not_found', 'flag_attach_invalid', 'flag_claimed_by_other', 'flag_closed')
  @Answers('FlagView')
  attach(@Param('id', UuidParamPipe) id: string, @Body() body: AttachFlagDto, @CurrentUser() user: AuthUser): Promise<FlagView> {
    return this.flags.attach(id, user, body.targetFlagId);
  }
}
