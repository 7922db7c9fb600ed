import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FactPage, FactView, Role } from '@vigil/contracts';
import { Answers } from '../../common/api-answers';
import { Refuses } from '../../common/api-refusals';
import { UuidParamPipe } from '../../common/uuid-param.pipe';
import { AnyRole, Roles } from '../auth/access.decorators';
import { CurrentUser, type AuthUser } from '../auth/auth-user';
import { CreateFactDto, FactListQueryDto, UpdateFactDto } from './fact.dto';
import { FactsService } from './facts.service';

/** Who keeps the library: the people who write and approve responses. */
const FACT_KEEPERS: Role[] = ['writer', 'reviewer', 'leader', 'admin'];

/** The fact library: verified facts and official statements every role may read and cite. */
@ApiTags('facts')
@Controller('api/facts')
export class FactsController {
  constructor(private readonly facts: FactsService) {}

  @Roles(...FACT_KEEPERS)
  @Post()
  @Refuses('fact_dates_invalid')
  @Answers('FactView')
  create(@Body() body: CreateFactDto, @CurrentUser() user: AuthUser): Promise<FactView> {
    return this.facts.create(body, user);
  }

  /** Best matches first for words (with or without diacritics), otherwise the latest stated first. */
  @AnyRole()
  @Get()
  @Answers('FactPage')
  list(@Query() query: FactListQueryDto): Promise<FactPage> {
    return this.facts.list(query);
  }

  @AnyRole()
  @Get(':id')
  @Refuses('fact_not_found')
  @Answers('FactView')
  get(@Param('id', UuidParamPipe) id: string): Promise<FactView> {
    return this.facts.get(id);
  }

  @Roles(...FACT_KEEPERS)
  @Patch(':id')
  @Refuses('fact_not_found', 'fact_dates_invalid')
  @Answers('FactView')
  update(@Param('id', UuidParamPipe) id: string, @Body() body: UpdateFactDto): Promise<FactView> {
    return this.facts.update(id, body);
  }
}
