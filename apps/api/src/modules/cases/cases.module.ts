import { Module } from '@nestjs/common';
import { DeadlinesModule } from '@vigil/deadlines';
import { CaseChangesService } from './case-changes.service';
import { CasesController } from './cases.controller';
import { CasesService } from './cases.service';
import { SlaPolicyController } from './sla-policy.controller';
import { SlaPolicyService } from './sla-policy.service';
import { TeamsController } from './teams.controller';
import { TeamsService } from './teams.service';

/** Response cases, the teams that own them and the SLA policy their deadlines follow; exports the case side of escalating a flag. */
@Module({ imports: [DeadlinesModule], controllers: [CasesController, TeamsController, SlaPolicyController], providers: [CasesService, CaseChangesService, TeamsService, SlaPolicyService], exports: [CasesService, CaseChangesService] })
export class CasesModule {}
