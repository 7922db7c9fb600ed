import { ROLES, type Role } from '@vigil/contracts';
import { startVigil, type VigilTestApp } from '../support/vigil-test-app';

type Access = 'public' | readonly Role[];
const EVERY_ROLE = ROLES;
const SOURCE_MANAGERS: readonly Role[] = ['admin', 'duty_officer'];
const TRIAGE: readonly Role[] = ['admin', 'duty_officer'];
const DRAFT_EDITORS: readonly Role[] = ['admin', 'writer', 'reviewer', 'leader'];

/**
 * Who may call each route. The table must list exactly the routes the server has,
 * so a new route fails this suite until somebody decides who may call it.
 */
const ACCESS_MATRIX: Record<string, Access> = {
  'GET /api/docs': 'public',
  'GET /api/docs/': 'public',
  'GET /api/docs/index.html': 'public',
  'GET /api/docs/LICENSE': 'public',
  'GET /api/docs/swagger-ui-init.js': 'public',
  'GET /api/docs/docs/swagger-ui-init.js': 'public',
  'GET /api/docs-json': 'public',
  'GET /api/docs-yaml': 'public',
  'GET {*any}': 'public', // the console's single-page fallback
  'GET /health': 'public',
  'GET /health/live': 'public',
  // Prometheus' scrape target: no session (VIGIL_METRICS_TOKEN, when set, asks for a bearer token instead).
  'GET /metrics': 'public',
  'POST /api/auth/login': 'public',
  'GET /api/auth/me': EVERY_ROLE,
  // The console's probe: answers whether the caller is signed in (200 either way), so it needs no role.
  'GET /api/auth/session': 'public',
  'POST /api/auth/logout': EVERY_ROLE,
  'POST /api/auth/password': EVERY_ROLE,
  // The code step of a sign-in: whoever passed the password step holds a challenge, not yet a session.
  'POST /api/auth/login/second-factor': 'public',
  // Anyone may see and turn off their own second factor; only the roles that can do the most harm enrol.
  'GET /api/auth/two-factor': EVERY_ROLE,
  'POST /api/auth/two-factor/enrol': ['admin', 'leader'],
  'POST /api/auth/two-factor/confirm': ['admin', 'leader'],
  'POST /api/auth/two-factor/disable': EVERY_ROLE,
  // Watch rules: officers write them; every role reads why an item was flagged.
  'GET /api/rules': EVERY_ROLE,
  'POST /api/rules': TRIAGE,
  'POST /api/rules/preview': TRIAGE,
  'GET /api/rules/:id': EVERY_ROLE,
  'PATCH /api/rules/:id': TRIAGE,
  'DELETE /api/rules/:id': TRIAGE,
  // The triage queue: everyone sees it; duty officers (and admins) claim and decide.
  'GET /api/flags': EVERY_ROLE,
  'GET /api/flags/:id': EVERY_ROLE,
  'POST /api/flags/:id/claim': TRIAGE,
  'POST /api/flags/:id/release': TRIAGE,
  'POST /api/flags/:id/dismiss': TRIAGE,
  'POST /api/flags/:id/escalate': TRIAGE,
  'POST /api/flags/:id/attach': TRIAGE,
  'GET /api/spikes': EVERY_ROLE,
  // Webhooks send flagged content out of Vigil and hold signing secrets: admins only.
  'POST /api/webhooks': ['admin'],
  'GET /api/webhooks': ['admin'],
  'DELETE /api/webhooks/:id': ['admin'],
  'GET /api/webhooks/:id/deliveries': ['admin'],
  'PATCH /api/webhooks/:id': ['admin'],
  'POST /api/webhooks/:id/rotate-secret': ['admin'],
  'POST /api/webhooks/:id/test': ['admin'],
  'GET /api/digests': EVERY_ROLE,
  'GET /api/stories/:id': EVERY_ROLE,
  // Cases: the shift (duty officers, leaders, admins) opens them; every role works on them, the workflow deciding
  // who takes which step (writers never approve) and who may change severity or routing (checked in the service).
  'POST /api/cases': ['admin', 'duty_officer', 'leader'],
  'GET /api/cases': EVERY_ROLE,
  'GET /api/cases/:id': EVERY_ROLE,
  'PATCH /api/cases/:id': EVERY_ROLE,
  'POST /api/cases/:id/transition': EVERY_ROLE,
  'POST /api/cases/:id/comments': EVERY_ROLE,
  'POST /api/cases/:id/links': EVERY_ROLE,
  'DELETE /api/cases/:id/links/:kind/:targetId': EVERY_ROLE,
  'GET /api/cases/:id/audit': EVERY_ROLE,
  'GET /api/cases/:id/audit/verify': EVERY_ROLE,
  'GET /api/teams': EVERY_ROLE,
  'POST /api/teams': ['admin', 'leader'],
  'PUT /api/teams/:id/members': ['admin', 'leader'],
  // The deadlines' SLA policy: everyone reads it (it explains the countdowns), admins set it.
  'GET /api/sla-policy': EVERY_ROLE,
  'PUT /api/sla-policy': ['admin'],
  // Claim matching: everyone sees suggestions; those who triage (and leaders) confirm; admins keep the glossary and team places.
  'GET /api/cases/:id/similar': EVERY_ROLE,
  'POST /api/cases/:id/similar/:otherId/confirm': ['admin', 'duty_officer', 'leader'],
  'GET /api/cases/:id/suggested-team': EVERY_ROLE,
  'GET /api/flags/:id/similar-cases': EVERY_ROLE,
  'GET /api/glossary': EVERY_ROLE,
  'POST /api/glossary': ['admin'],
  'DELETE /api/glossary/:id': ['admin'],
  'PUT /api/teams/:id/places': ['admin'],
  // What happened on a case and across cases (timeline, report, CSV, shift handover, dashboard): every role reads cases.
  'GET /api/cases/:id/timeline': EVERY_ROLE,
  'GET /api/cases/:id/report': EVERY_ROLE,
  'GET /api/cases.csv': EVERY_ROLE,
  'GET /api/handover': EVERY_ROLE,
  'GET /api/dashboard': EVERY_ROLE,
  'GET /api/users': ['admin'],
  'POST /api/users': ['admin'],
  'PATCH /api/users/:id': ['admin'],
  'POST /api/users/:id/password': ['admin'],
  'GET /api/sources': EVERY_ROLE,
  'POST /api/sources': SOURCE_MANAGERS,
  'GET /api/sources/:id': EVERY_ROLE,
  'POST /api/sources/:id/fetch': SOURCE_MANAGERS,
  'PATCH /api/sources/:id': SOURCE_MANAGERS,
  'POST /api/sources/import': SOURCE_MANAGERS,
  'GET /api/sources/export': EVERY_ROLE,
  // Removing a source ends its collection and may delete evidence: admins only.
  'DELETE /api/sources/:id': ['admin'],
  'GET /api/items': EVERY_ROLE,
  'GET /api/items/:id': EVERY_ROLE,
  'GET /api/items/:id/snapshot': EVERY_ROLE,
  // Anyone who cites an item may need to know when it is edited or taken down.
  'POST /api/items/:id/watch': EVERY_ROLE,
  'DELETE /api/items/:id/watch': EVERY_ROLE,
  // The live feed's replay over HTTP: every signed-in user, each seeing only the events meant for their roles.
  'GET /api/events': EVERY_ROLE,
  // Drafts: writers, reviewers, leaders and admins write them and take review steps (the review workflow decides who
  // takes which: writers never approve, only leaders sign off a critical case); duty officers read them like everyone.
  'POST /api/cases/:id/drafts': DRAFT_EDITORS,
  'GET /api/cases/:id/drafts': EVERY_ROLE,
  'GET /api/drafts/:id': EVERY_ROLE,
  'PATCH /api/drafts/:id': DRAFT_EDITORS,
  'GET /api/drafts/:id/versions': EVERY_ROLE,
  'GET /api/drafts/:id/versions/:version': EVERY_ROLE,
  'GET /api/drafts/:id/diff': EVERY_ROLE,
  'GET /api/drafts/:id/checks': EVERY_ROLE,
  'POST /api/drafts/:id/comments': DRAFT_EDITORS,
  'GET /api/drafts/:id/comments': EVERY_ROLE,
  'POST /api/drafts/:id/comments/:commentId/resolve': DRAFT_EDITORS,
  'POST /api/drafts/:id/submit': DRAFT_EDITORS,
  'POST /api/drafts/:id/request-changes': DRAFT_EDITORS,
  'POST /api/drafts/:id/approve': DRAFT_EDITORS,
  'POST /api/drafts/:id/publish': DRAFT_EDITORS,
  'GET /api/drafts/:id/export': EVERY_ROLE,
  // The starter builds a skeleton for those who write drafts; it stores nothing.
  'POST /api/drafts/starter': DRAFT_EDITORS,
  // The channels' length limits: every role reads them (the editor counts against them), admins set them.
  'GET /api/channel-limits': EVERY_ROLE,
  'PUT /api/channel-limits': ['admin'],
  // The fact library: those who write and approve responses keep it; every role reads and cites it.
  'POST /api/facts': ['writer', 'reviewer', 'leader', 'admin'],
  'GET /api/facts': EVERY_ROLE,
  'GET /api/facts/:id': EVERY_ROLE,
  'PATCH /api/facts/:id': ['writer', 'reviewer', 'leader', 'admin'],
  // Drafting templates shape every office response: admins keep them; every role reads them.
  'POST /api/templates': ['admin'],
  'GET /api/templates': EVERY_ROLE,
  'GET /api/templates/:id': EVERY_ROLE,
  'PATCH /api/templates/:id': ['admin'],
};

