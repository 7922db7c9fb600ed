import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { decodeText } from '@vigil/collection';
import { runExtract, runParseFeed } from '@vigil/parsing/parsers';
import { importOpml } from './import-opml.command';
import { reindex } from './reindex.command';

const USAGE = `Usage:
  vigil parse-feed < feed.xml                 print the parsed feed as JSON
  vigil extract [--url URL] < page.html       print the extracted article as JSON
  vigil import-opml FILE [--api URL] [--token TOKEN]
                                              add every feed of an OPML file through the API
                                              (defaults: VIGIL_API_URL or http://localhost:3000, VIGIL_TOKEN)
  vigil reindex                               rebuild the Elasticsearch index from PostgreSQL beside the one in use,
                                              then swap it in (DATABASE_URL and ELASTICSEARCH_URL as the API has them)`;

/** Command-line tools for source administrators; they run the production parsing code, no server needed. */
async function main(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { url: { type: 'string' }, api: { type: 'string' }, token: { type: 'string' }, help: { type: 'boolean' } },
  });
  const [command, ...rest] = positionals;
  switch (command) {
    case 'parse-feed':
      return print(runParseFeed(readStdin()));
    case 'extract':
      return print(runExtract(readStdin(), values.url));
    case 'import-opml': {
      const token = values.token ?? process.env.VIGIL_TOKEN;
      if (!rest[0] || !token) {
        process.stderr.write(`vigil import-opml needs a file and a token (--token or VIGIL_TOKEN)\n${USAGE}\n`);
        return 2;
      }
      const result = await importOpml({ file: rest[0], apiUrl: values.api ?? process.env.VIGIL_API_URL ?? 'http://localhost:3000', token });
      process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
      return result.skipped.length && !result.created ? 1 : 0;
    }
    case 'reindex': {
      const result = await reindex(process.env);
      process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
      return 0;
    }
    default:
      process.stderr.write(`${USAGE}\n`);
      return values.help ? 0 : 2;
  }
}

/** Bytes in, decoded as the collector decodes them (BOM, XML declaration, meta charset; UTF-8 otherwise). */
function readStdin(): string {
  return decodeText(readFileSync(0), null);
}

function print(result: { exitCode: number; stdout: string; stderr: string }): number {
  process.stdout.write(result.stdout);
  process.stderr.write(result.stderr);
  return result.exitCode;
}

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    process.stderr.write(`vigil: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
