import { Controller, Get, Header, Param, Query } from '@nestjs/common';
import { ApiProduces, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import type { CaseTimeline, DashboardView, HandoverView } from '@vigil/contracts';
import { IsIn, IsOptional } from 'class-validator';
import { Answers } from '../../common/api-answers';
import { Refuses } from '../../common/api-refusals';
import { UuidParamPipe } from '../../common/uuid-param.pipe';
import { AnyRole } from '../auth/access.decorators';
import { REPORT_CONTENT_SECURITY_POLICY } from './case-report';
import { CaseOverviewService } from './case-overview.service';
import { CaseTimelineService } from './case-timeline.service';
import { REPORT_LANGUAGES, type ReportLanguage } from './report-labels';

export class CaseReportQueryDto {
  @ApiPropertyOptional({ enum: REPORT_LANGUAGES, default: 'vi' })
  @IsOptional()
  @IsIn(REPORT_LANGUAGES, { message: `lang must be one of ${REPORT_LANGUAGES.join(', ')}` })
  lang?: ReportLanguage;
}

/** Reading across a case's history and across cases: every role reads them, as every role reads cases. */
@ApiTags('cases')
@Controller('api')
export class CaseInsightsController {
  constructor(
    private readonly timelines: CaseTimelineService,
    private readonly overview: CaseOverviewService,
  ) {}

  /** Every case with its milestones and breaches, latest opened first (at most 10,000 rows), for spreadsheets. */
  @AnyRole()
  @Get('cases.csv')
  @ApiProduces('text/csv')
  @Header('content-type', 'text/csv; charset=utf-8')
  @Header('content-disposition', 'attachment; filename="vigil-cases.csv"')
  @Answers('text/csv')
  csv(): Promise<string> {
    return this.overview.csv();
  }

  @AnyRole()
  @Get('cases/:id/timeline')
  @Refuses('case_not_found')
  @Answers('CaseTimeline')
  timeline(@Param('id', UuidParamPipe) id: string): Promise<CaseTimeline> {
    return this.timelines.timeline(id);
  }

  /** A print-ready page (the browser prints it to PDF): every text escaped, one hashed style element, nothing that runs. */
  @AnyRole()
  @Get('cases/:id/report')
  @ApiProduces('text/html')
  @Header('content-type', 'text/html; charset=utf-8')
  @Header('content-security-policy', REPORT_CONTENT_SECURITY_POLICY)
  @Refuses('case_not_found')
  @Answers('text/html')
  report(@Param('id', UuidParamPipe) id: string, @Query() query: CaseReportQueryDto): Promise<string> {
    return this.timelines.report(id, query.lang ?? 'vi');
  }

  @AnyRole()
  @Get('handover')
  @Answers('HandoverView')
  handover(): Promise<HandoverView> {
    return this.overview.handover();
  }

  @AnyRole()
  @Get('dashboard')
  @Answers('DashboardView')
  dashboard(): Promise<DashboardView> {
    return this.overview.dashboard();
  }
}
