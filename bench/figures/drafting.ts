import { type SummaryItem, summarizeClaim } from '@vigil/domain';
import type { BenchContext } from '../lib/context';
import { Random } from '../lib/random';
import { figure, type Figure } from '../lib/report';
import { median, now } from '../lib/stats';
import { NewsWriter } from '../lib/synth';

const ITEMS = 50;

/** A case's linked coverage: 50 Vietnamese articles of the synthetic news, each with a lead, a quoted official and background. */
function linkedItems(seed: number): { claim: string; items: SummaryItem[] } {
  const random = new Random(seed);
  const writer = new NewsWriter(random);
  const items = Array.from({ length: ITEMS }, (_, index): SummaryItem => {
    const lead = writer.paragraph('vi', 2);
    const quote = `Ông ${writer.author('vi')} nói: “${writer.sentence('vi')}”`;
    const background = Array.from({ length: 6 }, () => writer.paragraph('vi')).join('\n\n');
    return { id: `item-${index}`, title: writer.title('vi'), summary: lead, text: `${lead} ${quote}\n\n${background}`, language: 'vi', sourceName: `Báo ${index % 7}` };
  });
  return { claim: writer.title('vi'), items };
}

/** The draft starter's summariser on a 50-item case (LexRank over the case's sentences, MMR, quotes): a click on "New draft". */
export async function draftingFigures(context: BenchContext): Promise<Figure[]> {
  const { claim, items } = linkedItems(11);
  const runs = context.quick ? 5 : 30;
  summarizeClaim(claim, items);
  const samples: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const started = now();
    summarizeClaim(claim, items);
    samples.push(now() - started);
  }
  return [figure({ name: 'draft starter summary, 50-item case (median)', value: median(samples), unit: 'ms', target: { on: 'value', op: '<', limit: 100 } })];
}
