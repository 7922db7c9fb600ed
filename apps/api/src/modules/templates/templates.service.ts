import { Inject, Injectable } from '@nestjs/common';
import { type DraftTemplateList, type DraftTemplateView, VigilError } from '@vigil/contracts';
import { CLOCK, type Clock, unknownTemplatePlaceholder } from '@vigil/domain';
import { type DraftTemplateRow, DraftTemplatesRepository } from '@vigil/persistence';
import type { CreateTemplateDto, UpdateTemplateDto } from './template.dto';

@Injectable()
export class TemplatesService {
  constructor(
    private readonly templates: DraftTemplatesRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async create(body: CreateTemplateDto): Promise<DraftTemplateView> {
    checkPlaceholders(body.body);
    return toTemplateView(await this.templates.create(body, this.clock.now()));
  }

  async list(): Promise<DraftTemplateList> {
    return { templates: (await this.templates.list()).map(toTemplateView) };
  }

  async get(id: string): Promise<DraftTemplateView> {
    const template = await this.templates.findById(id);
    if (!template) throw notFound(id);
    return toTemplateView(template);
  }

  async update(id: string, body: UpdateTemplateDto): Promise<DraftTemplateView> {
    if (body.body !== undefined) checkPlaceholders(body.body);
    const updated = await this.templates.update(id, body, this.clock.now());
    if (!updated) throw notFound(id);
    return toTemplateView(updated);
  }
}

/** A misspelt placeholder would reach every draft as literal braces: refused where it is written, naming it. */
function checkPlaceholders(body: string): void {
  const unknown = unknownTemplatePlaceholder(body);
  if (unknown !== null) {
    throw new VigilError('template_placeholder_unknown', `Unknown placeholder {{${unknown}}}`, { field: 'body', details: { placeholder: unknown } });
  }
}

function notFound(id: string): VigilError {
  return new VigilError('template_not_found', `No template ${id}`);
}

function toTemplateView(template: DraftTemplateRow): DraftTemplateView {
  return { id: template.id, name: template.name, channel: template.channel, language: template.language, body: template.body, updatedAt: template.updatedAt.toISOString() };
}
