import { applyDecorators } from '@nestjs/common';
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

/** The term pairs an officer confirmed with a match, validated alike wherever a match is confirmed (case page, Live). */
export const ConfirmedPairs = (description: string): PropertyDecorator =>
  applyDecorators(
    ApiPropertyOptional({ type: [GlossaryPairDto], maxItems: 20, description }),
    IsOptionalButNotNull(),
    IsArray(),
    ArrayMaxSize(20),
    IsObject({ each: true, message: 'each pair must be an object' }),
    ValidateNested({ each: true }),
    Type(() => GlossaryPairDto),
  );

export class ConfirmMatchDto {
  @ConfirmedPairs("The term pairs the officer confirmed, added to the glossary; left out, the suggestion's candidatePairs")
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
