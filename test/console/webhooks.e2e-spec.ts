// The Webhooks screen (issue 9, admins) in the system Chromium against a whole Vigil: create a webhook (its secret
// shown once), edit it, disable and enable it, rotate its secret, send a test that a loopback receiver gets signed,
// and read its deliveries; Vietnamese by default, English on the switch.
import { createHmac } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { TEST_ADMIN_PASSWORD, waitFor } from '@vigil/testing';
import type { Browser, Page } from 'playwright-core';
import { startVigil, type VigilTestApp } from '../support/vigil-test-app';
import { BrowserPages, consoleDist, ensureConsoleBuilt, launchChromium, requireChromium } from './support/console-browser';

describe('Webhooks screen in a browser', () => {
  let vigil: VigilTestApp;
  let browser: Browser;
  let pages: BrowserPages;
  let receiverUrl: string;
  const received: { headers: IncomingHttpHeaders; body: string }[] = [];
  const receiver: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      received.push({ headers: request.headers, body: Buffer.concat(chunks).toString('utf8') });
      response.writeHead(204).end();
    });
  });

  beforeAll(async () => {
    requireChromium();
    ensureConsoleBuilt();
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks/phong-chi-huy`;
    vigil = await startVigil({ VIGIL_CONSOLE_DIR: consoleDist });
    browser = await launchChromium();
    pages = new BrowserPages(browser);
  }, 180_000);

  afterEach(async () => {
    expect(await pages.closeAll()).toEqual([]);
  });

  afterAll(async () => {
    await browser?.close();
    await vigil?.close();
    receiver.closeAllConnections();
    await new Promise<void>((resolve) => receiver.close(() => resolve()));
  });

  async function openWebhooks(): Promise<Page> {
    const page = await pages.open();
    page.on('dialog', (dialog) => void dialog.accept());
    await page.goto(vigil.baseUrl);
    await page.getByTestId('login-username').fill('admin');
    await page.getByTestId('login-password').fill(TEST_ADMIN_PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('nav-admin').click();
    await page.getByTestId('nav-webhooks').click();
    await page.getByRole('heading', { level: 1, name: 'Webhook' }).waitFor();
    return page;
  }

  it('creates, edits, disables, rotates and tests a webhook, showing each secret once', async () => {
    const page = await openWebhooks();
    await page.getByTestId('webhooks-empty').waitFor();
    await page.getByTestId('webhook-form-name').fill('Phòng chỉ huy');
    await page.getByTestId('webhook-form-url').fill(receiverUrl);
    await page.getByTestId('webhook-form-severity').selectOption('high');
    await page.getByTestId('webhook-form-submit').click();
    const firstSecret = (await page.getByTestId('webhook-secret-value').textContent())!;
    expect(firstSecret).toMatch(/^whsec_/);
    const row = page.getByTestId('webhook-row');
    await row.waitFor();
    expect(await row.locator('td').nth(2).textContent()).toBe('cảnh báo từ mức Cao trở lên, đột biến');
    await page.getByTestId('webhook-secret-done').click();
    expect(await page.getByTestId('webhook-secret').count()).toBe(0);

    // Edit: a new name and the digest.
    await row.getByTestId('webhook-edit').click();
    await page.getByTestId('webhook-form-name').fill('Phòng chỉ huy Hà Nội');
    await page.getByTestId('webhook-form-includeDigest').check();
    await page.getByTestId('webhook-form-submit').click();
    await page.getByTestId('notice').filter({ hasText: 'Đã lưu webhook “Phòng chỉ huy Hà Nội”.' }).waitFor();
    await row.locator('td').nth(2).filter({ hasText: /^cảnh báo từ mức Cao trở lên, đột biến, tóm tắt định kỳ$/ }).waitFor();
    expect(await row.locator('td').first().textContent()).toBe('Phòng chỉ huy Hà Nội');

    // Disabled, a test is refused with the translated code; enabled again, it goes.
    await row.getByTestId('webhook-toggle').click();
    await row.getByTestId('webhook-status').filter({ hasText: 'Đã tắt' }).waitFor();
    await row.getByTestId('webhook-test').click();
    await page.getByTestId('notice').filter({ hasText: 'Webhook này đang tắt: hãy bật để gửi thử.' }).waitFor();
    await row.getByTestId('webhook-toggle').click();
    await row.getByTestId('webhook-status').filter({ hasText: 'Đang bật' }).waitFor();

    await row.getByTestId('webhook-rotate').click();
    const secret = (await page.getByTestId('webhook-secret-value').textContent())!;
    expect(secret).toMatch(/^whsec_/);
    expect(secret).not.toBe(firstSecret);
    expect(await page.getByTestId('webhook-secret-grace').textContent()).toMatch(/^Khoá cũ vẫn ký kèm các lần gửi đến /);

    await row.getByTestId('webhook-test').click();
    const test = await waitFor('the test at the receiver', async () => received.find((request) => request.headers['x-vigil-event'] === 'webhook.test'));
    const timestamp = test.headers['x-vigil-timestamp'] as string;
    const [signedNew, signedOld] = (test.headers['x-vigil-signature'] as string).split(',');
    expect(signedNew).toBe(`sha256=${createHmac('sha256', secret).update(`${timestamp}.${test.body}`).digest('hex')}`);
    expect(signedOld).toBe(`sha256=${createHmac('sha256', firstSecret).update(`${timestamp}.${test.body}`).digest('hex')}`);
    const deliveries = page.getByTestId('webhook-deliveries');
    await waitFor('the delivery listed as delivered', async () => {
      await deliveries.getByTestId('webhook-deliveries-reload').click();
      return (await deliveries.locator('[data-testid="webhook-delivery"][data-status="delivered"][data-event-type="webhook.test"]').count()) === 1 || undefined;
    });
  }, 120_000);

  it('reads in English on the switch', async () => {
    const page = await openWebhooks();
    await page.getByTestId('lang-switch').click();
    await page.getByRole('heading', { level: 1, name: 'Webhooks' }).waitFor();
    const row = page.getByTestId('webhook-row');
    expect(await row.locator('td').nth(2).textContent()).toBe('flags from High up, spikes, digest');
    expect(await row.getByTestId('webhook-rotate').textContent()).toBe('Rotate secret');
  });
});
