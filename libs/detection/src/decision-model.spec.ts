import type { Severity } from '@vigil/contracts';
import { type Decision, decisionFeatures, DecisionModel, type DecisionSubject } from './decision-model';

/** A deterministic pseudo-random sequence, so the generated office is the same on every run. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

const RULES = ['rule-nuoc', 'rule-dien', 'rule-y-te', 'rule-giao-thong'];
const SOURCES = Array.from({ length: 12 }, (_, n) => `source-${n}`);
const SEVERITIES: Severity[] = ['critical', 'high', 'medium', 'low'];
// What this office escalates: false claims about water and hospitals from a few widely read sources; rumours of
// price rises and traffic notices it dismisses.
const ALARMING = ['tin đồn cắt nước', 'bệnh viện từ chối bệnh nhân', 'nước nhiễm độc', 'sai sự thật về vắc xin'];
const ROUTINE = ['giá rau tăng nhẹ', 'phân luồng giao thông cuối tuần', 'lịch cắt điện định kỳ', 'hội chợ nông sản khai mạc'];
const FILLER = ['tại hà nội', 'ở đà nẵng', 'trên mạng xã hội', 'sáng nay', 'theo người dân', 'tỉnh hòa sơn'];

interface Case {
  subject: DecisionSubject;
  escalated: boolean;
  /** The priority the queue would show without learning (severity-led, blind to what the office escalates). */
  priority: number;
}

function generate(count: number, next: () => number): Case[] {
  const pick = <T>(values: readonly T[]) => values[Math.floor(next() * values.length)]!;
  return Array.from({ length: count }, () => {
    const alarming = next() < 0.3;
    const wide = SOURCES.indexOf(pick(SOURCES)) < 4;
    const sourceId = alarming && wide ? pick(SOURCES.slice(0, 4)) : pick(SOURCES);
    const severity = pick(SEVERITIES);
    const title = `${pick(alarming ? ALARMING : ROUTINE)} ${pick(FILLER)}`;
    // Officers are people: one decision in ten goes the other way.
    const escalated = (alarming && SOURCES.indexOf(sourceId) < 4) !== next() < 0.1;
    const priority = { critical: 0.9, high: 0.7, medium: 0.5, low: 0.3 }[severity] + next() * 0.2;
    return { subject: { ruleId: pick(RULES), sourceId, severity, title }, escalated, priority };
  });
}

function precisionAt10(ranked: Case[]): number {
  return ranked.slice(0, 10).filter((entry) => entry.escalated).length / 10;
}

describe('DecisionModel', () => {
  it('re-ranks held-out flags so more of the top ten are ones officers escalate than by priority alone', () => {
    const next = random(20261201);
    const all = generate(600, next);
    const training = all.slice(0, 450);
    const heldOut = all.slice(450);
    const model = DecisionModel.train(training.map(({ subject, escalated }): Decision => ({ features: decisionFeatures(subject), escalated })));
    expect(model.trainedOn).toBe(450);

    const byPriority = [...heldOut].sort((a, b) => b.priority - a.priority);
    const learned = [...heldOut].sort(
      (a, b) => b.priority * 0.6 + model.escalationProbability(decisionFeatures(b.subject)) * 0.4 - (a.priority * 0.6 + model.escalationProbability(decisionFeatures(a.subject)) * 0.4),
    );
    const untrainedPrecision = precisionAt10(byPriority);
    const learnedPrecision = precisionAt10(learned);
    console.log(`precision@10 on ${heldOut.length} held-out decisions: untrained (priority) ${untrainedPrecision}, learned ${learnedPrecision}`);
    expect(learnedPrecision).toBeGreaterThan(untrainedPrecision);
  });

  it('answers an even chance until it has seen both kinds of decision', () => {
    const features = decisionFeatures({ ruleId: 'r', sourceId: 's', severity: 'high', title: 'Tin đồn cắt nước' });
    expect(DecisionModel.train([]).escalationProbability(features)).toBe(0.5);
    expect(DecisionModel.train([{ features, escalated: true }]).escalationProbability(features)).toBe(0.5);
  });

  it('reads titles folded, so a title typed without diacritics counts as the same words', () => {
    const marked = decisionFeatures({ ruleId: 'r', sourceId: 's', severity: 'high', title: 'Tin đồn cắt nước' });
    const unmarked = decisionFeatures({ ruleId: 'r', sourceId: 's', severity: 'high', title: 'tin don cat nuoc' });
    expect(unmarked).toEqual(marked);
  });
});
