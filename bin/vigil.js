#!/usr/bin/env node
// `npx vigil …`: the command-line tools, running the same code as the server (build first: npm run build:server).
import { existsSync } from 'node:fs';

const entry = new URL('../dist/apps/cli/src/main.js', import.meta.url);
if (!existsSync(entry)) {
  console.error('vigil: the command-line tools are not built yet; run `npm run build:server` first.');
  process.exit(2);
}
await import(entry.href);
