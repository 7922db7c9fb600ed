import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ITEM_SORTS, type ItemSort } from '@vigil/contracts';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';

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
