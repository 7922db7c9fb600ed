import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { GLOSSARY_KINDS, type GlossaryKind } from '@vigil/contracts';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayUnique, IsArray, IsIn, IsObject, IsString, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { HasNoNul, IsOptionalButNotNull, Trimmed } from '../../common/field-rules';

export class GlossaryPairDto {
  @ApiProperty({ maxLength: 200, example: 'Bộ Y tế' })
  @Trimmed()
  @IsString()
  @MinLength(1, { message: 'vi must not be empty' })
  @MaxLength(200)
  @HasNoNul()
  vi!: string;

  @ApiProperty({ maxLength: 200, example: 'Ministry of Health' })
  @Trimmed()
  @IsString()
  @MinLength(1, { message: 'en must not be empty' })
  @MaxLength(200)
  @HasNoNul()
  en!: string;

  @ApiProperty({ enum: GLOSSARY_KINDS, example: 'agency' })
  @IsIn(GLOSSARY_KINDS, { message: `kind must be one of ${GLOSSARY_KINDS.join(', ')}` })
  kind!: GlossaryKind;
}

export class ConfirmMatchDto {
  @ApiPropertyOptional({ type: [GlossaryPairDto], maxItems: 20, description: "The term pairs the officer confirmed, added to the glossary; left out, the suggestion's candidatePairs" })
  @IsOptionalButNotNull()
  @IsArray()
  @ArrayMaxSize(20)
  @IsObject({ each: true, message: 'each pair must be an object' })
  @ValidateNested({ each: true })
  @Type(() => GlossaryPairDto)
  pairs?: GlossaryPairDto[];
}

export class TeamPlacesDto {
  @ApiProperty({ type: [String], maxItems: 200, example: ['Thanh Hóa', 'Sầm Sơn'] })
  @IsArray()
  @ArrayMaxSize(200)
  @ArrayUnique()
  @Trimmed()
  @IsString({ each: true })
  @MinLength(1, { each: true, message: 'each place must not be empty' })
  @MaxLength(120, { each: true })
  @HasNoNul({ each: true })
  places!: string[];
}
