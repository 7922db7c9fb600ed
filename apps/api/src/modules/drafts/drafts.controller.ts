import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiProduces, ApiTags } from '@nestjs/swagger';
import type { DraftChecks, DraftCommentList, DraftCommentView, DraftDiff, DraftList, DraftVersionList, DraftVersionView, DraftView } from '@vigil/contracts';
import { DRAFT_EDITORS } from '@vigil/domain';
import type { Response } from 'express';
import { Answers } from '../../common/api-answers';
import { Refuses } from '../../common/api-refusals';
import { UuidParamPipe } from '../../common/uuid-param.pipe';
import { AnyRole, Roles } from '../auth/access.decorators';
import { CurrentUser, type AuthUser } from '../auth/auth-user';
import { CreateDraftCommentDto, CreateDraftDto, DraftDiffQueryDto, DraftExportQueryDto, PublishDraftDto, ReviewDraftDto, UpdateDraftDto } from './draft.dto';
import { DraftCommentsService } from './draft-comments.service';
import { DraftExportsService } from './draft-exports.service';
import { DraftReviewService } from './draft-review.service';
import { DraftsService } from './drafts.service';
import { VersionParamPipe } from './version-param.pipe';

/**
 * Writers, reviewers, leaders and admins write drafts and take review steps (the review workflow then decides who
 * may take which: writers never approve, only leaders sign off critical cases); duty officers and everyone read.
 */
const EDITORS = () => Roles(...DRAFT_EDITORS);

@ApiTags('drafts')
@Controller('api')
export class DraftsController {
  constructor(
    private readonly drafts: DraftsService,
    private readonly review: DraftReviewService,
    private readonly comments: DraftCommentsService,
    private readonly exports: DraftExportsService,
  ) {}

  @EDITORS()
  @Post('cases/:id/drafts')
  @Refuses('case_not_found', 'draft_platform_invalid')
  @Answers('DraftView')
  create(@Param('id', UuidParamPipe) caseId: string, @Body() body: CreateDraftDto, @CurrentUser() user: AuthUser): Promise<DraftView> {
    return this.drafts.create(caseId, body, user);
  }

  @AnyRole()
  @Get('cases/:id/drafts')
  @Refuses('case_not_found')
  @Answers('DraftList')
  list(@Param('id', UuidParamPipe) caseId: string): Promise<DraftList> {
    return this.drafts.list(caseId);
  }

  @AnyRole()
  @Get('drafts/:id')
  @Refuses('draft_not_found')
  @Answers('DraftView')
  get(@Param('id', UuidParamPipe) id: string): Promise<DraftView> {
    return this.drafts.view(id);
  }

  @EDITORS()
  @Patch('drafts/:id')
  @Refuses('draft_not_found', 'draft_version_conflict', 'draft_action_illegal')
  @Answers('DraftView')
  update(@Param('id', UuidParamPipe) id: string, @Body() body: UpdateDraftDto, @CurrentUser() user: AuthUser): Promise<DraftView> {
    return this.drafts.save(id, body, user);
  }

  @AnyRole()
  @Get('drafts/:id/versions')
  @Refuses('draft_not_found')
  @Answers('DraftVersionList')
  versions(@Param('id', UuidParamPipe) id: string): Promise<DraftVersionList> {
    return this.drafts.versions(id);
  }

  @AnyRole()
  @Get('drafts/:id/versions/:version')
  @Refuses('draft_not_found', 'draft_version_not_found')
  @Answers('DraftVersionView')
  version(@Param('id', UuidParamPipe) id: string, @Param('version', VersionParamPipe) version: number): Promise<DraftVersionView> {
    return this.drafts.version(id, version);
  }

  @AnyRole()
  @Get('drafts/:id/diff')
  @Refuses('draft_not_found', 'draft_version_not_found')
  @Answers('DraftDiff')
  diff(@Param('id', UuidParamPipe) id: string, @Query() query: DraftDiffQueryDto): Promise<DraftDiff> {
    return this.drafts.diff(id, query.from, query.to);
  }

