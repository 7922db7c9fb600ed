import { createHash } from 'node:crypto';
import type { CaseLinkKind, CaseTimeline, ImpactWindow, TimelineEvent } from '@vigil/contracts';
import { type ReportLabels, type ReportLanguage, reportLabels } from './report-labels';

export interface CaseReportInput {
  timeline: CaseTimeline;
  claimSummary: string | null;
  links: { kind: CaseLinkKind; title: string }[];
  generatedAt: Date;
  language: ReportLanguage;
}

/** Print-ready: A4 pages, no colours that need ink to read, rows never split across pages, links print their text. */
const STYLE = `
@page { size: A4; margin: 16mm 14mm; }
body { font: 11pt/1.45 "Noto Sans", "Segoe UI", Arial, sans-serif; color: #111; margin: 0 auto; max-width: 190mm; }
h1 { font-size: 18pt; margin: 0 0 2mm; }
h2 { font-size: 13pt; margin: 7mm 0 2mm; border-bottom: 1px solid #999; }
.reference { color: #444; font-size: 10pt; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 1mm 5mm; margin: 3mm 0; }
dt { font-weight: 600; }
dd { margin: 0; }
table { border-collapse: collapse; width: 100%; font-size: 9.5pt; }
th, td { border: 1px solid #bbb; padding: 1mm 2mm; text-align: left; vertical-align: top; }
tr { break-inside: avoid; }
thead { display: table-header-group; }
.breached { font-weight: 700; }
.claim { white-space: pre-wrap; }
@media screen { body { padding: 12mm; } }
`;

/** For the page's Content-Security-Policy: the one style element is allowed by its hash, nothing else may load or run. */
export const REPORT_STYLE_HASH = `'sha256-${createHash('sha256').update(STYLE).digest('base64')}'`;
export const REPORT_CONTENT_SECURITY_POLICY = `default-src 'none'; style-src ${REPORT_STYLE_HASH}; img-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`;

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Every text that reaches the page goes through here: published titles and claims are hostile until proven otherwise. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => ESCAPES[character]!);
}

export function renderCaseReport(input: CaseReportInput): string {
  const labels = reportLabels(input.language);
  const { timeline } = input;
  const kase = timeline.case;
  const when = dateFormatter(labels);
  const text = (value: string | null | undefined) => (value ? escapeHtml(value) : escapeHtml(labels.none));
  return `<!doctype html>
<html lang="${input.language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(`${kase.reference} — ${kase.title}`)}</title>
<style>${STYLE}</style>
</head>
<body>
<header>
<p class="reference">${escapeHtml(labels.title)} · ${escapeHtml(kase.reference)}</p>
<h1>${escapeHtml(kase.title)}</h1>
<dl>
<dt>${escapeHtml(labels.severity)}</dt><dd>${escapeHtml(labels.severities[kase.severity])}</dd>
<dt>${escapeHtml(labels.status)}</dt><dd>${escapeHtml(labels.statuses[kase.status])}</dd>
<dt>${escapeHtml(labels.assignee)}</dt><dd>${text(kase.assignee?.displayName)}</dd>
<dt>${escapeHtml(labels.team)}</dt><dd>${text(kase.team?.name)}</dd>
<dt>${escapeHtml(labels.opened)}</dt><dd>${escapeHtml(when(kase.createdAt))}</dd>
<dt>${escapeHtml(labels.firstSeen)}</dt><dd>${timeline.spread.firstSeenAt ? escapeHtml(when(timeline.spread.firstSeenAt)) : text(null)}</dd>
<dt>${escapeHtml(labels.generated)}</dt><dd>${escapeHtml(when(input.generatedAt.toISOString()))}</dd>
</dl>
</header>
<section><h2>${escapeHtml(labels.claim)}</h2><p class="claim">${text(input.claimSummary)}</p></section>
<section><h2>${escapeHtml(labels.links)}</h2>${input.links.length ? `<ul>${input.links.map((link) => `<li>${escapeHtml(link.kind)}: ${escapeHtml(link.title)}</li>`).join('')}</ul>` : `<p>${text(null)}</p>`}</section>
${metricsSection(timeline, labels, when)}
${impactSection(timeline, labels, when)}
${spreadSection(timeline, labels)}
${eventsSection(timeline, labels, when)}
</body>
</html>
`;
}

type Format = (iso: string) => string;

function dateFormatter(labels: ReportLabels): Format {
  const format = new Intl.DateTimeFormat(labels.locale, { dateStyle: 'short', timeStyle: 'short', timeZone: 'Asia/Ho_Chi_Minh' });
  return (iso) => `${format.format(new Date(iso))} (UTC+7)`;
}

function duration(seconds: number | null, labels: ReportLabels): string {
  if (seconds === null) return labels.notYet;
  const minutes = Math.round(seconds / 60);
  const hours = Math.floor(minutes / 60);
  return hours > 0 ? `${hours} h ${minutes % 60} min` : `${minutes} min`;
}

