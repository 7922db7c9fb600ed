import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ITEM_LANGUAGES, ITEM_SORTS, type ItemLanguage, type ItemSort } from '@vigil/contracts';
import { IsBoolean, IsIn, IsInt, IsISO8601, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';

const MAX_ITEM_LIMIT = 100;
const MAX_ITEM_OFFSET = 10_000 - MAX_ITEM_LIMIT;

export class ItemQueryDto {
  @ApiPropertyOptional({
    description:
      'Free text; diacritics optional ("thong tin sai lech" finds "Thông tin sai lệch"). Words are all required; "quoted words" must stand together; ' +
      'OR between two parts accepts either; -word, -"a phrase" or NOT word leaves items out. Nothing typed is an error (an unbalanced quote is a space).',
  })
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

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_ITEM_LIMIT, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'limit must be a whole number' })
  @Min(1)
  @Max(MAX_ITEM_LIMIT)
  limit: number = 20;

  // Offset and limit stay inside Elasticsearch's 10,000-hit window (index.max_result_window) whatever the engine, so
  // both answer alike; deeper pages follow nextCursor.
  @ApiPropertyOptional({ minimum: 0, maximum: MAX_ITEM_OFFSET, default: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'offset must be a whole number' })
  @Min(0)
  @Max(MAX_ITEM_OFFSET, { message: `offset must be at most ${MAX_ITEM_OFFSET}: deeper pages follow nextCursor` })
  offset: number = 0;

  @ApiPropertyOptional({
    description: 'nextCursor of the previous page (same q, filters and sort): the page after it, however deep. Offset paging still serves the first pages; a cursor replaces offset.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  cursor?: string;

  @ApiPropertyOptional({ default: false, description: 'Also count the matches by source, language and day (Asia/Ho_Chi_Minh); answered on pages without a cursor.' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: 'facets must be true or false' })
  facets?: boolean;
}
