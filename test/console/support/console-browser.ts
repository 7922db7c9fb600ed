// Shared by console browser specs: the system Chromium (never a downloaded browser) and a console build that is
// no older than its sources.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const consoleRoot = join(repoRoot, 'apps/console');
export const consoleDist = join(consoleRoot, 'dist');

/** Fails (never skips) when the system Chromium is missing, saying how to install it. */
export function requireChromium(): void {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `The console end-to-end tests need the system Chromium at ${CHROMIUM} and never download a browser: ` +
        'install it with `apt-get install -y chromium`.',
    );
  }
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

/** Builds the console when apps/console/dist is missing or older than its sources (CI builds it before testing). */
export function ensureConsoleBuilt(): void {
  const index = join(consoleDist, 'index.html');
  let reason: string | null = null;
  if (!existsSync(index)) {
    reason = `${index} is missing`;
  } else {
    const builtAt = statSync(index).mtimeMs;
    const inputs = [join(consoleRoot, 'src'), join(consoleRoot, 'index.html'), join(consoleRoot, 'vite.config.ts'), join(repoRoot, 'libs/contracts/src')];
    const newer = inputs.flatMap(listFiles).find((file) => statSync(file).mtimeMs > builtAt);
    if (newer) reason = `${newer} is newer than the build`;
  }
  if (!reason) return;
  console.log(`Building the console (${reason}): vite build --config apps/console/vite.config.ts`);
  execFileSync(process.execPath, [join(repoRoot, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'apps/console/vite.config.ts'], {
    cwd: repoRoot,
    stdio: 'inherit',
  });
}

function listFiles(path: string): string[] {
  if (!existsSync(path)) return [];
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path, { withFileTypes: true }).flatMap((entry) => listFiles(join(path, entry.name)));
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Pages for one spec file, each in a fresh browser context (own cookies and storage). `closeAll` closes them and
 * returns the uncaught page errors and Content-Security-Policy violations they saw, so a spec can fail on any.
 */
export class BrowserPages {
  private contexts: BrowserContext[] = [];
  private errors: string[] = [];

  constructor(private readonly browser: Browser) {}

  async open(options: BrowserContextOptions = {}): Promise<Page> {
    const context = await this.browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
    this.contexts.push(context);
    context.setDefaultTimeout(15_000);
    const page = await context.newPage();
    page.on('pageerror', (error) => this.errors.push(`${page.url()}: ${error.message}`));
    // Something the console's Content-Security-Policy blocked is a bug in the policy or in the console.
    page.on('console', (message) => {
      if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) this.errors.push(`${page.url()}: ${message.text()}`);
    });
    return page;
  }

  async closeAll(): Promise<string[]> {
    await Promise.all(this.contexts.map((context) => context.close()));
    this.contexts = [];
    const errors = this.errors;
    this.errors = [];
    return errors;
  }
}
