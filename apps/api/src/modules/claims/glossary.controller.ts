import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { GlossaryTermView } from '@vigil/contracts';
import { Answers } from '../../common/api-answers';
import { Refuses } from '../../common/api-refusals';
import { UuidParamPipe } from '../../common/uuid-param.pipe';
import { AnyRole, Roles } from '../auth/access.decorators';
import { CurrentUser, type AuthUser } from '../auth/auth-user';
import { GlossaryPairDto } from './claims.dto';
import { GlossaryService } from './glossary.service';

/** The English ↔ Vietnamese glossary: everyone reads it, admins maintain it. */
@ApiTags('claims')
@Controller('api/glossary')
export class GlossaryController {
  constructor(private readonly glossary: GlossaryService) {}

  @AnyRole()
  @Get()
  @Answers('GlossaryTermView[]')
  list(): Promise<GlossaryTermView[]> {
    return this.glossary.list();
  }

  @Roles('admin')
  @Post()
  @Answers('GlossaryTermView')
  @Refuses('glossary_term_exists')
  create(@Body() body: GlossaryPairDto, @CurrentUser() user: AuthUser): Promise<GlossaryTermView> {
    return this.glossary.create(body, user.id);
  }

  @Roles('admin')
  @Delete(':id')
  @HttpCode(204)
  @Refuses('glossary_term_not_found')
  remove(@Param('id', UuidParamPipe) id: string): Promise<void> {
    return this.glossary.remove(id);
  }
}
