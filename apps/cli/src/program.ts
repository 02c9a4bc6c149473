import { Command } from 'commander';
import { commandRegistrations } from './commands';
import { version } from '../../../package.json';

export function buildProgram(): Command {
  const program = new Command('sightline')
    .description('Code context for planning: analyse repositories, match tickets to code, assess risk.')
    .version(version, '-V, --version')
    .showHelpAfterError()
    .configureOutput({ outputError: (text, write) => write(text) });
  for (const register of commandRegistrations) register(program);
  return program;
}
