import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ROLES, type Role } from '@vigil/contracts';
import { ArrayMinSize, ArrayUnique, IsArray, IsBoolean, IsIn, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { HasNoNul, IsOptionalButNotNull, Trimmed } from '../../common/field-rules';

export class CreateUserDto {
  @ApiProperty({ example: 'truc.ban' })
  @IsString()
  @Matches(/^[a-zA-Z0-9._-]{3,64}$/, { message: 'username must be 3–64 letters, digits, dots, dashes or underscores' })
  username!: string;

  @ApiProperty({ minLength: 8, description: 'At least 8 characters; long passphrases are welcome.' })
  @IsString()
  @MinLength(8, { message: 'password must be at least 8 characters' })
  @MaxLength(256)
  password!: string;

  @ApiProperty({ example: 'Nguyễn Văn An' })
  @Trimmed()
  @IsString()
  @MinLength(1, { message: 'displayName must not be empty' })
  @MaxLength(200)
  @HasNoNul()
  displayName!: string;

  @ApiProperty({ enum: ROLES, isArray: true })
  @IsArray()
  @ArrayMinSize(1, { message: 'roles must name at least one role' })
  @ArrayUnique()
  @IsIn(ROLES, { each: true, message: `each value in roles must be one of: ${ROLES.join(', ')}` })
  roles!: Role[];

  @ApiPropertyOptional({
    default: false,
    description: 'The user must replace this password at first sign-in (the console asks for it by default); until then only me, logout and password change answer.',
  })
  @IsOptionalButNotNull()
  @IsBoolean()
  mustChangePassword?: boolean;
}

export class ResetPasswordDto {
  @ApiPropertyOptional({ minLength: 8, description: 'The temporary password; without it the API generates one and answers it once.' })
  @IsOptionalButNotNull()
  @IsString()
  @MinLength(8, { message: 'password must be at least 8 characters' })
  @MaxLength(256)
  password?: string;
}

export class UpdateUserDto {
  @ApiPropertyOptional({ enum: ROLES, isArray: true })
  @IsOptionalButNotNull()
  @IsArray()
  @ArrayMinSize(1, { message: 'roles must name at least one role' })
  @ArrayUnique()
  @IsIn(ROLES, { each: true, message: `each value in roles must be one of: ${ROLES.join(', ')}` })
  roles?: Role[];

  @ApiPropertyOptional()
  @IsOptionalButNotNull()
  @IsBoolean()
  disabled?: boolean;

  @ApiPropertyOptional()
  @IsOptionalButNotNull()
  @Trimmed()
  @IsString()
  @MinLength(1, { message: 'displayName must not be empty' })
  @MaxLength(200)
  @HasNoNul()
  displayName?: string;
}
