import { spawn } from 'node:child_process';
import { CliError, EXIT_FAILURE } from '../../cli-error';

/**
 * File contents at a revision, for the content-BM25 baseline of `sightline eval` (the analysis
 * keeps parsed facts, not text). `git ls-tree` lists the blobs, one `git cat-file --batch`
 * streams them; files over `maxBytes` are skipped as the analysis skips them.
 */
interface Blob {
  path: string;
  id: string;
  size: number;
}

function git(cwd: string, args: readonly string[], input?: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const child = spawn('git', ['-C', cwd, ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', reject);
    // git may exit before reading all of stdin (ls-tree never reads it); its exit code tells what happened.
    child.stdin.on('error', () => undefined);
    child.on('close', (code) => {
      if (code === 0) resolve(Buffer.concat(out));
      else
        reject(new CliError(`git ${args[0]} failed: ${Buffer.concat(err).toString().trim()}`, EXIT_FAILURE));
    });
    child.stdin.end(input ?? '');
  });
}

const SYMLINK_MODE = '120000';

async function listBlobs(cwd: string, rev: string, keep: (path: string) => boolean): Promise<Blob[]> {
  const out = await git(cwd, ['ls-tree', '-r', '-z', '--long', rev, '--']);
  const blobs: Blob[] = [];
  for (const entry of out.toString('utf8').split('\0')) {
    const tab = entry.indexOf('\t');
    if (tab < 0) continue;
    const [mode, type, id, size] = entry.slice(0, tab).split(/\s+/);
    const path = entry.slice(tab + 1);
    // A symbolic link's blob is its target path, not source: the analysis skips it too.
    if (type === 'blob' && mode !== SYMLINK_MODE && keep(path)) blobs.push({ path, id, size: Number(size) });
  }
  return blobs;
}

export async function readTreeContents(
  cwd: string,
  rev: string,
  keep: (path: string) => boolean,
  maxBytes: number,
): Promise<{ path: string; content: string }[]> {
  const blobs = (await listBlobs(cwd, rev, keep)).filter((b) => b.size <= maxBytes);
  if (blobs.length === 0) return [];
  const out = await git(cwd, ['cat-file', '--batch'], blobs.map((b) => b.id).join('\n') + '\n');
  const files: { path: string; content: string }[] = [];
  let at = 0;
  for (const blob of blobs) {
    const headerEnd = out.indexOf(10, at);
    const size = Number(out.subarray(at, headerEnd).toString().split(' ')[2]);
    files.push({
      path: blob.path,
      content: out.subarray(headerEnd + 1, headerEnd + 1 + size).toString('utf8'),
    });
    at = headerEnd + 1 + size + 1;
  }
  return files;
}