function metricsSection(timeline: CaseTimeline, labels: ReportLabels, when: Format): string {
  const { metrics } = timeline;
  const rows = metrics.deadlines
    .map(
      (deadline) =>
        `<tr class="${deadline.outcome}"><td>${escapeHtml(labels.stages[deadline.stage])}</td><td>${escapeHtml(when(deadline.dueAt))}</td><td>${escapeHtml(labels.outcomes[deadline.outcome])}${deadline.metAt ? ` · ${escapeHtml(when(deadline.metAt))}` : ''}</td></tr>`,
    )
    .join('');
  return `<section><h2>${escapeHtml(labels.metrics)}</h2>
<dl>
<dt>${escapeHtml(labels.timeToAcknowledge)}</dt><dd>${escapeHtml(duration(metrics.timeToAcknowledgeSec, labels))}</dd>
<dt>${escapeHtml(labels.timeToFirstDraft)}</dt><dd>${escapeHtml(duration(metrics.timeToFirstDraftSec, labels))}</dd>
<dt>${escapeHtml(labels.timeToPublish)}</dt><dd>${escapeHtml(duration(metrics.timeToPublishSec, labels))}</dd>
</dl>
${rows ? `<table><thead><tr><th>${escapeHtml(labels.stage)}</th><th>${escapeHtml(labels.due)}</th><th>${escapeHtml(labels.outcome)}</th></tr></thead><tbody>${rows}</tbody></table>` : ''}
</section>`;
}

function impactSection(timeline: CaseTimeline, labels: ReportLabels, when: Format): string {
  const { impact } = timeline;
  if (!impact) return '';
  const row = (name: string, window: ImpactWindow) =>
    `<tr><td>${escapeHtml(name)}${window.complete ? '' : ` ${escapeHtml(labels.incomplete)}`}</td><td>${window.items}</td><td>${window.sources}</td></tr>`;
  return `<section><h2>${escapeHtml(labels.impact)} · ${escapeHtml(when(impact.publishedAt))}</h2>
<table><thead><tr><th>${escapeHtml(labels.window)}</th><th>${escapeHtml(labels.items)}</th><th>${escapeHtml(labels.sources)}</th></tr></thead>
<tbody>${row(labels.before24h, impact.before24h)}${row(labels.after24h, impact.after24h)}${row(labels.after72h, impact.after72h)}</tbody></table></section>`;
}

function spreadSection(timeline: CaseTimeline, labels: ReportLabels): string {
  const { sources } = timeline.spread;
  if (sources.length === 0) return '';
  return `<section><h2>${escapeHtml(labels.spread)}</h2>
<table><thead><tr><th>${escapeHtml(labels.sources)}</th><th>${escapeHtml(labels.items)}</th></tr></thead>
<tbody>${sources.map((source) => `<tr><td>${escapeHtml(source.name)}</td><td>${source.items}</td></tr>`).join('')}</tbody></table></section>`;
}

function eventsSection(timeline: CaseTimeline, labels: ReportLabels, when: Format): string {
  const rows = timeline.events
    .map((event) => `<tr class="${event.kind === 'deadline' ? event.outcome : ''}"><td>${escapeHtml(when(event.at))}</td><td>${escapeHtml(labels.kinds[event.kind])}</td><td>${escapeHtml(describe(event, labels))}</td></tr>`)
    .join('');
  return `<section><h2>${escapeHtml(labels.events)}</h2>
<table><thead><tr><th>${escapeHtml(labels.when)}</th><th>${escapeHtml(labels.what)}</th><th></th></tr></thead><tbody>${rows}</tbody></table>
${timeline.eventsTruncated ? `<p>${escapeHtml(labels.truncated)}</p>` : ''}</section>`;
}

/** Plain text; the caller escapes it. */
function describe(event: TimelineEvent, labels: ReportLabels): string {
  switch (event.kind) {
    case 'first_seen':
      return `${event.sourceName}: ${event.title}`;
    case 'flag_raised':
      return `${event.ruleName} (${labels.severities[event.severity]})`;
    case 'spike':
      return `${event.subjectName}: ${event.count} (z ${event.zScore.toFixed(1)})`;
    case 'case_opened':
      return [labels.severities[event.severity], event.actor].filter(Boolean).join(' · ');
    case 'status_changed':
      return [`${event.from ? labels.statuses[event.from] : ''} → ${labels.statuses[event.to]}`, event.actor, event.reason].filter(Boolean).join(' · ');
    case 'escalated':
      return [event.stage ? labels.stages[event.stage] : null, event.level].filter(Boolean).join(' · ');
    case 'deadline':
      return `${labels.stages[event.stage]}: ${labels.outcomes[event.outcome]}`;
  }
}
