import { isUtf8 } from 'node:buffer';
import { spawn } from 'node:child_process';
import { GitCommandError } from '../analysis-error';

/** Options that make git's output independent of the user's configuration where it matters to parsing. */
const BASE_ARGS = ['-c', 'core.quotePath=false', '-c', 'log.showSignature=false', '-c', 'color.ui=false'];

function spawnFailure(args: readonly string[], error: Error): Error {
  const code = (error as NodeJS.ErrnoException).code;
  return code === 'ENOENT' ? new GitCommandError(args, null, 'git is not installed or not on PATH') : error;
}

export interface GitResult {
  stdout: Buffer;
  stderr: string;
  exitCode: number | null;
}

/** Runs git with an argument array (never a shell) and collects its output; for small outputs only. */
export function runGit(cwd: string, args: readonly string[], input?: string | Buffer): Promise<GitResult> {
  return new Promise((resolve, reject) => {
    const child = spawn('git', [...BASE_ARGS, ...args], { cwd, stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', (error) => reject(spawnFailure(args, error)));
    child.stdin.on('error', () => undefined);
    child.on('close', (exitCode) =>
      resolve({ stdout: Buffer.concat(out), stderr: Buffer.concat(err).toString('utf8'), exitCode }),
    );
    child.stdin.end(input ?? '');
  });
}

/** Like runGit but a non-zero exit is an error. */
export async function gitOutput(
  cwd: string,
  args: readonly string[],
  input?: string | Buffer,
): Promise<Buffer> {
  const result = await runGit(cwd, args, input);
  if (result.exitCode !== 0) throw new GitCommandError(args, result.exitCode, result.stderr);
  return result.stdout;
}

export interface GitStream {
  /** Resolves when git exited successfully and every chunk was handed to `onData`. */
  done: Promise<void>;
  write(data: string | Buffer): boolean;
  end(): void;
  kill(): void;
  /** Flow control for callers that queue chunks: git blocks on the full pipe while paused. */
  pause(): void;
  resume(): void;
}

/**
 * Streams git's stdout chunk by chunk so that no output is ever held whole. `onData` runs
 * synchronously per chunk; git blocks on a full pipe meanwhile, which bounds memory.
 */
export function streamGit(
  cwd: string,
  args: readonly string[],
  onData: (chunk: Buffer) => void,
  signal?: AbortSignal,
): GitStream {
  // An aborted signal kills git: used when another part of the same analysis has failed.
  const child = spawn('git', [...BASE_ARGS, ...args], { cwd, stdio: ['pipe', 'pipe', 'pipe'], signal });
  const err: Buffer[] = [];
  let errBytes = 0;
  let failure: unknown;
  child.stdout.on('data', (chunk: Buffer) => {
    if (failure !== undefined) return;
    try {
      onData(chunk);
    } catch (error) {
      failure = error;
      child.kill();
    }
  });
  child.stderr.on('data', (chunk: Buffer) => {
    // Keep only the start of stderr: a misbehaving repository can print a warning per object.
    if (errBytes < 64 * 1024) err.push(chunk);
    errBytes += chunk.length;
  });
  child.stdin.on('error', () => undefined);
  const done = new Promise<void>((resolve, reject) => {
    child.on('error', (error) => {
      failure ??= spawnFailure(args, error);
      // Without a process there will be no 'close' to wait for.
      if (child.pid === undefined) reject(failure);
    });
    child.on('close', (exitCode) => {
      if (failure !== undefined) reject(failure);
      else if (exitCode !== 0)
        reject(new GitCommandError(args, exitCode, Buffer.concat(err).toString('utf8')));
      else resolve();
    });
  });
  return {
    done,
    write: (data) => child.stdin.write(data),
    end: () => child.stdin.end(),
    kill: () => child.kill(),
    pause: () => child.stdout.pause(),
    resume: () => child.stdout.resume(),
  };
}

/** Decodes a path or text as UTF-8 when it is valid UTF-8, else byte for byte (Latin-1), so nothing is lost. */
export function decodeBytes(bytes: Buffer): string {
  return isUtf8(bytes) ? bytes.toString('utf8') : bytes.toString('latin1');
}
