import { gitOutput } from '../git/git-process';

export interface CanonicalIdentity {
  /** Identity key: the mailmap-normalised e-mail, lower-cased (the name when there is no e-mail). */
  key: string;
  name: string;
  email: string;
}

/** Keeps each `git check-mailmap` command line well below the system's argument-size limit. */
const MAX_ARGS_BYTES = 64 * 1024;

/**
 * Applies the repository's mailmap to raw "name <email>" identities with git's own resolver
 * (`git check-mailmap`), which honours `.mailmap`, `mailmap.file` and `mailmap.blob` exactly as
 * `git log --use-mailmap` does. Resolution happens at aggregation time, not while reading
 * history, so a cached history stays valid when the mailmap changes.
 */
export async function applyMailmap(cwd: string, raws: readonly string[]): Promise<CanonicalIdentity[]> {
  const out: CanonicalIdentity[] = [];
  let batch: string[] = [];
  let bytes = 0;
  const flush = async (): Promise<void> => {
    if (batch.length === 0) return;
    const text = (await gitOutput(cwd, ['check-mailmap', '--', ...batch])).toString('utf8');
    const lines = text.split('\n');
    for (let i = 0; i < batch.length; i++) out.push(parseContact(lines[i] ?? batch[i]));
    batch = [];
    bytes = 0;
  };
  for (const raw of raws) {
    // check-mailmap only takes well-formed contacts; anything else is kept as it is.
    const contact = /<[^<>\n]*>$/.test(raw) && !raw.includes('\n') ? raw : undefined;
    if (contact === undefined) {
      await flush();
      out.push(parseContact(raw));
      continue;
    }
    batch.push(contact);
    bytes += Buffer.byteLength(contact) + 1;
    if (bytes > MAX_ARGS_BYTES) await flush();
  }
  await flush();
  return out;
}

function parseContact(contact: string): CanonicalIdentity {
  const match = /^(.*?)\s*<([^<>]*)>\s*$/.exec(contact);
  const name = (match ? match[1] : contact).trim();
  const email = (match ? match[2] : '').trim();
  return { key: email !== '' ? email.toLowerCase() : name.toLowerCase(), name, email };
}
