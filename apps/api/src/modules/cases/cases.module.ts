import { Module } from '@nestjs/common';
import { DeadlinesModule } from '@vigil/deadlines';
import { CaseChangesService } from './case-changes.service';
import { CasesController } from './cases.controller';
import { CasesService } from './cases.service';
import { TeamsController } from './teams.controller';
import { TeamsService } from './teams.service';

/** Response cases and the teams that own them; exports the case side of escalating a flag. */
@Module({ imports: [DeadlinesModule], controllers: [CasesController, TeamsController], providers: [CasesService, CaseChangesService, TeamsService], exports: [CasesService, CaseChangesService] })
export class CasesModule {}
