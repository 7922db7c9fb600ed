import { ApiProperty, PartialType } from '@nestjs/swagger';
import { DRAFT_CHANNELS, DRAFT_LANGUAGES, type DraftChannel, type DraftLanguage } from '@vigil/contracts';
import { IsIn, IsString, MaxLength, MinLength } from 'class-validator';
import { HasNoNul, IsWellFormedText, Trimmed } from '../../common/field-rules';

export class CreateTemplateDto {
  @ApiProperty({ maxLength: 200, example: 'Thông cáo báo chí' })
  @Trimmed()
  @IsString()
  @MinLength(1, { message: 'name must not be empty' })
  @MaxLength(200)
  @HasNoNul()
  @IsWellFormedText()
  name!: string;

  @ApiProperty({ enum: DRAFT_CHANNELS })
  @IsIn(DRAFT_CHANNELS, { message: `channel must be one of ${DRAFT_CHANNELS.join(', ')}` })
  channel!: DraftChannel;

  @ApiProperty({ enum: DRAFT_LANGUAGES })
  @IsIn(DRAFT_LANGUAGES, { message: `language must be one of ${DRAFT_LANGUAGES.join(', ')}` })
  language!: DraftLanguage;

  @ApiProperty({
    maxLength: 20_000,
    example: '# THÔNG CÁO BÁO CHÍ\n{{office_name}}, {{date}}\n\n{{facts}}',
    description: 'Lines: "# " a heading, "- " a bullet, "> " a quote, blank lines between paragraphs; placeholders {{case_title}}, {{case_reference}}, {{date}}, {{office_name}}, {{summary}}, {{quotes}}, {{facts}}, {{citations}} (any other: template_placeholder_unknown)',
  })
  @IsString()
  @MinLength(1, { message: 'body must not be empty' })
  @MaxLength(20_000)
  @HasNoNul()
  @IsWellFormedText()
  body!: string;
}

// Nulls are validated too (skipNullProperties: false): `"body": null` is a 400, not a NOT NULL failure.
export class UpdateTemplateDto extends PartialType(CreateTemplateDto, { skipNullProperties: false }) {}
