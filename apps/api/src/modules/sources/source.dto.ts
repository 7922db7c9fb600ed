import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { SOURCE_KINDS, type SourceKind } from '@vigil/contracts';
import { IsIn, IsInt, IsOptional, IsString, IsUrl, Max, MaxLength, Min, MinLength } from 'class-validator';

export const MIN_POLL_INTERVAL_SEC = 60;
export const MAX_POLL_INTERVAL_SEC = 86_400;
export const DEFAULT_POLL_INTERVAL_SEC = 900;

export class CreateSourceDto {
  @ApiProperty({ example: 'Báo Tin Nhanh — Thời sự' })
  @IsString()
  @MinLength(1, { message: 'name must not be empty' })
  @MaxLength(200)
  name!: string;

  @ApiProperty({ example: 'https://tinnhanh.example.vn/rss/thoi-su.rss' })
  @IsUrl(
    { protocols: ['http', 'https'], require_protocol: true, require_tld: false },
    { message: 'url must be an http:// or https:// address' },
  )
  @MaxLength(2000)
  url!: string;

  @ApiProperty({ enum: SOURCE_KINDS, description: '`rss` reads RSS 0.9x/1.0/2.0 and Atom feeds.' })
  @IsIn(SOURCE_KINDS, { message: `kind must be one of: ${SOURCE_KINDS.join(', ')}` })
  kind!: SourceKind;

  @ApiPropertyOptional({ minimum: MIN_POLL_INTERVAL_SEC, maximum: MAX_POLL_INTERVAL_SEC, default: DEFAULT_POLL_INTERVAL_SEC })
  @IsOptional()
  @IsInt({ message: 'pollIntervalSec must be a whole number of seconds' })
  @Min(MIN_POLL_INTERVAL_SEC)
  @Max(MAX_POLL_INTERVAL_SEC)
  pollIntervalSec?: number;
}
