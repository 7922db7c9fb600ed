import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CASE_SEVERITIES, type CaseSeverity, FLAG_STATUSES, type FlagStatus } from '@vigil/contracts';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min, MinLength } from 'class-validator';
import { HasNoNul, IsOptionalButNotNull, IsWellFormedText, Trimmed } from '../../common/field-rules';
import { ConfirmedPairs, type GlossaryPairDto } from '../claims/claims.dto';

export class FlagListQueryDto {
  @ApiPropertyOptional({ enum: FLAG_STATUSES, default: 'open' })
  @IsOptional()
  @IsIn(FLAG_STATUSES, { message: `status must be one of ${FLAG_STATUSES.join(', ')}` })
  status?: FlagStatus;

  @ApiPropertyOptional({
    enum: ['priority', 'learned', 'newest'],
    default: 'priority',
    description: 'learned: priority re-ranked by what officers have escalated and dismissed before (a decisions factor is added)',
  })
  @IsOptional()
  @IsIn(['priority', 'learned', 'newest'], { message: 'sort must be priority, learned or newest' })
  sort?: 'priority' | 'learned' | 'newest';

  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'limit must be a whole number' })
  @Min(1)
  @Max(200)
  limit?: number;

  @ApiPropertyOptional({ minimum: 0, maximum: 10_000, default: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'offset must be a whole number' })
  @Min(0)
  @Max(10_000)
  offset?: number;
}

export class DismissFlagDto {
  @ApiProperty({ maxLength: 500, example: 'Tin cũ, đã được cải chính hôm qua' })
  @Trimmed()
  @IsString()
  @MinLength(1, { message: 'reason must not be empty' })
  @MaxLength(500)
  @HasNoNul()
  reason!: string;
}

export class EscalateFlagDto {
  @ApiPropertyOptional({ maxLength: 500 })
  @IsOptionalButNotNull()
  @Trimmed()
  @IsString()
  @MaxLength(500)
  @HasNoNul()
  @IsWellFormedText()
  reason?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'An open case the flag joins; without it the flag opens a new case' })
  @IsOptionalButNotNull()
  @IsUUID('all', { message: 'caseId must be a UUID' })
  caseId?: string;

  @ApiPropertyOptional({ maxLength: 300, description: "A new case's title (default: the flag's item title)" })
  @IsOptionalButNotNull()
  @Trimmed()
  @IsString()
  @MinLength(1, { message: 'title must not be empty' })
  @MaxLength(300)
  @HasNoNul()
  @IsWellFormedText()
  title?: string;

  @ApiPropertyOptional({ enum: CASE_SEVERITIES, description: "A new case's severity (default: the flag's rule severity)" })
  @IsOptionalButNotNull()
  @IsIn(CASE_SEVERITIES, { message: `severity must be one of ${CASE_SEVERITIES.join(', ')}` })
  severity?: CaseSeverity;

  @ConfirmedPairs("With caseId: the suggestion's candidatePairs the officer kept, added to the glossary (left out, none)")
  pairs?: GlossaryPairDto[];
}

export class AttachFlagDto {
  @ApiProperty({ format: 'uuid', description: 'The flag whose story this flag joins' })
  @IsUUID('all', { message: 'targetFlagId must be a UUID' })
  targetFlagId!: string;
}

export class SpikeListQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'limit must be a whole number' })
  @Min(1)
  @Max(100)
  limit?: number;
}
