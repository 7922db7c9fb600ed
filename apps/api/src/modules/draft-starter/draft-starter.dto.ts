import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DRAFT_CHANNELS, DRAFT_LANGUAGES, type DraftChannel, type DraftLanguage, SOCIAL_PLATFORMS, type SocialPlatform } from '@vigil/contracts';
import { IsIn, IsOptional, IsUUID } from 'class-validator';

export class DraftStarterDto {
  @ApiProperty({ format: 'uuid', description: 'The case the draft answers (404 case_not_found)' })
  @IsUUID('all', { message: 'caseId must be a UUID' })
  caseId!: string;

  @ApiProperty({ enum: DRAFT_CHANNELS, description: "Chooses the channel's template" })
  @IsIn(DRAFT_CHANNELS, { message: `channel must be one of ${DRAFT_CHANNELS.join(', ')}` })
  channel!: DraftChannel;

  @ApiPropertyOptional({ enum: SOCIAL_PLATFORMS, nullable: true, description: 'Required for a social post, absent or null otherwise (400 draft_platform_invalid)' })
  @IsOptional()
  @IsIn(SOCIAL_PLATFORMS, { message: `platform must be one of ${SOCIAL_PLATFORMS.join(', ')}` })
  platform?: SocialPlatform | null;

  @ApiProperty({ enum: DRAFT_LANGUAGES, description: 'The template language and the facts offered' })
  @IsIn(DRAFT_LANGUAGES, { message: `language must be one of ${DRAFT_LANGUAGES.join(', ')}` })
  language!: DraftLanguage;
}
