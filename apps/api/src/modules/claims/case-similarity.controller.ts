import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { ConfirmMatchResult, SimilarCasesView, SuggestedTeamsView } from '@vigil/contracts';
import { Answers } from '../../common/api-answers';
import { Refuses } from '../../common/api-refusals';
import { UuidParamPipe } from '../../common/uuid-param.pipe';
import { AnyRole, Roles } from '../auth/access.decorators';
import { CurrentUser, type AuthUser } from '../auth/auth-user';
import { ClaimMatchingService } from './claim-matching.service';
import { ConfirmMatchDto } from './claims.dto';

/** Cases about the same claim as this one, and who should own it. */
@ApiTags('claims')
@Controller('api/cases')
export class CaseSimilarityController {
  constructor(private readonly matching: ClaimMatchingService) {}

  @AnyRole()
  @Get(':id/similar')
  @Answers('SimilarCasesView')
  @Refuses('case_not_found')
  similar(@Param('id', UuidParamPipe) id: string): Promise<SimilarCasesView> {
    return this.matching.similarToCase(id);
  }

  @Roles('admin', 'duty_officer', 'leader')
  @Post(':id/similar/:otherId/confirm')
  @Answers('ConfirmMatchResult')
  @HttpCode(200)
  @Refuses('case_not_found', 'claim_match_self')
  confirm(@Param('id', UuidParamPipe) id: string, @Param('otherId', UuidParamPipe) otherId: string, @Body() body: ConfirmMatchDto, @CurrentUser() user: AuthUser): Promise<ConfirmMatchResult> {
    return this.matching.confirm(id, otherId, body.pairs, user.id);
  }

  @AnyRole()
  @Get(':id/suggested-team')
  @Answers('SuggestedTeamsView')
  @Refuses('case_not_found')
  suggestedTeam(@Param('id', UuidParamPipe) id: string): Promise<SuggestedTeamsView> {
    return this.matching.suggestedTeams(id);
  }
}
