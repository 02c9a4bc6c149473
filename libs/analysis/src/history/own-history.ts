import { gitOutput } from '../git/git-process';

/**
 * The commits that descend from the root of `head`'s first-parent line: the project's own
 * history, without histories merged in from other repositories (a monorepo built by importing
 * packages with `--allow-unrelated-histories`). An imported commit's tree is another project's.
 */
export async function ownHistory(cwd: string, head: string): Promise<Set<string>> {
  const roots = await gitOutput(cwd, ['rev-list', '--first-parent', '--max-parents=0', head, '--']);
  const root = roots.toString('latin1').trim().split('\n')[0];
  const descendants = await gitOutput(cwd, ['rev-list', '--ancestry-path', `${root}..${head}`, '--']);
  return new Set([root, ...descendants.toString('latin1').split('\n').filter(Boolean)]);
}
