import { readFileSync } from 'node:fs';
import { DOMParser } from 'linkedom';
import { Readability } from '@mozilla/readability';
const html = readFileSync(process.argv[2], 'utf8');
const doc = new DOMParser().parseFromString(html, 'text/html');
const r = new Readability(doc).parse();
console.log(r?.title, '|', r?.byline, '|', r?.publishedTime, '|', r?.length);
console.log(r?.textContent.replace(/\s*\n\s*/g, '\n'));
