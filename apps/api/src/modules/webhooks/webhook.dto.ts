import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { SEVERITIES, type Severity } from '@vigil/contracts';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUrl, Max, MaxLength, Min, MinLength } from 'class-validator';
import { Type } from 'class-transformer';
import { HasNoNul, HasNoUrlCredentials, IsOptionalButNotNull, Trimmed } from '../../common/field-rules';

export class CreateWebhookDto {
  @ApiProperty({ maxLength: 200, example: 'Trực ban — nhóm Zalo' })
  @Trimmed()
  @IsString()
  @MinLength(1, { message: 'name must not be empty' })
  @MaxLength(200)
  @HasNoNul()
  name!: string;

  @ApiProperty({ maxLength: 2000, example: 'https://hooks.example.gov.vn/vigil' })
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true, require_tld: false }, { message: 'url must be an http:// or https:// address' })
  @MaxLength(2000)
  @HasNoNul()
  @HasNoUrlCredentials()
  url!: string;

  @ApiPropertyOptional({ enum: SEVERITIES, default: 'critical', description: 'Flags whose rule is at least this severe are sent as they are raised' })
  @IsOptionalButNotNull()
  @IsIn(SEVERITIES, { message: `minSeverity must be one of ${SEVERITIES.join(', ')}` })
  minSeverity?: Severity;

  @ApiPropertyOptional({ default: true })
  @IsOptionalButNotNull()
  @IsBoolean()
  includeSpikes?: boolean;

  @ApiPropertyOptional({ default: false, description: 'Also send the periodic digest of lower-tier flags (digest.ready)' })
  @IsOptionalButNotNull()
  @IsBoolean()
  includeDigest?: boolean;

  @ApiPropertyOptional({ default: true })
  @IsOptionalButNotNull()
  @IsBoolean()
  enabled?: boolean;
}

/** Any of the create's fields; those left out stay as they are. Disabling cancels the deliveries still waiting. */
export class UpdateWebhookDto extends PartialType(CreateWebhookDto) {}

export class DeliveriesQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'limit must be a whole number' })
  @Min(1)
  @Max(200)
  limit?: number;
}
