import type { Command } from 'commander';


/** Every `sightline` sub-command registers itself here, one line each. */
export const commandRegistrations: ReadonlyArray<(program: Command) => void> = [];
