import { loadConfigOrExit } from '@sightline/config';
import { limitShutdownTo } from '@sightline/platform';
import { createIngestionApp, INGESTION_DEFAULT_PORT } from './ingestion.app';

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  limitShutdownTo(config.SHUTDOWN_GRACE_MS);
  const app = await createIngestionApp(config);
  await app.listen(config.PORT ?? INGESTION_DEFAULT_PORT, '0.0.0.0');
}

main().catch((error: Error) => {
  process.stderr.write(`ingestion failed to start: ${error.message}\n`);
  process.exit(1);
});
