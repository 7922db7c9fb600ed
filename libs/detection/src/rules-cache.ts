import { Injectable, Logger } from '@nestjs/common';
import { parseRule, RuleMatcher } from '@vigil/domain';
import { type WatchRuleEntity, WatchRulesRepository } from '@vigil/persistence';

/** The enabled rules compiled into one matcher, and the rules by id. */
export interface CompiledRules {
  matcher: RuleMatcher;
  rules: Map<string, WatchRuleEntity>;
}

/** How stale a process's compiled rules may be after a rule is saved in another process. */
const RECHECK_MS = 1_000;

/**
 * Every process (the API's worker, each ingestor) keeps the enabled rules compiled. It asks the database for the rules'
 * version at most once a second and compiles again only when a rule was created, edited or deleted; the API process
 * that saved a rule drops its copy at once (invalidate), so its next item is matched against the new rule.
 */
@Injectable()
export class RulesCache {
  private readonly logger = new Logger(RulesCache.name);
  private compiled: (CompiledRules & { version: string }) | null = null;
  private checkedAt = Number.NEGATIVE_INFINITY;

  constructor(private readonly rules: WatchRulesRepository) {}

  async current(): Promise<CompiledRules> {
    if (this.compiled && performance.now() - this.checkedAt < RECHECK_MS) return this.compiled;
    const { count, lastChangeAt } = await this.rules.version();
    this.checkedAt = performance.now();
    const version = `${count}/${lastChangeAt}`;
    if (this.compiled?.version === version) return this.compiled;
    const enabled = await this.rules.listEnabled();
    const inputs = enabled.flatMap((rule) => {
      try {
        return [{ id: rule.id, expression: parseRule(rule.query) }];
      } catch (error) {
        // Saved rules were parsed when saved; one that no longer parses (the language changed) must not stop the rest.
        this.logger.error(`Watch rule ${rule.id} (${JSON.stringify(rule.name)}) does not parse and is skipped: ${(error as Error).message}`);
        return [];
      }
    });
    this.compiled = { version, matcher: new RuleMatcher(inputs), rules: new Map(enabled.map((rule) => [rule.id, rule])) };
    return this.compiled;
  }

  invalidate(): void {
    this.compiled = null;
  }
}
