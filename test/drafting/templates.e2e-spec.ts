import { DRAFT_CHANNELS, DRAFT_LANGUAGES, type DraftTemplateList, type DraftTemplateView } from '@vigil/contracts';
import { unknownTemplatePlaceholder } from '@vigil/domain';
import { DraftTemplatesRepository } from '@vigil/persistence';
import { TestClock } from '@vigil/testing';
import { startVigil, type VigilTestApp } from '../support/vigil-test-app';

type Refusal = { code: string; field?: string; details?: { placeholder?: string } };

/** Drafting templates over real HTTP (issue 11): seeded per channel and language, kept by admins, placeholders checked. */
describe('Drafting templates', () => {
  let vigil: VigilTestApp;
  let admin: string;
  let writer: string;

  const api = <T>(method: string, path: string, token: string, body?: unknown) => vigil.request<T>(method, path, { token, body });

  beforeAll(async () => {
    vigil = await startVigil({}, { clock: new TestClock() });
    admin = await vigil.adminToken();
    const password = 'mat-khau-mau-bien-tap-2026';
    expect((await api('POST', '/api/users', admin, { username: 'mau.bien.tap', displayName: 'Biên tập viên', password, roles: ['writer'] })).status).toBe(201);
    writer = await vigil.loginAs('mau.bien.tap', password);
  }, 90_000);

  afterAll(async () => vigil?.close());

  it('starts with one template per channel and language, each using only known placeholders', async () => {
    const { status, body } = await api<DraftTemplateList>('GET', '/api/templates', writer);
    expect(status).toBe(200);
    const pairs = body.templates.map((template) => `${template.channel}/${template.language}`).sort();
    expect(pairs).toEqual(DRAFT_CHANNELS.flatMap((channel) => DRAFT_LANGUAGES.map((language) => `${channel}/${language}`)).sort());
    for (const template of body.templates) {
      expect(unknownTemplatePlaceholder(template.body)).toBeNull();
      expect(template.body).toContain('{{');
    }
    const pressVi = body.templates.find((template) => template.channel === 'press_statement' && template.language === 'vi')!;
    expect(pressVi.body).toContain('{{facts}}');
    expect((await api<DraftTemplateView>('GET', `/api/templates/${pressVi.id}`, writer)).body).toEqual(pressVi);
  });

  it('lets an admin create and edit a template, and a new draft starts from the one saved last', async () => {
    const created = await api<DraftTemplateView>('POST', '/api/templates', admin, { name: 'Tin ngắn Zalo', channel: 'social_post', language: 'vi', body: 'CẢNH BÁO: {{case_title}}\n\n{{facts}}' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: 'Tin ngắn Zalo', channel: 'social_post', language: 'vi', body: 'CẢNH BÁO: {{case_title}}\n\n{{facts}}' });
    const repository = vigil.app.get(DraftTemplatesRepository);
    expect((await repository.forChannel('social_post', 'vi'))?.id).toBe(created.body.id);

    vigil.clock.advance(1_000);
    const edited = await api<DraftTemplateView>('PATCH', `/api/templates/${created.body.id}`, admin, { name: 'Tin ngắn Zalo (sửa)', body: '# {{ case_title }}\n- {{facts}}\n> {{quotes}}' });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ id: created.body.id, name: 'Tin ngắn Zalo (sửa)', channel: 'social_post', body: '# {{ case_title }}\n- {{facts}}\n> {{quotes}}' });
    expect(Date.parse(edited.body.updatedAt)).toBeGreaterThan(Date.parse(created.body.updatedAt));
    expect((await api<DraftTemplateList>('GET', '/api/templates', writer)).body.templates).toContainEqual(edited.body);
  });

  it('refuses an unknown placeholder, naming it, on creating and on editing', async () => {
    const refused = await api<Refusal>('POST', '/api/templates', admin, { name: 'Sai', channel: 'press_statement', language: 'en', body: '# {{case_title}}\n{{office}}' });
    expect(refused).toMatchObject({ status: 400, body: { code: 'template_placeholder_unknown', field: 'body', details: { placeholder: 'office' } } });

    const [template] = (await api<DraftTemplateList>('GET', '/api/templates', admin)).body.templates;
    const edit = await api<Refusal>('PATCH', `/api/templates/${template!.id}`, admin, { body: `${template!.body}\n{{ngay_thang}}` });
    expect(edit).toMatchObject({ status: 400, body: { code: 'template_placeholder_unknown', details: { placeholder: 'ngay_thang' } } });
    expect((await api<DraftTemplateView>('GET', `/api/templates/${template!.id}`, admin)).body.body).toBe(template!.body);
  });

  it('refuses malformed templates with validation codes and unknown ones with template_not_found', async () => {
    for (const wrong of [{ channel: 'fax' }, { language: 'fr' }, { name: '  ' }, { body: '' }]) {
      const refused = await api<Refusal>('POST', '/api/templates', admin, { name: 'Mẫu', channel: 'press_statement', language: 'vi', body: '{{facts}}', ...wrong });
      expect({ wrong, status: refused.status, code: refused.body.code }).toEqual({ wrong, status: 400, code: 'validation_failed' });
    }
    const [template] = (await api<DraftTemplateList>('GET', '/api/templates', admin)).body.templates;
    expect((await api<Refusal>('PATCH', `/api/templates/${template!.id}`, admin, { body: null })).status).toBe(400);
    const unknown = '3d8f7a10-2b4c-4e6f-9a1b-5c7d9e0f1a2b';
    expect(await api<Refusal>('GET', `/api/templates/${unknown}`, writer)).toMatchObject({ status: 404, body: { code: 'template_not_found' } });
    expect(await api<Refusal>('PATCH', `/api/templates/${unknown}`, admin, { name: 'x' })).toMatchObject({ status: 404, body: { code: 'template_not_found' } });
  });

  it('lets every role read templates but only admins write them', async () => {
    const [template] = (await api<DraftTemplateList>('GET', '/api/templates', writer)).body.templates;
    expect((await api('POST', '/api/templates', writer, { name: 'Mẫu', channel: 'press_statement', language: 'vi', body: '{{facts}}' })).status).toBe(403);
    expect((await api('PATCH', `/api/templates/${template!.id}`, writer, { name: 'Đổi tên' })).status).toBe(403);
  });
});
