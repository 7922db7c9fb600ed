import { Controller, Get, Query } from '@nestjs/common';
import { ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import type { DigestView } from '@vigil/contracts';
import { toDigestView } from '@vigil/detection';
import { DigestsRepository } from '@vigil/persistence';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { Answers } from '../../common/api-answers';
import { AnyRole } from '../auth/access.decorators';

export class DigestListQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 10 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'limit must be a whole number' })
  @Min(1)
  @Max(100)
  limit?: number;
}

/** The latest digests of lower-tier flags that listed something, newest first: what the Live screen's digest panel shows. */
@ApiTags('flags')
@Controller('api/digests')
export class DigestsController {
  constructor(private readonly digests: DigestsRepository) {}

  @AnyRole()
  @Get()
  @Answers('DigestView[]')
  async list(@Query() query: DigestListQueryDto): Promise<DigestView[]> {
    return (await this.digests.recent(query.limit ?? 10)).map(toDigestView);
  }
}
