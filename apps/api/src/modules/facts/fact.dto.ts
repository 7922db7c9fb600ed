import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { DRAFT_LANGUAGES, type DraftLanguage } from '@vigil/contracts';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString, IsUrl, MaxLength, MinLength, ValidateBy } from 'class-validator';
import { HasNoNul, HasNoUrlCredentials, IsOptionalButNotNull, IsWellFormedText, Trimmed } from '../../common/field-rules';
import { ListPageQueryDto } from '../../common/list-page.dto';

const STATEMENT_MAX = 4000;
const TAG_MAX = 50;
const TAGS_MAX = 20;
const CALENDAR_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar day written YYYY-MM-DD (no time, so no time zone can move it). */
const IsCalendarDay = (): PropertyDecorator =>
  ValidateBy({
    name: 'isCalendarDay',
    validator: {
      validate: (value: unknown) => typeof value === 'string' && CALENDAR_DAY.test(value) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value),
      defaultMessage: () => '$property must be a calendar day written YYYY-MM-DD',
    },
  });

const Text = (max: number) => applyDecorators(Trimmed(), IsString(), MinLength(1, { message: '$property must not be empty' }), MaxLength(max), HasNoNul(), IsWellFormedText());

export class CreateFactDto {
  @ApiProperty({ maxLength: STATEMENT_MAX, example: 'Hà Nội không có kế hoạch cắt nước trên diện rộng trong tháng 12/2026.', description: 'Kept verbatim (only the ends trimmed)' })
  @Text(STATEMENT_MAX)
  statement!: string;

  @ApiProperty({ maxLength: 300, example: 'Sở Xây dựng Hà Nội' })
  @Text(300)
  sourceName!: string;

  @ApiPropertyOptional({ nullable: true, example: 'https://soxaydung.hanoi.gov.vn/thong-cao/cap-nuoc-thang-12' })
  @IsOptional()
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true, require_tld: false }, { message: 'sourceUrl must be an http:// or https:// address' })
  @MaxLength(2000)
  @HasNoNul()
  @HasNoUrlCredentials()
  sourceUrl?: string | null;

  @ApiProperty({ format: 'date', example: '2026-11-27' })
  @IsCalendarDay()
  statedOn!: string;

  @ApiPropertyOptional({ format: 'date', description: 'Defaults to statedOn' })
  @IsOptionalButNotNull()
  @IsCalendarDay()
  validFrom?: string;

  @ApiPropertyOptional({ format: 'date', nullable: true, description: 'Last valid day (inclusive); null = no end. Not before validFrom (fact_dates_invalid)' })
  @IsOptional()
  @IsCalendarDay()
  validUntil?: string | null;

  @ApiPropertyOptional({ type: [String], maxItems: TAGS_MAX, example: ['cấp nước'] })
  @IsOptionalButNotNull()
  @IsArray()
  @ArrayMaxSize(TAGS_MAX)
  @Trimmed()
  @IsString({ each: true })
  @MinLength(1, { each: true, message: 'each tag must not be empty' })
  @MaxLength(TAG_MAX, { each: true })
  @HasNoNul({ each: true })
  @IsWellFormedText({ each: true })
  tags?: string[];

  @ApiProperty({ enum: DRAFT_LANGUAGES })
  @IsIn(DRAFT_LANGUAGES, { message: `language must be one of ${DRAFT_LANGUAGES.join(', ')}` })
  language!: DraftLanguage;
}

// Nulls are validated too (skipNullProperties: false): `"statement": null` is a 400, not a NOT NULL failure.
export class UpdateFactDto extends PartialType(CreateFactDto, { skipNullProperties: false }) {}

/** A comma-separated list (or the parameter repeated). */
const listOf = ({ value }: { value: unknown }) =>
  (Array.isArray(value) ? value : [value]).flatMap((part) => (typeof part === 'string' ? part.split(',') : [part])).map((part) => (typeof part === 'string' ? part.trim() : part)).filter(Boolean);

export class FactListQueryDto extends ListPageQueryDto {
  @ApiPropertyOptional({ maxLength: 200, description: 'Words, with or without diacritics', example: 'cat nuoc' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  @HasNoNul()
  q?: string;

  @ApiPropertyOptional({ description: 'Comma-separated tags (or the parameter repeated); a fact must carry every one', example: 'cấp nước' })
  @IsOptional()
  @Transform(listOf)
  @IsArray()
  @ArrayMaxSize(TAGS_MAX)
  @IsString({ each: true })
  @MaxLength(TAG_MAX, { each: true })
  @HasNoNul({ each: true })
  tag?: string[];

  @ApiPropertyOptional({ enum: DRAFT_LANGUAGES })
  @IsOptional()
  @IsIn(DRAFT_LANGUAGES, { message: `language must be one of ${DRAFT_LANGUAGES.join(', ')}` })
  language?: DraftLanguage;

  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'true: only facts valid today (Asia/Ho_Chi_Minh); false: only those that are not' })
  @IsOptional()
  @IsIn(['true', 'false'], { message: 'valid must be true or false' })
  valid?: 'true' | 'false';
}
