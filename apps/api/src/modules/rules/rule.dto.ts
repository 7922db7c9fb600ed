import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { SEVERITIES, type Severity } from '@vigil/contracts';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min, MinLength } from 'class-validator';
import { HasNoNul, IsOptionalButNotNull, IsWellFormedText, Trimmed } from '../../common/field-rules';

export const PREVIEW_MAX_DAYS = 30;

export class CreateRuleDto {
  @ApiProperty({ maxLength: 200, example: 'Tin đồn cắt nước' })
  @Trimmed()
  @IsString()
  @MinLength(1, { message: 'name must not be empty' })
  @MaxLength(200)
  @HasNoNul()
  name!: string;

  @ApiProperty({ maxLength: 2000, example: '"cắt nước" AND (hà nội OR "hà đông") NOT "đã khôi phục"', description: 'In the rule language (README "Watch rules")' })
  @IsString()
  @MinLength(1, { message: 'query must not be empty' })
  @MaxLength(2000)
  @HasNoNul()
  @IsWellFormedText()
  query!: string;

  @ApiProperty({ enum: SEVERITIES })
  @IsIn(SEVERITIES, { message: `severity must be one of ${SEVERITIES.join(', ')}` })
  severity!: Severity;

  @ApiPropertyOptional({ nullable: true, maxLength: 100 })
  @IsOptional()
  @Trimmed()
  @IsString()
  @MaxLength(100)
  @HasNoNul()
  ownerTeam?: string | null;

  @ApiPropertyOptional({ nullable: true, maxLength: 2000 })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  @HasNoNul()
  description?: string | null;

  @ApiPropertyOptional({ default: true })
  @IsOptionalButNotNull()
  @IsBoolean()
  enabled?: boolean;
}

// Nulls are validated too (skipNullProperties: false): `"name": null` is a 400, not a NOT NULL failure.
export class UpdateRuleDto extends PartialType(CreateRuleDto, { skipNullProperties: false }) {}

export class PreviewRuleDto {
  @ApiProperty({ maxLength: 2000, example: 'lũ* NEAR/3 "miền trung"' })
  @IsString()
  @MinLength(1, { message: 'query must not be empty' })
  @MaxLength(2000)
  @HasNoNul()
  @IsWellFormedText()
  query!: string;

  @ApiPropertyOptional({ minimum: 1, maximum: PREVIEW_MAX_DAYS, default: 7 })
  @IsOptionalButNotNull()
  @IsInt({ message: 'days must be a whole number' })
  @Min(1)
  @Max(PREVIEW_MAX_DAYS)
  days?: number;
}
