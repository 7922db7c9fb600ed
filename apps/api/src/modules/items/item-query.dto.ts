import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ITEM_LANGUAGES, ITEM_SORTS, type ItemLanguage, type ItemSort } from '@vigil/contracts';
import { IsIn, IsInt, IsISO8601, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';

export class ItemQueryDto {
  @ApiPropertyOptional({ description: 'Free text; diacritics optional ("thong tin sai lech" finds "Thông tin sai lệch").' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  q?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'sourceId must be a UUID' })
  sourceId?: string;

  @ApiPropertyOptional({ enum: ITEM_SORTS, default: 'relevance', description: 'With q: best match or newest first. Without q: always newest first.' })
  @IsOptional()
  @IsIn(ITEM_SORTS, { message: `sort must be one of ${ITEM_SORTS.join(', ')}` })
  sort?: ItemSort;

  @ApiPropertyOptional({ format: 'date-time', description: 'Published at or after this instant (ISO 8601). Undated items are left out of a date range.' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'from must be an ISO 8601 date-time' })
  from?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Published before this instant (ISO 8601, exclusive); not before `from` (date_range_invalid).' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'to must be an ISO 8601 date-time' })
  to?: string;

  @ApiPropertyOptional({ enum: ITEM_LANGUAGES })
  @IsOptional()
  @IsIn(ITEM_LANGUAGES, { message: `language must be one of ${ITEM_LANGUAGES.join(', ')}` })
  language?: ItemLanguage;

  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'limit must be a whole number' })
  @Min(1)
  @Max(100)
  limit: number = 20;

  @ApiPropertyOptional({ minimum: 0, maximum: 10000, default: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'offset must be a whole number' })
  @Min(0)
  @Max(10_000)
  offset: number = 0;
}
