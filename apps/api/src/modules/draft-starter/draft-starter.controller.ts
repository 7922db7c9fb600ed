import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { DraftStarter } from '@vigil/contracts';
import { DRAFT_EDITORS } from '@vigil/domain';
import { Answers } from '../../common/api-answers';
import { Refuses } from '../../common/api-refusals';
import { Roles } from '../auth/access.decorators';
import { DraftStarterDto } from './draft-starter.dto';
import { DraftStarterService } from './draft-starter.service';

/** "New draft": a skeleton built from the case for the writer to edit. It stores nothing; the console then creates the draft. */
@ApiTags('drafts')
@Controller('api/drafts')
export class DraftStarterController {
  constructor(private readonly starter: DraftStarterService) {}

  @Roles(...DRAFT_EDITORS)
  @Post('starter')
  @HttpCode(200)
  @Answers('DraftStarter')
  @Refuses('case_not_found', 'draft_platform_invalid')
  start(@Body() body: DraftStarterDto): Promise<DraftStarter> {
    return this.starter.start(body);
  }
}
