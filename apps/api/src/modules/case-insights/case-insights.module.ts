import { Module } from '@nestjs/common';
import { CaseInsightsController } from './case-insights.controller';
import { CaseOverviewService } from './case-overview.service';
import { CaseTimelineService } from './case-timeline.service';

@Module({ controllers: [CaseInsightsController], providers: [CaseTimelineService, CaseOverviewService] })
export class CaseInsightsModule {}