  @AnyRole()
  @Get('drafts/:id/checks')
  @Refuses('draft_not_found')
  @Answers('DraftChecks')
  checks(@Param('id', UuidParamPipe) id: string): Promise<DraftChecks> {
    return this.drafts.checks(id);
  }

  @EDITORS()
  @Post('drafts/:id/comments')
  @Refuses('draft_not_found')
  @Answers('DraftCommentView')
  comment(@Param('id', UuidParamPipe) id: string, @Body() body: CreateDraftCommentDto, @CurrentUser() user: AuthUser): Promise<DraftCommentView> {
    return this.comments.add(id, body, user);
  }

  @AnyRole()
  @Get('drafts/:id/comments')
  @Refuses('draft_not_found')
  @Answers('DraftCommentList')
  listComments(@Param('id', UuidParamPipe) id: string): Promise<DraftCommentList> {
    return this.comments.list(id);
  }

  @EDITORS()
  @Post('drafts/:id/comments/:commentId/resolve')
  @HttpCode(200)
  @Refuses('draft_not_found', 'draft_comment_not_found')
  @Answers('DraftCommentView')
  resolve(@Param('id', UuidParamPipe) id: string, @Param('commentId', UuidParamPipe) commentId: string, @CurrentUser() user: AuthUser): Promise<DraftCommentView> {
    return this.comments.resolve(id, commentId, user);
  }

  @EDITORS()
  @Post('drafts/:id/submit')
  @HttpCode(200)
  @Refuses('draft_not_found', 'draft_version_conflict', 'draft_action_illegal', 'draft_action_not_permitted')
  @Answers('DraftView')
  submit(@Param('id', UuidParamPipe) id: string, @Body() body: ReviewDraftDto, @CurrentUser() user: AuthUser): Promise<DraftView> {
    return this.review.review(id, 'submit', body, user);
  }

  @EDITORS()
  @Post('drafts/:id/request-changes')
  @HttpCode(200)
  @Refuses('draft_not_found', 'draft_version_conflict', 'draft_action_illegal', 'draft_action_not_permitted')
  @Answers('DraftView')
  requestChanges(@Param('id', UuidParamPipe) id: string, @Body() body: ReviewDraftDto, @CurrentUser() user: AuthUser): Promise<DraftView> {
    return this.review.review(id, 'request-changes', body, user);
  }

  @EDITORS()
  @Post('drafts/:id/approve')
  @HttpCode(200)
  @Refuses('draft_not_found', 'draft_version_conflict', 'draft_action_illegal', 'draft_action_not_permitted', 'draft_checks_failed')
  @Answers('DraftView')
  approve(@Param('id', UuidParamPipe) id: string, @Body() body: ReviewDraftDto, @CurrentUser() user: AuthUser): Promise<DraftView> {
    return this.review.review(id, 'approve', body, user);
  }

  @EDITORS()
  @Post('drafts/:id/publish')
  @HttpCode(200)
  @Refuses('draft_not_found', 'draft_action_illegal', 'draft_action_not_permitted')
  @Answers('DraftView')
  publish(@Param('id', UuidParamPipe) id: string, @Body() body: PublishDraftDto, @CurrentUser() user: AuthUser): Promise<DraftView> {
    return this.review.publish(id, body, user);
  }

  /** The body as the format's own type (text, Markdown, HTML, JSON-LD), for copying or downloading. */
  @AnyRole()
  @Get('drafts/:id/export')
  @ApiProduces('text/plain', 'text/markdown', 'text/html', 'application/ld+json')
  @Refuses('draft_not_found', 'draft_action_illegal')
  @Answers('text/plain')
  async export(@Param('id', UuidParamPipe) id: string, @Query() query: DraftExportQueryDto, @Res({ passthrough: true }) response: Response): Promise<string> {
    const exported = await this.exports.export(id, query.format);
    response.setHeader('content-type', exported.contentType);
    return exported.body;
  }
}
