import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { linkPatternProblem } from '@vigil/parsing';
import { SOURCE_KINDS, type SourceKind, type SourceKindRequest } from '@vigil/contracts';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUrl,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateBy,
  ValidateNested,
} from 'class-validator';
import { HasNoNul, HasNoUrlCredentials, IsOptionalButNotNull, IsWellFormedText, Trimmed } from '../../common/field-rules';

export const MIN_POLL_INTERVAL_SEC = 60;
export const MAX_POLL_INTERVAL_SEC = 86_400;
export const DEFAULT_POLL_INTERVAL_SEC = 900;
const KIND_CHOICES = [...SOURCE_KINDS, 'auto'] as const;

const PollInterval = (name: string) =>
  applyDecorators(
    ApiPropertyOptional({ minimum: MIN_POLL_INTERVAL_SEC, maximum: MAX_POLL_INTERVAL_SEC }),
    IsOptionalButNotNull(),
    IsInt({ message: `${name} must be a whole number of seconds` }),
    Min(MIN_POLL_INTERVAL_SEC, { message: `${name} must be at least ${MIN_POLL_INTERVAL_SEC} seconds` }),
    Max(MAX_POLL_INTERVAL_SEC, { message: `${name} must be at most ${MAX_POLL_INTERVAL_SEC} seconds` }),
  );

/** Refused here, at create and update, rather than at the first collection: the pattern must compile on RE2. */
const IsLinkPattern = () =>
  ValidateBy({
    name: 'isLinkPattern',
    validator: {
      validate: (value: unknown) => typeof value !== 'string' || linkPatternProblem(value) === null,
      defaultMessage: (args) =>
        `linkPattern must be a regular expression in RE2 syntax (${linkPatternProblem(String(args?.value))}); ` +
        'lookahead, lookbehind and backreferences are not supported',
    },
  });

export class ListingRuleDto {
  @ApiPropertyOptional({
    description: 'Regular expression (RE2 syntax: no lookaround or backreferences, case-insensitive) an article URL must match',
    example: '/thoi-su/.+\\.html$',
  })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  @HasNoNul()
  @IsWellFormedText()
  @IsLinkPattern()
  linkPattern?: string;

  @ApiPropertyOptional({ description: 'CSS selector of the article links', example: 'article h3 a' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  @HasNoNul()
  @IsWellFormedText()
  linkSelector?: string;
}

export class CreateSourceDto {
  @ApiProperty({ example: 'Báo Tin Nhanh — Thời sự' })
  @Trimmed()
  @IsString()
  @MinLength(1, { message: 'name must not be empty' })
  @MaxLength(200)
  @HasNoNul()
  name!: string;

  @ApiProperty({ example: 'https://tinnhanh.example.vn/rss/thoi-su.rss' })
  @IsUrl(
    { protocols: ['http', 'https'], require_protocol: true, require_tld: false },
    { message: 'url must be an http:// or https:// address' },
  )
  @MaxLength(2000)
  @HasNoNul()
  @HasNoUrlCredentials()
  url!: string;

  @ApiProperty({ enum: KIND_CHOICES, description: '`auto` detects the kind, discovering a feed from an HTML page.' })
  @IsIn(KIND_CHOICES, { message: `kind must be one of: ${KIND_CHOICES.join(', ')}` })
  kind!: SourceKindRequest;

  /** The starting interval; polling then adapts between the bounds. */
  @PollInterval('pollIntervalSec')
  pollIntervalSec?: number;

  @PollInterval('minPollIntervalSec')
  minPollIntervalSec?: number;

  @PollInterval('maxPollIntervalSec')
  maxPollIntervalSec?: number;

  @ApiPropertyOptional({ enum: ['vi', 'en'], nullable: true })
  @IsOptional()
  @IsIn(['vi', 'en', null], { message: 'languageHint must be vi, en or null' })
  languageHint?: 'vi' | 'en' | null;

  @ApiPropertyOptional({ minimum: 0, maximum: 100, default: 50, description: 'Reach and credibility' })
  @IsOptionalButNotNull()
  @IsInt({ message: 'weight must be a whole number' })
  @Min(0)
  @Max(100)
  weight?: number;

  @ApiPropertyOptional({ type: [String] })
  @IsOptionalButNotNull()
  @Trimmed()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(50, { each: true })
  @HasNoNul({ each: true })
  tags?: string[];

  @ApiPropertyOptional()
  @IsOptionalButNotNull()
  @IsBoolean()
  paused?: boolean;

  @ApiPropertyOptional({ type: ListingRuleDto, nullable: true, description: 'Which links are articles (web sources)' })
  @IsOptional()
  @IsObject({ message: 'listing must be an object (or null)' })
  @ValidateNested()
  @Type(() => ListingRuleDto)
  listing?: ListingRuleDto | null;
}

/** Every field may be left out; only languageHint and listing may be null (they mean "none"). */
export class UpdateSourceDto extends PartialType(OmitType(CreateSourceDto, ['kind'] as const), { skipNullProperties: false }) {
  @ApiPropertyOptional({ enum: SOURCE_KINDS })
  @IsOptionalButNotNull()
  @IsIn(SOURCE_KINDS, { message: `kind must be one of: ${SOURCE_KINDS.join(', ')}` })
  kind?: SourceKind;
}

/** `DELETE /api/sources/:id?withItems=true` deletes the source's items too; by default they stay as evidence. */
export class RemoveSourceQueryDto {
  @ApiPropertyOptional({ type: Boolean, default: false, description: 'Also delete every item the source brought in, with their snapshots' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: 'withItems must be true or false' })
  withItems?: boolean;
}
