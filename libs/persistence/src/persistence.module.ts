import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DatabaseServer } from './embedded/database-server';
import { TableMaintenanceSchedule } from './embedded/table-maintenance';
import { ENTITIES } from './entities';
import { MigrationRunner } from './migration-runner';
import { MIGRATIONS } from './migrations';
import { EvidenceRepository } from './repositories/evidence.repository';
import { FlagsRepository } from './repositories/flags.repository';
import { MatchingInputsRepository } from './repositories/matching-inputs.repository';
import { ItemsRepository } from './repositories/items.repository';
import { LiveEventsRepository } from './repositories/live-events.repository';
import { SecondFactorsRepository } from './repositories/second-factors.repository';
import { SessionsRepository } from './repositories/sessions.repository';
import { SettingsRepository } from './repositories/settings.repository';
import { SourceActivityRepository } from './repositories/source-activity.repository';
import { SourcesRepository } from './repositories/sources.repository';
import { SpikesRepository } from './repositories/spikes.repository';
import { StoriesRepository } from './repositories/stories.repository';
import { UsersRepository } from './repositories/users.repository';
import { WatchRulesRepository } from './repositories/watch-rules.repository';
import { WebhooksRepository } from './repositories/webhooks.repository';
import { CaseAuditRepository } from './repositories/case-audit.repository';
import { CaseDeadlinesRepository } from './repositories/case-deadlines.repository';
import { CaseCommentsRepository } from './repositories/case-comments.repository';
import { CaseLinksRepository } from './repositories/case-links.repository';
import { CasesRepository } from './repositories/cases.repository';
import { TeamsRepository } from './repositories/teams.repository';
import { ClaimMatchingRepository } from './repositories/claim-matching.repository';
import { Transactions } from './repositories/transactions';
import { DraftsRepository } from './repositories/drafts.repository';
import { DraftCommentsRepository } from './repositories/draft-comments.repository';
import { DigestsRepository } from './repositories/digests.repository';
import { CaseOverviewRepository } from './repositories/case-overview.repository';
import { CaseTimelineRepository } from './repositories/case-timeline.repository';
import { FactsRepository } from './repositories/facts.repository';
import { DraftTemplatesRepository } from './repositories/draft-templates.repository';

const REPOSITORIES = [UsersRepository, SessionsRepository, SecondFactorsRepository, SettingsRepository, SourcesRepository, ItemsRepository, EvidenceRepository, WatchRulesRepository, FlagsRepository, LiveEventsRepository, SpikesRepository, StoriesRepository, WebhooksRepository, MatchingInputsRepository, SourceActivityRepository, Transactions, DigestsRepository, CasesRepository, CaseLinksRepository, CaseCommentsRepository, CaseAuditRepository, TeamsRepository, CaseTimelineRepository, CaseOverviewRepository, CaseDeadlinesRepository, ClaimMatchingRepository, DraftsRepository, DraftCommentsRepository, FactsRepository, DraftTemplatesRepository];

@Module({ providers: [DatabaseServer], exports: [DatabaseServer] })
class DatabaseServerModule {}

/** The only module that talks SQL: a TypeORM connection, migrations at start, and one repository per table. */
@Module({})
export class PersistenceModule {
  static forRoot(): DynamicModule {
    return {
      module: PersistenceModule,
      global: true,
      imports: [
        DatabaseServerModule,
        TypeOrmModule.forRootAsync({
          imports: [DatabaseServerModule],
          inject: [DatabaseServer],
          useFactory: async (server: DatabaseServer) => ({
            type: 'postgres' as const,
            ...(await server.connection()),
            entities: ENTITIES,
            migrations: MIGRATIONS,
            migrationsRun: false,
            synchronize: false,
            // PGlite serves one connection; a server gets a small pool per process.
            extra: { max: server.isEmbedded ? 1 : 10 },
          }),
        }),
        TypeOrmModule.forFeature(ENTITIES),
      ],
      providers: [MigrationRunner, TableMaintenanceSchedule, ...REPOSITORIES],
      exports: [...REPOSITORIES],
    };
  }
}
