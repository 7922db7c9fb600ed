import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CASE_LINK_KINDS, CASE_SEVERITIES, CASE_STATUSES, type CaseLinkKind, type CaseSeverity, type CaseStatus } from '@vigil/contracts';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString, IsUUID, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { HasNoNul, IsOptionalButNotNull, IsWellFormedText, Trimmed } from '../../common/field-rules';
import { ListPageQueryDto } from '../../common/list-page.dto';

/** Case text also goes into the audit trail's jsonb, hence well-formed Unicode as well as no NUL. */
const TITLE_MAX = 300;
const SUMMARY_MAX = 4000;
const TAG_MAX = 50;
const TAGS_MAX = 20;

/** What a case's tags must be, on opening a case and on editing it (absent means unchanged, never null). */
const CaseTagRules = () =>
  applyDecorators(
    IsOptionalButNotNull(),
    IsArray(),
    ArrayMaxSize(TAGS_MAX),
    Trimmed(),
    IsString({ each: true }),
    MinLength(1, { each: true, message: 'each tag must not be empty' }),
    MaxLength(TAG_MAX, { each: true }),
    HasNoNul({ each: true }),
    IsWellFormedText({ each: true }),
  );

export class CaseLinkDto {
  @ApiProperty({ enum: CASE_LINK_KINDS })
  @IsIn(CASE_LINK_KINDS, { message: `kind must be one of ${CASE_LINK_KINDS.join(', ')}` })
  kind!: CaseLinkKind;

  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'id must be a UUID' })
  id!: string;
}

export class CreateCaseDto {
  @ApiProperty({ maxLength: TITLE_MAX, example: 'Tin đồn tăng giá điện 30% từ tháng sau' })
  @Trimmed()
  @IsString()
  @MinLength(1, { message: 'title must not be empty' })
  @MaxLength(TITLE_MAX)
  @HasNoNul()
  @IsWellFormedText()
  title!: string;

  @ApiPropertyOptional({ maxLength: SUMMARY_MAX, description: 'The claim the office answers, in a sentence or two' })
  @IsOptionalButNotNull()
  @Trimmed()
  @IsString()
  @MaxLength(SUMMARY_MAX)
  @HasNoNul()
  @IsWellFormedText()
  claimSummary?: string;

  @ApiProperty({ enum: CASE_SEVERITIES })
  @IsIn(CASE_SEVERITIES, { message: `severity must be one of ${CASE_SEVERITIES.join(', ')}` })
  severity!: CaseSeverity;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptionalButNotNull()
  @IsUUID('all', { message: 'assigneeId must be a UUID' })
  assigneeId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptionalButNotNull()
  @IsUUID('all', { message: 'teamId must be a UUID' })
  teamId?: string;

  @ApiPropertyOptional({ type: [String], maxItems: TAGS_MAX, example: ['điện', 'giá cả'] })
  @CaseTagRules()
  tags?: string[];

  @ApiPropertyOptional({ type: [CaseLinkDto], maxItems: 50, description: 'Flags, items and stories the case is about' })
  @IsOptionalButNotNull()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => CaseLinkDto)
  links?: CaseLinkDto[];
}

/** Any subset of the fields; null clears the claim summary, the assignee or the team. */
export class UpdateCaseDto {
  @ApiPropertyOptional({ maxLength: TITLE_MAX })
  @IsOptionalButNotNull()
  @Trimmed()
  @IsString()
  @MinLength(1, { message: 'title must not be empty' })
  @MaxLength(TITLE_MAX)
  @HasNoNul()
  @IsWellFormedText()
  title?: string;

  @ApiPropertyOptional({ maxLength: SUMMARY_MAX, nullable: true })
  @IsOptional()
  @Trimmed()
  @IsString()
  @MaxLength(SUMMARY_MAX)
  @HasNoNul()
  @IsWellFormedText()
  claimSummary?: string | null;

  @ApiPropertyOptional({ enum: CASE_SEVERITIES })
  @IsOptionalButNotNull()
  @IsIn(CASE_SEVERITIES, { message: `severity must be one of ${CASE_SEVERITIES.join(', ')}` })
  severity?: CaseSeverity;

  @ApiPropertyOptional({ format: 'uuid', nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'assigneeId must be a UUID' })
  assigneeId?: string | null;

  @ApiPropertyOptional({ format: 'uuid', nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'teamId must be a UUID' })
  teamId?: string | null;

  @ApiPropertyOptional({ type: [String], maxItems: TAGS_MAX })
  @CaseTagRules()
  tags?: string[];
}

export class TransitionCaseDto {
  @ApiProperty({ enum: CASE_STATUSES })
  @IsIn(CASE_STATUSES, { message: `to must be one of ${CASE_STATUSES.join(', ')}` })
  to!: CaseStatus;

  @ApiPropertyOptional({ maxLength: 500, example: 'Chờ Sở Công Thương xác nhận số liệu' })
  @IsOptionalButNotNull()
  @Trimmed()
  @IsString()
  @MaxLength(500)
  @HasNoNul()
  @IsWellFormedText()
  reason?: string;
}

export class CreateCaseCommentDto {
  @ApiProperty({ maxLength: 4000, example: '@lan.nguyen nhờ chị rà số liệu trước 10 giờ.' })
  @Trimmed()
  @IsString()
  @MinLength(1, { message: 'body must not be empty' })
  @MaxLength(4000)
  @HasNoNul()
  @IsWellFormedText()
  body!: string;
}

/** A comma-separated list (or the parameter repeated) of allowed values. */
const listOf = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.split(',').map((part) => part.trim()).filter(Boolean) : value);

export class CaseListQueryDto extends ListPageQueryDto {
  @ApiPropertyOptional({ description: `Comma-separated statuses: ${CASE_STATUSES.join(', ')}`, example: 'new,acknowledged' })
  @IsOptional()
  @Transform(listOf)
  @IsArray()
  @ArrayMaxSize(CASE_STATUSES.length)
  @IsIn(CASE_STATUSES, { each: true, message: `each status must be one of ${CASE_STATUSES.join(', ')}` })
  status?: CaseStatus[];

  @ApiPropertyOptional({ description: `Comma-separated severities: ${CASE_SEVERITIES.join(', ')}`, example: 'critical,high' })
  @IsOptional()
  @Transform(listOf)
  @IsArray()
  @ArrayMaxSize(CASE_SEVERITIES.length)
  @IsIn(CASE_SEVERITIES, { each: true, message: `each severity must be one of ${CASE_SEVERITIES.join(', ')}` })
  severity?: CaseSeverity[];

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'assignee must be a UUID' })
  assignee?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'team must be a UUID' })
  team?: string;
}
