// /api/docs documents every success body (issue 8): each route's 2xx answer has a schema generated from its
// contracts type and an example that matches it, and the answers the running app really sends match them too.
import type { FlagPage, ItemDetail, ItemPage, RuleView, SourceView, UserView } from '@vigil/contracts';
import { FixtureServer, waitFor } from '@vigil/testing';
import { BURST_DIKE, ENGLISH_CLAIM, triageFeed } from '../fixtures/triage/triage-feeds';
import { startVigil, type VigilTestApp } from '../support/vigil-test-app';
import { DocumentedAnswers, type OpenApiDocument } from './support/openapi-answers';

const HOW_TO_DOCUMENT =
  "add @Answers('<contracts type>') to the route (apps/api/src/common/api-answers.ts; a list: '<type>[]'), an example to ANSWER_EXAMPLES (answer-examples.ts) and, for a new type, run npm run contracts:schemas";

describe('OpenAPI success answers', () => {
  let vigil: VigilTestApp;
  let feeds: FixtureServer;
  let answers: DocumentedAnswers;
  let token: string;
  const problems: string[] = [];

  /** Calls the API and checks the answer against the document; returns it for the next step. */
  async function call<T>(method: string, path: string, options: { body?: string | object; contentType?: string; signedOut?: boolean } = {}): Promise<T> {
    const headers: Record<string, string> = options.signedOut ? {} : { authorization: `Bearer ${token}` };
    if (options.body !== undefined) headers['content-type'] = options.contentType ?? 'application/json';
    const body = typeof options.body === 'object' ? JSON.stringify(options.body) : options.body;
    const response = await fetch(`${vigil.baseUrl}${path}`, { method, headers, body });
    const mediaType = (response.headers.get('content-type') ?? '').split(';')[0]!.trim();
    const text = await response.text();
    if (response.status >= 300) throw new Error(`${method} ${path} answered ${response.status}: ${text.slice(0, 300)}`);
    const answer = (mediaType === 'application/json' ? JSON.parse(text) : text) as T;
    problems.push(...answers.problems(method, path, response.status, response.status === 204 ? '' : mediaType, answer));
    return answer;
  }

  beforeAll(async () => {
    feeds = new FixtureServer();
    await feeds.start();
    vigil = await startVigil();
    answers = new DocumentedAnswers((await vigil.request<OpenApiDocument>('GET', '/api/docs-json')).body);
    token = await vigil.adminToken();
  }, 60_000);

  afterAll(async () => {
    await vigil?.close();
    await feeds?.stop();
  });

  it('documents a success body with a schema and an example on every route (204s have none)', () => {
    const undocumented: string[] = [];
    for (const { method, path, operation } of answers.routes) {
      const success = Object.entries(operation.responses).filter(([status]) => status.startsWith('2'));
      const described = success.some(([status, response]) =>
        status === '204' ? !response.content : Object.values(response.content ?? {}).some((media) => media.schema !== undefined && media.example !== undefined),
      );
      if (!described) undocumented.push(`${method} ${path}`);
      for (const [, response] of success) {
        for (const media of Object.values(response.content ?? {})) {
          for (const name of answers.missingSchemas(media.schema)) undocumented.push(`${method} ${path}: no schema ${name} (run npm run contracts:schemas)`);
        }
      }
    }
    expect({ undocumented, fix: HOW_TO_DOCUMENT }).toEqual({ undocumented: [], fix: HOW_TO_DOCUMENT });
  });

  it('gives examples that match their own schemas', () => {
    const wrong: string[] = [];
    for (const { method, path, operation } of answers.routes) {
      for (const [status, response] of Object.entries(operation.responses)) {
        for (const [mediaType, media] of Object.entries(response.content ?? {})) {
          if (media.example === undefined) continue;
          wrong.push(...answers.exampleProblems(media.schema, media.example).map((problem) => `${method} ${path} ${status} ${mediaType}: ${problem}`));
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it('sends answers that match the documented schemas, route by route', async () => {
    await call('GET', '/health', { signedOut: true });
    await call('GET', '/health/live', { signedOut: true });
    await call('GET', '/api/auth/session', { signedOut: true });
    await call('GET', '/api/auth/session');
    await call('GET', '/api/auth/me');
    await call('GET', '/api/auth/two-factor');
    await call('POST', '/api/auth/two-factor/enrol');

    const officer = await call<UserView>('POST', '/api/users', { body: { username: 'openapi.officer', displayName: 'Trực ban OpenAPI', password: 'song-hong-mua-lu-2026', roles: ['duty_officer'] } });
    await call('GET', '/api/users');
    await call('PATCH', `/api/users/${officer.id}`, { body: { displayName: 'Trực ban ca đêm' } });
    const reset = await call<{ generatedPassword: string }>('POST', `/api/users/${officer.id}/password`, { body: {} });
    await call('POST', '/api/auth/login', { signedOut: true, body: { username: 'openapi.officer', password: reset.generatedPassword } });

    const rule = await call<RuleView>('POST', '/api/rules', { body: { name: 'Vỡ đê', query: '"vỡ"', severity: 'high' } });
    await call('GET', '/api/rules');
    await call('GET', `/api/rules/${rule.id}`);
    await call('PATCH', `/api/rules/${rule.id}`, { body: { description: 'Tin về đê điều' } });
    await call('POST', '/api/rules/preview', { body: { query: 'đê' } });

    const entries = [
      { title: BURST_DIKE, slug: 'de-bao-bi-vo', published: '-2h', description: 'Nước tràn qua đoạn đê bị vỡ, chính quyền xã đã huy động lực lượng gia cố.' },
      { title: ENGLISH_CLAIM, slug: 'tap-water', published: '-3h', description: 'Officials said tests showed the water is safe to drink.' },
    ];
    for (const entry of entries) {
      feeds.serve(`/${entry.slug}.html`, {
        contentType: 'text/html; charset=utf-8',
        body: `<html><head><title>${entry.title}</title></head><body><article><h1>${entry.title}</h1><p>${entry.description}</p></article></body></html>`,
      });
    }
    const feedUrl = feeds.serve('/openapi.rss', { body: triageFeed(vigil.clock, { title: 'Tin OpenAPI', site: feeds.baseUrl, language: 'vi', entries }) });
    const source = await call<SourceView>('POST', '/api/sources', { body: { name: 'Tin OpenAPI', url: feedUrl, kind: 'rss', pollIntervalSec: 600 } });
    await call('GET', '/api/sources');
    await call('GET', `/api/sources/${source.id}`);
    await call('PATCH', `/api/sources/${source.id}`, { body: { weight: 70 } });
    await call('GET', '/api/sources/export');
    const opml = `<?xml version="1.0"?><opml version="2.0"><body><outline text="Tin OpenAPI" xmlUrl="${feedUrl}"/></body></opml>`;
    await call('POST', '/api/sources/import', { contentType: 'text/x-opml', body: opml });

    const flag = await waitFor(
      'the dike item to be flagged',
      async () => (await vigil.request<FlagPage>('GET', '/api/flags', { token })).body.flags[0],
      30_000,
    );
    await call('GET', '/api/flags');
    await call('GET', `/api/flags/${flag.id}`);
    await call('POST', `/api/flags/${flag.id}/claim`);
    await call('POST', `/api/flags/${flag.id}/release`);
    await call('GET', '/api/spikes');
    await call('GET', '/api/events');

    const item = await waitFor(
      'the dike item to be archived',
      async () => {
        const detail = (await vigil.request<ItemDetail>('GET', `/api/items/${flag.item.id}`, { token })).body;
        return detail.snapshots.length > 0 ? detail : undefined;
      },
      30_000,
    );
    await vigil.searchable();
    expect((await call<ItemPage>('GET', `/api/items?q=${encodeURIComponent('đê')}`)).items.length).toBeGreaterThan(0);
    await call('GET', `/api/items/${item.id}`);
    await call('GET', `/api/items/${item.id}/snapshot`);
    await call('POST', `/api/items/${item.id}/watch`);
    await call('DELETE', `/api/items/${item.id}/watch`);
    if (item.storyId) await call('GET', `/api/stories/${item.storyId}`);
    const escalated = await call<{ case: { id: string } }>('POST', `/api/flags/${flag.id}/escalate`, { body: { reason: 'Cần phản hồi chính thức' } });
    const caseId = escalated.case.id;
    await call('GET', '/api/cases?status=new,acknowledged');
    await call('GET', `/api/cases/${caseId}`);
    const team = await call<{ id: string }>('POST', '/api/teams', { body: { name: 'Ban Tuyên truyền', memberIds: [officer.id] } });
    await call('GET', '/api/teams');
    await call('PUT', `/api/teams/${team.id}/members`, { body: { userIds: [] } });
    await call('PATCH', `/api/cases/${caseId}`, { body: { teamId: team.id, tags: ['đê điều'] } });
    await call('POST', `/api/cases/${caseId}/transition`, { body: { to: 'acknowledged', reason: 'Đã nhận' } });
    await call('POST', `/api/cases/${caseId}/comments`, { body: { body: '@openapi.officer nhờ soạn trả lời' } });
    await call('POST', `/api/cases/${caseId}/links`, { body: { kind: 'item', id: item.id } });
    await call('DELETE', `/api/cases/${caseId}/links/item/${item.id}`);
    await call('GET', `/api/cases/${caseId}/audit`);
    await call('GET', `/api/cases/${caseId}/audit/verify`);
    await call('POST', '/api/cases', { body: { title: 'Tin đồn cắt nước Hà Đông', severity: 'low' } });

    const webhook = await call<{ id: string }>('POST', '/api/webhooks', { body: { name: 'Phòng chỉ huy', url: `${feeds.baseUrl}/hook` } });
    await call('GET', '/api/webhooks');
    await call('GET', `/api/webhooks/${webhook.id}/deliveries`);
    await call('DELETE', `/api/webhooks/${webhook.id}`);
    await call('DELETE', `/api/rules/${rule.id}`);
    await call('POST', `/api/sources/${source.id}/fetch`);
    await call('DELETE', `/api/sources/${source.id}`);

    expect(problems).toEqual([]);
    expect(answers.checked.size).toBeGreaterThanOrEqual(40);
  }, 120_000);
});
