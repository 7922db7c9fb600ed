import { Inject, Injectable } from '@nestjs/common';
import { type RulePreview, type RuleView, VigilError } from '@vigil/contracts';
import { RulesCache } from '@vigil/detection';
import { CLOCK, type Clock, parseRule, RuleMatcher, RuleSyntaxError, type RuleExpression } from '@vigil/domain';
import { MatchingInputsRepository, SourcesRepository, type WatchRuleEntity, WatchRulesRepository } from '@vigil/persistence';
import type { AuthUser } from '../auth/auth-user';
import type { CreateRuleDto, PreviewRuleDto, UpdateRuleDto } from './rule.dto';

/** Items a preview reads at most (newest first); beyond it the preview says it is truncated. */
const PREVIEW_MAX_ITEMS = 20_000;
const PREVIEW_MAX_MATCHES = 50;
const DAY_MS = 86_400_000;
/** Local calendar days, as officers count them. */
const LOCAL_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric', month: '2-digit', day: '2-digit' });

@Injectable()
export class RulesService {
  constructor(
    private readonly rules: WatchRulesRepository,
    private readonly inputs: MatchingInputsRepository,
    private readonly sources: SourcesRepository,
    private readonly cache: RulesCache,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async list(): Promise<RuleView[]> {
    return (await this.rules.list()).map(toRuleView);
  }

  async get(id: string): Promise<RuleView> {
    return toRuleView(await this.found(id));
  }

  async create(body: CreateRuleDto, user: AuthUser): Promise<RuleView> {
    parseQuery(body.query);
    const rule = await this.rules.create(
      { name: body.name, query: body.query, severity: body.severity, ownerTeam: body.ownerTeam ?? null, description: body.description ?? null, enabled: body.enabled ?? true, createdBy: user.id },
      this.clock.now(),
    );
    this.cache.invalidate();
    return toRuleView(rule);
  }

  async update(id: string, body: UpdateRuleDto): Promise<RuleView> {
    if (body.query !== undefined) parseQuery(body.query);
    const updated = await this.rules.update(id, body, this.clock.now());
    if (!updated) throw notFound(id);
    this.cache.invalidate();
    return toRuleView(updated);
  }

  async remove(id: string): Promise<void> {
    if (!(await this.rules.softDelete(id, this.clock.now()))) throw notFound(id);
    this.cache.invalidate();
  }

  /** What the query would have matched over the last days, before it is saved: the same matcher the pipeline runs. */
  async preview(body: PreviewRuleDto): Promise<RulePreview> {
    const matcher = new RuleMatcher([{ id: 'preview', expression: parseQuery(body.query) }]);
    const days = body.days ?? 7;
    const now = this.clock.now();
    const since = new Date(now.getTime() - days * DAY_MS);
    const items = await this.inputs.recentItems(since, PREVIEW_MAX_ITEMS + 1);
    const examined = items.slice(0, PREVIEW_MAX_ITEMS);
    const tags = await this.sources.tagsByIds(examined.map((item) => item.sourceId));
    const perDay = new Map<string, number>();
    for (let at = since.getTime(); at <= now.getTime(); at += DAY_MS) perDay.set(LOCAL_DAY.format(at), 0);
    perDay.set(LOCAL_DAY.format(now), perDay.get(LOCAL_DAY.format(now)) ?? 0);
    const matches: RulePreview['matches'] = [];
    let total = 0;
    for (const item of examined) {
      const [match] = matcher.match({ title: item.title, text: item.text, language: item.language, sourceId: item.sourceId, sourceTags: tags.get(item.sourceId) ?? [] });
      if (!match) continue;
      total += 1;
      const day = LOCAL_DAY.format(item.seenAt);
      perDay.set(day, (perDay.get(day) ?? 0) + 1);
      if (matches.length < PREVIEW_MAX_MATCHES) {
        matches.push({ itemId: item.id, title: item.title, url: item.url, sourceId: item.sourceId, publishedAt: item.publishedAt?.toISOString() ?? null, highlights: match.highlights });
      }
    }
    return {
      matches,
      perDay: [...perDay].sort(([a], [b]) => a.localeCompare(b)).map(([day, count]) => ({ day, count })),
      total,
      examined: examined.length,
      truncated: items.length > PREVIEW_MAX_ITEMS,
    };
  }

  private async found(id: string): Promise<WatchRuleEntity> {
    const rule = await this.rules.findById(id);
    if (!rule) throw notFound(id);
    return rule;
  }
}

/** A query that does not parse is refused where it is written, with the position of the problem. */
function parseQuery(query: string): RuleExpression {
  try {
    return parseRule(query);
  } catch (error) {
    if (!(error instanceof RuleSyntaxError)) throw error;
    throw new VigilError('rule_syntax_invalid', error.message, { field: 'query', details: { position: error.position, reason: error.reason } });
  }
}

function notFound(id: string): VigilError {
  return new VigilError('rule_not_found', `No watch rule ${id}`);
}

export function toRuleView(rule: WatchRuleEntity): RuleView {
  return {
    id: rule.id,
    name: rule.name,
    query: rule.query,
    severity: rule.severity,
    ownerTeam: rule.ownerTeam,
    description: rule.description,
    enabled: rule.enabled,
    createdAt: rule.createdAt.toISOString(),
    updatedAt: rule.updatedAt.toISOString(),
  };
}
