import { Module } from '@nestjs/common';
import { CaseInsightsController } from './case-insights.controller';
import { CaseOverviewService } from './case-overview.service';
import { CaseReads } from './case-reads';
import { CaseTimelineService } from './case-timeline.service';

@Module({ controllers: [CaseInsightsController], providers: [CaseReads, CaseTimelineService, CaseOverviewService] })
export class CaseInsightsModule {}
