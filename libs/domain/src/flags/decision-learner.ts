import type { Severity } from '@vigil/contracts';
import { searchTokens } from '../text/vietnamese-text';

/** What a flag is judged on: its rule, source and severity, and the folded words of its title. */
export interface DecisionSubject {
  ruleId: string;
  sourceId: string;
  severity: Severity;
  title: string;
}

export function decisionFeatures(subject: DecisionSubject): string[] {
  return [`rule:${subject.ruleId}`, `source:${subject.sourceId}`, `severity:${subject.severity}`, ...new Set(searchTokens(subject.title))];
}

export interface Decision {
  features: string[];
  escalated: boolean;
}

/**
 * Learns from officers' decisions which flags get escalated and which dismissed: a multinomial naive Bayes over the
 * flags' features with add-one smoothing. Untrained (or trained on one kind of decision only) it answers 0.5 for
 * every flag, so the queue keeps its priority order. Written here rather than taken from `natural`, whose import
 * loads a `.env` file into the process environment (dotenv) — not something a server may do on its own.
 */
export class DecisionModel {
  private constructor(
    private readonly counts: Record<'escalated' | 'dismissed', Map<string, number>>,
    private readonly totals: Record<'escalated' | 'dismissed', number>,
    private readonly documents: Record<'escalated' | 'dismissed', number>,
    private readonly vocabulary: number,
  ) {}

  static train(decisions: readonly Decision[]): DecisionModel {
    const counts = { escalated: new Map<string, number>(), dismissed: new Map<string, number>() };
    const totals = { escalated: 0, dismissed: 0 };
    const documents = { escalated: 0, dismissed: 0 };
    const vocabulary = new Set<string>();
    for (const { features, escalated } of decisions) {
      const label = escalated ? 'escalated' : 'dismissed';
      documents[label] += 1;
      for (const feature of features) {
        counts[label].set(feature, (counts[label].get(feature) ?? 0) + 1);
        totals[label] += 1;
        vocabulary.add(feature);
      }
    }
    return new DecisionModel(counts, totals, documents, vocabulary.size);
  }

  /** How many decisions it learned from. */
  get trainedOn(): number {
    return this.documents.escalated + this.documents.dismissed;
  }

  /** The likelihood that officers escalate a flag with these features, in (0, 1). */
  escalationProbability(features: readonly string[]): number {
    if (this.documents.escalated === 0 || this.documents.dismissed === 0) return 0.5;
    const logOdds =
      Math.log(this.documents.escalated / this.documents.dismissed) +
      features.reduce((sum, feature) => sum + Math.log(this.likelihood('escalated', feature) / this.likelihood('dismissed', feature)), 0);
    return 1 / (1 + Math.exp(-Math.max(-50, Math.min(50, logOdds))));
  }

  private likelihood(label: 'escalated' | 'dismissed', feature: string): number {
    return ((this.counts[label].get(feature) ?? 0) + 1) / (this.totals[label] + this.vocabulary + 1);
  }
}
