import type { Command } from 'commander';
import { registerKeysCommand } from './keys.command';
import { registerAnalyzeCommand } from './analyze.command';
import { registerMatchCommand } from './match.command';
import { registerEvalCommand } from './eval.command';
import { registerAssessCommand } from './assess.command';
import { registerReportCommand } from './report.command';

/** Every `sightline` sub-command registers itself here, one line each. */
export const commandRegistrations: ReadonlyArray<(program: Command) => void> = [
  registerKeysCommand,
  registerAnalyzeCommand,
  registerMatchCommand,
  registerEvalCommand,
  registerAssessCommand,
  registerReportCommand,
];
