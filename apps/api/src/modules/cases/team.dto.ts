import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { HasNoNul, IsOptionalButNotNull, Trimmed } from '../../common/field-rules';

export class CreateTeamDto {
  @ApiProperty({ maxLength: 100, example: 'Ban Tuyên truyền' })
  @Trimmed()
  @IsString()
  @MinLength(1, { message: 'name must not be empty' })
  @MaxLength(100)
  @HasNoNul()
  name!: string;

  @ApiPropertyOptional({ type: [String], format: 'uuid', maxItems: 200 })
  @IsOptionalButNotNull()
  @IsArray()
  @ArrayMaxSize(200)
  @IsUUID('all', { each: true, message: 'each memberIds value must be a UUID' })
  memberIds?: string[];
}

export class SetTeamMembersDto {
  @ApiProperty({ type: [String], format: 'uuid', maxItems: 200 })
  @IsArray()
  @ArrayMaxSize(200)
  @IsUUID('all', { each: true, message: 'each userIds value must be a UUID' })
  userIds!: string[];
}
