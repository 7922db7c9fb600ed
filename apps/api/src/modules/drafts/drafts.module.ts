import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { ChannelLimitsController } from './channel-limits.controller';
import { ChannelLimitsService } from './channel-limits.service';
import { DraftChecksService } from './draft-checks.service';
import { DraftCommentsService } from './draft-comments.service';
import { DraftExportsService } from './draft-exports.service';
import { DraftReviewService } from './draft-review.service';
import { DraftsController } from './drafts.controller';
import { DraftsService } from './drafts.service';

/** Rebuttal drafts of a case: versions under an optimistic lock, inline review, approval with checks, publication, exports. */
@Module({
  imports: [CasesModule],
  controllers: [DraftsController, ChannelLimitsController],
  providers: [DraftsService, DraftReviewService, DraftChecksService, DraftCommentsService, DraftExportsService, ChannelLimitsService],
  exports: [ChannelLimitsService],
})
export class DraftsModule {}
