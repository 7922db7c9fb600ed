import { Module } from '@nestjs/common';
import { ClaimsModule } from '../claims/claims.module';
import { DraftStarterController } from './draft-starter.controller';
import { DraftStarterService } from './draft-starter.service';

/** POST /api/drafts/starter: the claim summarised from the evidence, quotes, facts and past rebuttals, in the channel's template. */
@Module({ imports: [ClaimsModule], controllers: [DraftStarterController], providers: [DraftStarterService] })
export class DraftStarterModule {}
