import { CommanderError } from 'commander';
import { buildProgram } from './program';
import { CliError, EXIT_FAILURE, EXIT_USAGE } from './cli-error';

async function main(argv: string[]): Promise<number> {
  const program = buildProgram().exitOverride();
  try {
    await program.parseAsync(argv);
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end through here with exit code 0.
      return error.exitCode === 0 ? 0 : EXIT_USAGE;
    }
    if (error instanceof CliError) {
      process.stderr.write(`sightline: ${error.message}\n`);
      return error.exitCode;
    }
    process.stderr.write(`sightline: unexpected failure: ${(error as Error).stack ?? String(error)}\n`);
    return EXIT_FAILURE;
  }
}

main(process.argv).then((code) => {
  process.exitCode = code;
});
