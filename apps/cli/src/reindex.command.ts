import { NestFactory } from '@nestjs/core';
import { type ReindexProgress, type ReindexResult, SearchReindexer, SearchReindexModule } from '@vigil/collection';
import { ConfigModule, loadConfig } from '@vigil/config';
import { PersistenceModule } from '@vigil/persistence';
import { SearchModule } from '@vigil/search';

const BAR_WIDTH = 30;

/** One progress line: a bar, the share, the count, the rate and the time left at that rate. */
export function progressLine({ done, total }: ReindexProgress, elapsedMs: number): string {
  const share = total === 0 ? 1 : Math.min(1, done / total);
  const filled = Math.round(share * BAR_WIDTH);
  const rate = elapsedMs > 0 ? (done / elapsedMs) * 1000 : 0;
  const eta = rate > 0 ? formatDuration(((total - done) / rate) * 1000) : '?';
  const count = new Intl.NumberFormat('en-US');
  return `[${'#'.repeat(filled)}${'-'.repeat(BAR_WIDTH - filled)}] ${Math.floor(share * 100)
    .toString()
    .padStart(3)}%  ${count.format(done)}/${count.format(total)} items  ${count.format(Math.round(rate))}/s  ETA ${eta}`;
}

function formatDuration(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  const [hours, minutes] = [Math.floor(seconds / 3600), Math.floor((seconds % 3600) / 60)];
  const rest = String(seconds % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${rest}` : `${minutes}:${rest}`;
}

/**
 * `vigil reindex`: rebuilds the Elasticsearch index from PostgreSQL beside the one in use and swaps it in. It opens
 * the database itself, so it needs the server PostgreSQL (the embedded one belongs to the running API).
 */
export async function reindex(environment: NodeJS.ProcessEnv, output: NodeJS.WriteStream = process.stderr): Promise<ReindexResult> {
  const config = loadConfig(environment);
  if (config.database.mode !== 'server' || !config.search.elasticsearchUrl) {
    throw new Error('vigil reindex rebuilds Elasticsearch from PostgreSQL: set DATABASE_URL and ELASTICSEARCH_URL as the API has them');
  }
  const app = await NestFactory.createApplicationContext(
    { module: class ReindexApp {}, imports: [ConfigModule.forRoot(config), PersistenceModule.forRoot(), SearchModule, SearchReindexModule] },
    { logger: ['error', 'warn'] },
  );
  try {
    const startedAt = Date.now();
    let lastShare = -1;
    const result = await app.get(SearchReindexer).reindex((progress) => {
      const line = progressLine(progress, Date.now() - startedAt);
      // A terminal redraws one line; a log gets a line every tenth.
      if (output.isTTY) output.write(`\r${line}`);
      else if (Math.floor((progress.done / Math.max(1, progress.total)) * 10) > lastShare) {
        lastShare = Math.floor((progress.done / Math.max(1, progress.total)) * 10);
        output.write(`${line}\n`);
      }
    });
    if (output.isTTY) output.write('\n');
    return result;
  } finally {
    await app.close();
  }
}
