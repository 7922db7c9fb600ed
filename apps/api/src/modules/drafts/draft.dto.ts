import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DRAFT_CHANNELS, DRAFT_EXPORT_FORMATS, DRAFT_LANGUAGES, type DraftChannel, type DraftExportFormat, type DraftLanguage, SOCIAL_PLATFORMS, type SocialPlatform } from '@vigil/contracts';
import { Type } from 'class-transformer';
import { Allow, IsIn, IsInt, IsISO8601, IsOptional, IsString, IsUrl, Max, MaxLength, Min, MinLength } from 'class-validator';
import { HasNoNul, HasNoUrlCredentials, IsOptionalButNotNull, IsWellFormedText, Trimmed } from '../../common/field-rules';

const TITLE_MAX = 300;
const VERSION_MAX = 1_000_000;
const DOCUMENT_DESCRIPTION = '{ blocks: [{ kind, inlines: [{ type: "text", text, bold?, italic? } | { type: "citation", citationId }] }], citations: [{ id, kind, targetId, url, title }] }, checked whole by the drafting rules (the first problem is named in `field`)';

/** The document is checked by the domain's document rules (one place, naming the exact part refused), not here. */
export class CreateDraftDto {
  @ApiProperty({ maxLength: TITLE_MAX, example: 'Thông cáo: không có chuyện vỡ đê sông Hồng' })
  @Trimmed()
  @IsString()
  @MinLength(1, { message: 'title must not be empty' })
  @MaxLength(TITLE_MAX)
  @HasNoNul()
  @IsWellFormedText()
  title!: string;

  @ApiProperty({ enum: DRAFT_CHANNELS })
  @IsIn(DRAFT_CHANNELS, { message: `channel must be one of ${DRAFT_CHANNELS.join(', ')}` })
  channel!: DraftChannel;

  @ApiPropertyOptional({ enum: SOCIAL_PLATFORMS, nullable: true, description: 'Required for a social post, absent or null otherwise (400 draft_platform_invalid)' })
  @IsOptional()
  @IsIn(SOCIAL_PLATFORMS, { message: `platform must be one of ${SOCIAL_PLATFORMS.join(', ')}` })
  platform?: SocialPlatform | null;

  @ApiProperty({ enum: DRAFT_LANGUAGES })
  @IsIn(DRAFT_LANGUAGES, { message: `language must be one of ${DRAFT_LANGUAGES.join(', ')}` })
  language!: DraftLanguage;

  @ApiPropertyOptional({ type: 'object', additionalProperties: true, description: DOCUMENT_DESCRIPTION })
  @Allow()
  document?: unknown;
}

export class UpdateDraftDto {
  @ApiProperty({ minimum: 1, description: 'The version the writer started from: a newer one answers 409 draft_version_conflict' })
  @IsInt({ message: 'version must be a whole number' })
  @Min(1)
  @Max(VERSION_MAX)
  version!: number;

  @ApiPropertyOptional({ maxLength: TITLE_MAX })
  @IsOptionalButNotNull()
  @Trimmed()
  @IsString()
  @MinLength(1, { message: 'title must not be empty' })
  @MaxLength(TITLE_MAX)
  @HasNoNul()
  @IsWellFormedText()
  title?: string;

  @ApiPropertyOptional({ type: 'object', additionalProperties: true, description: DOCUMENT_DESCRIPTION })
  @Allow()
  document?: unknown;
}

export class ReviewDraftDto {
  @ApiProperty({ minimum: 1, description: 'The version reviewed; not the latest → 409 draft_version_conflict' })
  @IsInt({ message: 'version must be a whole number' })
  @Min(1)
  @Max(VERSION_MAX)
  version!: number;

  @ApiPropertyOptional({ maxLength: 2000, example: 'Cần dẫn nguồn văn bản của Bộ Nông nghiệp.' })
  @IsOptionalButNotNull()
  @Trimmed()
  @IsString()
  @MaxLength(2000)
  @HasNoNul()
  @IsWellFormedText()
  note?: string;
}

export class PublishDraftDto {
  @ApiProperty({ example: 'https://example.gov.vn/thong-cao/khong-vo-de-song-hong' })
  @IsString()
  @MaxLength(2000)
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true, require_tld: false }, { message: 'url must be an http(s) URL' })
  @HasNoUrlCredentials()
  url!: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Defaults to now' })
  @IsOptionalButNotNull()
  @IsISO8601({ strict: true }, { message: 'publishedAt must be an ISO 8601 date and time' })
  publishedAt?: string;
}

export class CreateDraftCommentDto {
  @ApiProperty({ minimum: 0, description: 'The block of the latest version the comment is about' })
  @IsInt({ message: 'blockIndex must be a whole number' })
  @Min(0)
  @Max(10_000)
  blockIndex!: number;

  @ApiProperty({ maxLength: 2000, description: 'The words commented on, as they stand' })
  @IsString()
  @MaxLength(2000)
  @HasNoNul()
  @IsWellFormedText()
  quote!: string;

  @ApiProperty({ maxLength: 4000, example: 'Số liệu này cần dẫn nguồn.' })
  @Trimmed()
  @IsString()
  @MinLength(1, { message: 'body must not be empty' })
  @MaxLength(4000)
  @HasNoNul()
  @IsWellFormedText()
  body!: string;
}

export class DraftDiffQueryDto {
  @ApiProperty({ minimum: 1 })
  @Type(() => Number)
  @IsInt({ message: 'from must be a whole number' })
  @Min(1)
  @Max(VERSION_MAX)
  from!: number;

  @ApiProperty({ minimum: 1 })
  @Type(() => Number)
  @IsInt({ message: 'to must be a whole number' })
  @Min(1)
  @Max(VERSION_MAX)
  to!: number;
}

export class DraftExportQueryDto {
  @ApiProperty({ enum: DRAFT_EXPORT_FORMATS, description: 'claimreview (JSON-LD) only once published' })
  @IsIn(DRAFT_EXPORT_FORMATS, { message: `format must be one of ${DRAFT_EXPORT_FORMATS.join(', ')}` })
  format!: DraftExportFormat;
}

/** The outline only: ranges and the platforms are the domain's channel-limit rules (400 channel_limit_invalid). */
export class ChannelLimitsDto {
  @ApiProperty({ type: Number, nullable: true, example: null })
  @Allow()
  press_statement!: number | null;

  @ApiProperty({ type: Number, nullable: true, example: null })
  @Allow()
  website_article!: number | null;

  @ApiProperty({ type: Number, nullable: true, example: null })
  @Allow()
  talking_points!: number | null;

  @ApiProperty({ type: 'object', additionalProperties: { type: 'number' }, example: { x: 280, facebook: 2000, zalo: 2000 } })
  @Allow()
  social_post!: Record<SocialPlatform, number>;
}
