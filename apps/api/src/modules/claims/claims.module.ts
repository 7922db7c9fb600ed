import { Module } from '@nestjs/common';
import { CaseSimilarityController } from './case-similarity.controller';
import { ClaimMatchingService } from './claim-matching.service';
import { FlagSimilarityController } from './flag-similarity.controller';
import { GlossaryController } from './glossary.controller';
import { GlossaryService } from './glossary.service';
import { TeamPlacesController } from './team-places.controller';

@Module({ controllers: [CaseSimilarityController, FlagSimilarityController, GlossaryController, TeamPlacesController], providers: [ClaimMatchingService, GlossaryService], exports: [ClaimMatchingService] })
export class ClaimsModule {}
