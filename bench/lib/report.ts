import { cpus, totalmem } from 'node:os';

export type Comparison = '>=' | '<=' | '<';

export interface Figure {
  name: string;
  value: number | null;
  unit: string;
  /** The side-by-side reference measured in the same run, in the same unit (null for absolute targets). */
  baseline: number | null;
  /** value / baseline (null without a baseline). */
  ratio: number | null;
  /** What must hold, e.g. "ratio >= 0.8" or "value < 20 ms"; null for figures reported for information. */
  target: string | null;
  met: boolean | null;
  note?: string;
}

/** A figure with its target checked on the ratio (when `on` is ratio) or the value. */
export function figure(options: {
  name: string;
  value: number | null;
  unit: string;
  baseline?: number | null;
  target?: { on: 'ratio' | 'value'; op: Comparison; limit: number } | null;
  note?: string;
}): Figure {
  const baseline = options.baseline ?? null;
  const ratio = baseline && options.value !== null && Number.isFinite(options.value) ? options.value / baseline : null;
  const target = options.target ?? null;
  let met: boolean | null = null;
  if (target) {
    const subject = target.on === 'ratio' ? ratio : options.value;
    met = subject === null || !Number.isFinite(subject) ? false : compare(subject, target.op, target.limit);
  }
  return {
    name: options.name,
    value: round(options.value),
    unit: options.unit,
    baseline: round(baseline),
    ratio: ratio === null ? null : Math.round(ratio * 1000) / 1000,
    target: target ? `${target.on} ${target.op} ${target.limit}${target.on === 'value' ? ` ${options.unit}` : ''}` : null,
    met,
    ...(options.note ? { note: options.note } : {}),
  };
}

function compare(subject: number, op: Comparison, limit: number): boolean {
  return op === '>=' ? subject >= limit : op === '<=' ? subject <= limit : subject < limit;
}

function round(value: number | null): number | null {
  if (value === null || !Number.isFinite(value)) return value === null ? null : value;
  const digits = Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 ? 1 : 2;
  return Number(value.toFixed(digits));
}

export function machine(): { cpu: string; cores: number; memoryMiB: number; node: string; platform: string } {
  const list = cpus();
  return { cpu: list[0]?.model.trim() ?? 'unknown', cores: list.length, memoryMiB: Math.round(totalmem() / 2 ** 20), node: process.version, platform: `${process.platform}-${process.arch}` };
}

export function table(figures: Figure[]): string {
  const rows = figures.map((f) => [
    f.name,
    f.value === null ? '—' : `${f.value} ${f.unit}`,
    f.baseline === null ? '—' : `${f.baseline} ${f.unit}`,
    f.ratio === null ? '—' : `${f.ratio}×`,
    f.target ?? '(info)',
    f.met === null ? '' : f.met ? 'met' : 'MISSED',
  ]);
  const header = ['figure', 'value', 'baseline', 'ratio', 'target', 'result'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const line = (cells: string[]) => cells.map((cell, i) => cell.padEnd(widths[i])).join(' | ');
  const notes = figures.filter((f) => f.note).map((f) => `  ${f.name}: ${f.note}`);
  return [line(header), widths.map((w) => '-'.repeat(w)).join('-|-'), ...rows.map(line), ...(notes.length ? ['', 'notes:', ...notes] : [])].join('\n');
}
