import { isCodeManifest } from '../tree/file-kinds';
import type { Language } from './source-facts';

const BY_EXTENSION: ReadonlyMap<string, Language> = new Map<string, Language>([
  ['ts', 'typescript'],
  ['tsx', 'typescript'],
  ['mts', 'typescript'],
  ['cts', 'typescript'],
  ['js', 'javascript'],
  ['jsx', 'javascript'],
  ['mjs', 'javascript'],
  ['cjs', 'javascript'],
  // Vue and Svelte components: their script blocks (TypeScript with `lang="ts"`).
  ['vue', 'javascript'],
  ['svelte', 'javascript'],
  ['py', 'python'],
  // Type stubs: Python syntax with `...` bodies (typeshed is nothing else; packages ship them
  // beside C extensions), as `.d.ts` files are TypeScript.
  ['pyi', 'python'],
  ['java', 'java'],
  ['go', 'go'],
  ['cs', 'csharp'],
  ['rb', 'ruby'],
  ['kt', 'kotlin'],
  ['kts', 'kotlin'],
  ['scala', 'scala'],
  ['sc', 'scala'],
  ['swift', 'swift'],
  ['ex', 'elixir'],
  ['exs', 'elixir'],
  ['lua', 'lua'],
  ['dart', 'dart'],
  ['php', 'php'],
  ['rs', 'rust'],
  ['c', 'c'],
  // `.h` is shared by C and C++; the C grammar parses the common subset and keeps declarations.
  ['h', 'c'],
  ['m', 'objc'],
  ['cc', 'cpp'],
  ['cpp', 'cpp'],
  ['cxx', 'cpp'],
  ['hpp', 'cpp'],
  ['hh', 'cpp'],
  ['hxx', 'cpp'],
]);

/**
 * The language of a repository path by its extension (case-insensitive), or undefined if
 * unsupported or a build manifest (`build.gradle.kts`, `mix.exs`: configuration, not code).
 */
export function languageOf(path: string): Language | undefined {
  const slash = path.lastIndexOf('/');
  const dot = path.lastIndexOf('.');
  if (dot <= slash + 1 || isCodeManifest(path)) return undefined;
  return BY_EXTENSION.get(path.slice(dot + 1).toLowerCase());
}

/** The extension the language's parser should treat the file as (`tsx` and `jsx` enable JSX). */
export function extensionOf(path: string): string {
  const dot = path.lastIndexOf('.');
  return dot < 0 ? '' : path.slice(dot + 1).toLowerCase();
}
