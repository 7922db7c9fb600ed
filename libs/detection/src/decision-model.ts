import type { Severity } from '@vigil/contracts';
import { searchTokens } from '@vigil/domain';
// natural's package index loads every module it has (and dotenv, which reads a .env file on import): the one file needed.
import BayesClassifier from 'natural/lib/natural/classifiers/bayes_classifier.js';

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
 * Learns from officers' decisions which flags get escalated and which dismissed: natural's naive Bayes classifier
 * over the flags' features. Untrained (or trained on one kind of decision only) it answers 0.5 for every flag, so the
 * queue keeps its priority order.
 */
export class DecisionModel {
  private constructor(
    private readonly classifier: BayesClassifier | null,
    readonly trainedOn: number,
  ) {}

  static train(decisions: readonly Decision[]): DecisionModel {
    const bothKinds = decisions.some((decision) => decision.escalated) && decisions.some((decision) => !decision.escalated);
    if (!bothKinds) return new DecisionModel(null, decisions.length);
    const classifier = new BayesClassifier();
    for (const { features, escalated } of decisions) classifier.addDocument([...features], escalated ? ESCALATED : DISMISSED);
    classifier.train();
    return new DecisionModel(classifier, decisions.length);
  }

  /** The likelihood that officers escalate a flag with these features, in [0, 1]. */
  escalationProbability(features: readonly string[]): number {
    if (!this.classifier) return 0.5;
    const scores = this.classifier.getClassifications([...features]);
    const escalated = scores.find((score) => score.label === ESCALATED)?.value ?? 0;
    const dismissed = scores.find((score) => score.label === DISMISSED)?.value ?? 0;
    return escalated + dismissed > 0 ? escalated / (escalated + dismissed) : 0.5;
  }
}

const ESCALATED = 'escalated';
const DISMISSED = 'dismissed';
