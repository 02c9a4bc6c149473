import type { Command } from 'commander';
import { registerKeysCommand } from './keys.command';

/** Every `sightline` sub-command registers itself here, one line each. */
export const commandRegistrations: ReadonlyArray<(program: Command) => void> = [
  registerKeysCommand,
];
