import { loadConfigOrExit } from '@sightline/config';
import { limitShutdownTo } from '@sightline/platform';
import { createEnrichmentApp, ENRICHMENT_DEFAULT_PORT } from './enrichment.app';

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  limitShutdownTo(config.SHUTDOWN_GRACE_MS);
  const app = await createEnrichmentApp(config);
  await app.listen(config.PORT ?? ENRICHMENT_DEFAULT_PORT, '0.0.0.0');
}

main().catch((error: Error) => {
  process.stderr.write(`enrichment failed to start: ${error.message}\n`);
  process.exit(1);
});
