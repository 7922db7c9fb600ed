import { DynamicModule, Module } from '@nestjs/common';
import { CollectionWorkerModule } from '@vigil/collection';
import { ConfigModule, type VigilConfig } from '@vigil/config';
import { DeadlinesWorkerModule } from '@vigil/deadlines';
import { DetectionModule } from '@vigil/detection';
import { MetricsModule } from '@vigil/metrics';
import type { Clock } from '@vigil/domain';
import { PersistenceModule } from '@vigil/persistence';
import { QueueModule } from '@vigil/queue';
import { RealtimeModule } from '@vigil/realtime';
import { SearchModule } from '@vigil/search';
import { AuthModule } from './modules/auth/auth.module';
import { CasesModule } from './modules/cases/cases.module';
import { ClaimsModule } from './modules/claims/claims.module';
import { CaseInsightsModule } from './modules/case-insights/case-insights.module';
import { ConsoleModule } from './modules/console/console.module';
import { FlagsModule } from './modules/flags/flags.module';
import { HealthModule } from './modules/health/health.module';
import { ItemsModule } from './modules/items/items.module';
import { LiveModule } from './modules/live/live.module';
import { MetricsApiModule } from './modules/metrics/metrics-api.module';
import { RulesModule } from './modules/rules/rules.module';
import { SourcesModule } from './modules/sources/sources.module';
import { StoriesModule } from './modules/stories/stories.module';
import { UsersModule } from './modules/users/users.module';
import { WebhooksModule } from './modules/webhooks/webhooks.module';
import { DigestsModule } from './modules/digests/digests.module';
import { FactsModule } from './modules/facts/facts.module';
import { TemplatesModule } from './modules/templates/templates.module';
import { DraftsModule } from './modules/drafts/drafts.module';
import { DraftStarterModule } from './modules/draft-starter/draft-starter.module';

@Module({})
export class AppModule {
  /** The API; in single-process mode (or when asked) it also hosts the collection worker and the deadline ticker. */
  static forRoot(config: VigilConfig, clock?: Clock): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config, clock),
        PersistenceModule.forRoot(),
        QueueModule,
        MetricsModule,
        RealtimeModule,
        SearchModule,
        DetectionModule,
        AuthModule,
        UsersModule,
        SourcesModule,
        ItemsModule,
        RulesModule,
        CasesModule,
        FlagsModule,
        StoriesModule,
        ClaimsModule,
        CaseInsightsModule,
        DraftsModule,
        DraftStarterModule,
        LiveModule,
        WebhooksModule,
        DigestsModule,
        FactsModule,
        TemplatesModule,
        HealthModule,
        MetricsApiModule,
        ...(config.runsWorkers ? [CollectionWorkerModule, DeadlinesWorkerModule] : []),
        ConsoleModule.forRoot(config),
      ],
    };
  }
}
