import { Body, Controller, Get, Param, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { DraftTemplateList, DraftTemplateView } from '@vigil/contracts';
import { Answers } from '../../common/api-answers';
import { Refuses } from '../../common/api-refusals';
import { UuidParamPipe } from '../../common/uuid-param.pipe';
import { AnyRole, Roles } from '../auth/access.decorators';
import { CreateTemplateDto, UpdateTemplateDto } from './template.dto';
import { TemplatesService } from './templates.service';

/** Drafting templates, one or more per channel and language: admins keep them; every role may read them. */
@ApiTags('templates')
@Controller('api/templates')
export class TemplatesController {
  constructor(private readonly templates: TemplatesService) {}

  @Roles('admin')
  @Post()
  @Refuses('template_placeholder_unknown')
  @Answers('DraftTemplateView')
  create(@Body() body: CreateTemplateDto): Promise<DraftTemplateView> {
    return this.templates.create(body);
  }

  @AnyRole()
  @Get()
  @Answers('DraftTemplateList')
  list(): Promise<DraftTemplateList> {
    return this.templates.list();
  }

  @AnyRole()
  @Get(':id')
  @Refuses('template_not_found')
  @Answers('DraftTemplateView')
  get(@Param('id', UuidParamPipe) id: string): Promise<DraftTemplateView> {
    return this.templates.get(id);
  }

  @Roles('admin')
  @Patch(':id')
  @Refuses('template_not_found', 'template_placeholder_unknown')
  @Answers('DraftTemplateView')
  update(@Param('id', UuidParamPipe) id: string, @Body() body: UpdateTemplateDto): Promise<DraftTemplateView> {
    return this.templates.update(id, body);
  }
}
