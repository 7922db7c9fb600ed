import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiParam, ApiTags } from '@nestjs/swagger';
import { CASE_LINK_KINDS, type CaseAuditTrail, type CaseAuditVerification, type CaseLinkKind, type CasePage, type CaseView } from '@vigil/contracts';
import { Answers } from '../../common/api-answers';
import { Refuses } from '../../common/api-refusals';
import { UuidParamPipe } from '../../common/uuid-param.pipe';
import { AnyRole, Roles } from '../auth/access.decorators';
import { CurrentUser, type AuthUser } from '../auth/auth-user';
import { CaseLinkDto, CaseListQueryDto, CreateCaseCommentDto, CreateCaseDto, TransitionCaseDto, UpdateCaseDto } from './case.dto';
import { CaseChangesService } from './case-changes.service';
import { CaseLinkKindPipe } from './case-link-kind.pipe';
import { CasesService } from './cases.service';

/** Those who run the shift open cases; everyone works on them, the workflow deciding who takes which step. */
const OPENERS = ['admin', 'duty_officer', 'leader'] as const;

@ApiTags('cases')
@Controller('api/cases')
export class CasesController {
  constructor(
    private readonly cases: CasesService,
    private readonly changes: CaseChangesService,
  ) {}

  @Roles(...OPENERS)
  @Post()
  @Refuses('user_not_found', 'team_not_found', 'flag_not_found', 'item_not_found', 'story_not_found')
  @Answers('CaseView')
  create(@Body() body: CreateCaseDto, @CurrentUser() user: AuthUser): Promise<CaseView> {
    return this.changes.create(body, user);
  }

  @AnyRole()
  @Get()
  @Answers('CasePage')
  list(@Query() query: CaseListQueryDto): Promise<CasePage> {
    return this.cases.list(query);
  }

  @AnyRole()
  @Get(':id')
  @Refuses('case_not_found')
  @Answers('CaseView')
  get(@Param('id', UuidParamPipe) id: string, @CurrentUser() user: AuthUser): Promise<CaseView> {
    return this.cases.view(id, user);
  }

  /** Writers and reviewers may reword and tag; severity, assignee and team are the shift's (403 `forbidden` otherwise). */
  @AnyRole()
  @Patch(':id')
  @Refuses('case_not_found', 'user_not_found', 'team_not_found')
  @Answers('CaseView')
  update(@Param('id', UuidParamPipe) id: string, @Body() body: UpdateCaseDto, @CurrentUser() user: AuthUser): Promise<CaseView> {
    return this.changes.update(id, body, user);
  }

  @AnyRole()
  @Post(':id/transition')
  @HttpCode(200)
  @Refuses('case_not_found', 'case_transition_illegal', 'case_transition_not_permitted')
  @Answers('CaseView')
  transition(@Param('id', UuidParamPipe) id: string, @Body() body: TransitionCaseDto, @CurrentUser() user: AuthUser): Promise<CaseView> {
    return this.changes.transition(id, body.to, body.reason ?? null, user);
  }

  @AnyRole()
  @Post(':id/comments')
  @Refuses('case_not_found')
  @Answers('CaseView')
  comment(@Param('id', UuidParamPipe) id: string, @Body() body: CreateCaseCommentDto, @CurrentUser() user: AuthUser): Promise<CaseView> {
    return this.changes.comment(id, body.body, user);
  }

  @AnyRole()
  @Post(':id/links')
  @HttpCode(200)
  @Refuses('case_not_found', 'flag_not_found', 'item_not_found', 'story_not_found')
  @Answers('CaseView')
  link(@Param('id', UuidParamPipe) id: string, @Body() body: CaseLinkDto, @CurrentUser() user: AuthUser): Promise<CaseView> {
    return this.changes.link(id, body, user);
  }

  /** The same roles as linking: whoever may add evidence to a case may take back what was linked by mistake. */
  @AnyRole()
  @Delete(':id/links/:kind/:targetId')
  @ApiParam({ name: 'kind', enum: CASE_LINK_KINDS })
  @Refuses('case_not_found', 'case_link_not_found')
  @Answers('CaseView')
  unlink(
    @Param('id', UuidParamPipe) id: string,
    @Param('kind', CaseLinkKindPipe) kind: CaseLinkKind,
    @Param('targetId', UuidParamPipe) targetId: string,
    @CurrentUser() user: AuthUser,
  ): Promise<CaseView> {
    return this.changes.unlink(id, { kind, id: targetId }, user);
  }

  @AnyRole()
  @Get(':id/audit')
  @Refuses('case_not_found')
  @Answers('CaseAuditTrail')
  audit(@Param('id', UuidParamPipe) id: string): Promise<CaseAuditTrail> {
    return this.cases.trail(id);
  }

  @AnyRole()
  @Get(':id/audit/verify')
  @Refuses('case_not_found')
  @Answers('CaseAuditVerification')
  verify(@Param('id', UuidParamPipe) id: string): Promise<CaseAuditVerification> {
    return this.cases.verify(id);
  }
}
