/**
 * The only variables a child process (git) inherits from ours: where programs live and a home
 * for git's own config. Everything else — including every secret — stays out of the child.
 */
export function childProcessEnvironment(): { PATH: string; HOME: string } {
  return { PATH: process.env.PATH ?? '/usr/local/bin:/usr/bin:/bin', HOME: process.env.HOME ?? '/tmp' };
}
