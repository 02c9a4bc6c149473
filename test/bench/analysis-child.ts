// Runs one analysis in its own process and prints its figures as one JSON line: the benchmark
// reads this process's own peak RSS, which the CLI run cannot separate from git's.
import { analyseRepository } from '@sightline/analysis';

async function main(): Promise<void> {
  const [path, rev] = process.argv.slice(2);
  const started = Date.now();
  const { snapshot, stats } = await analyseRepository(path, { rev: rev ?? 'HEAD' });
  process.stdout.write(
    JSON.stringify({
      wallMs: Date.now() - started,
      maxRssKb: process.resourceUsage().maxRSS,
      commits: snapshot.repository.commits,
      files: snapshot.summary.files,
      codeFiles: snapshot.summary.codeFiles,
      loc: snapshot.summary.loc,
      parseFailures: snapshot.summary.parseFailures,
      ...stats,
    }) + '\n',
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
