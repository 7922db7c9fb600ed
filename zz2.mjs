import { readFileSync } from 'node:fs';
import { DOMParser } from 'linkedom';
import { Readability } from '@mozilla/readability';
const html = readFileSync(process.argv[2], 'utf8');
const doc = new DOMParser().parseFromString(html, 'text/html');
globalThis.dump = (s) => { if (/Candidate|Appending|Looking at sibling|Sibling/.test(s)) process.stdout.write(s.slice(0, 200).replace(/\n/g,' ') + '\n'); };
new Readability(doc, { debug: true }).parse();
