import { Controller, Get, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { SimilarCasesView } from '@vigil/contracts';
import { Answers } from '../../common/api-answers';
import { Refuses } from '../../common/api-refusals';
import { UuidParamPipe } from '../../common/uuid-param.pipe';
import { AnyRole } from '../auth/access.decorators';
import { ClaimMatchingService } from './claim-matching.service';

/** Open cases a flag's claim may belong to: shown before escalating, so it joins a case instead of opening one. */
@ApiTags('claims')
@Controller('api/flags')
export class FlagSimilarityController {
  constructor(private readonly matching: ClaimMatchingService) {}

  @AnyRole()
  @Get(':id/similar-cases')
  @Answers('SimilarCasesView')
  @Refuses('flag_not_found')
  similarCases(@Param('id', UuidParamPipe) id: string): Promise<SimilarCasesView> {
    return this.matching.similarToFlag(id);
  }
}