const UNKNOWN_ID = '3d8f7a10-2b4c-4e6f-9a1b-5c7d9e0f1a2b';

describe('access control: every route × every role', () => {
  let vigil: VigilTestApp;
  const passwords = new Map<Role, string>();

  beforeAll(async () => {
    vigil = await startVigil();
    const admin = await vigil.adminToken();
    for (const role of ROLES) {
      const password = `mat-khau-${role}-2026`;
      const created = await vigil.request('POST', '/api/users', {
        token: admin,
        body: { username: `only-${role}`.replace('_', '-'), password, displayName: role, roles: [role] },
      });
      expect(created.status).toBe(201);
      passwords.set(role, password);
    }
  });

  afterAll(async () => {
    await vigil?.close();
  });

  const protectedRoutes = Object.entries(ACCESS_MATRIX).filter((entry): entry is [string, readonly Role[]] => entry[1] !== 'public');

  it('classifies every route the server answers, and only those', () => {
    const served = vigil.routes().map((route) => `${route.method} ${route.path}`);
    expect([...served].sort()).toEqual(Object.keys(ACCESS_MATRIX).sort());
  });

  it.each(protectedRoutes)('%s refuses anonymous callers with 401', async (route) => {
    const [method, path] = route.split(' ');
    expect(await vigil.request(method, path.replace(':id', UNKNOWN_ID))).toMatchObject({ status: 401, body: { code: 'unauthenticated' } });
  });

  it.each(protectedRoutes.flatMap(([route, allowed]) => ROLES.map((role) => [route, role, allowed.includes(role)] as const)))(
    '%s as %s → allowed: %s',
    async (route, role, allowed) => {
      const [method, path] = route.split(' ');
      const token = await vigil.loginAs(`only-${role}`.replace('_', '-'), passwords.get(role)!);
      const { status, body } = await vigil.request<{ code?: string }>(method, path.replace(':id', UNKNOWN_ID), { token, body: method === 'GET' ? undefined : {} });
      if (allowed) {
        expect([401, 403]).not.toContain(status);
        expect(status).toBeLessThan(500);
        // Whatever the refusal of an empty body or unknown id, it names its code.
        if (status >= 400) expect(typeof body === 'object' && body.code).toEqual(expect.any(String));
      } else expect({ status, code: body.code }).toEqual({ status: 403, code: 'forbidden' });
    },
  );
});
