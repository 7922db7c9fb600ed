import { ConfigurationError, loadConfig } from '@vigil/config';
import { createApiApp } from './app.factory';

async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const app = await createApiApp(config);
  await app.listen(config.port, config.host);
  console.log(`Vigil is listening on http://localhost:${config.port} (API docs at /api/docs)`);
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigurationError ? error.message : error);
  process.exit(1);
});
