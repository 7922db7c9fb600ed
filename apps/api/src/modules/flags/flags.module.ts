import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { ClaimsModule } from '../claims/claims.module';
import { FlagsController } from './flags.controller';
import { FlagsService } from './flags.service';
import { SpikesController } from './spikes.controller';

@Module({ imports: [CasesModule, ClaimsModule], controllers: [FlagsController, SpikesController], providers: [FlagsService] })
export class FlagsModule {}
