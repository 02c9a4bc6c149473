import type { ImportFacts } from '../../source/source-facts';
import type { DependencySource, LanguageResolver, Resolution } from '../dependency-types';
import { addFile, sortedByPath } from './file-groups';

/** Module names among a file's symbols: `Shop.Cart`, not `total`. */
const MODULE_NAME = /^[A-Z][A-Za-z0-9_]*(?:\.[A-Z][A-Za-z0-9_]*)*$/;

/**
 * Elixir: `alias`, `import`, `require` and `use` name modules, and a module lives wherever a
 * `defmodule` declares it (file names are a convention only). A module declared in the repository
 * resolves to the files declaring it; others are external, named by their first segment
 * (`Ecto.Changeset` → `Ecto`).
 */
export class ElixirResolver implements LanguageResolver {
  private readonly modules = new Map<string, string[]>();

  constructor(sources: readonly DependencySource[]) {
    for (const source of sortedByPath(sources)) {
      if (source.language !== 'elixir') continue;
      for (const symbol of source.symbols ?? [])
        if (MODULE_NAME.test(symbol)) addFile(this.modules, symbol, source.path);
    }
  }

  resolve(_from: DependencySource, imported: ImportFacts): Resolution {
    const files = this.modules.get(imported.specifier);
    if (files) return { files };
    return { package: imported.specifier.split('.')[0] };
  }
}
