import type { ImportFacts } from '../../source/source-facts';
import type { DependencySource, LanguageResolver, Resolution } from '../dependency-types';
import { addFile, sortedByPath } from './file-groups';

/** A Swift Package Manager target: `Sources/<Module>/…` (at any depth, for nested packages). */
const SWIFTPM_TARGET = /(?:^|\/)Sources\/([^/]+)\//;

/**
 * Swift imports whole modules, never files: files of one module see each other without imports.
 * `import X` of a module this repository builds (a SwiftPM target, `Sources/X/`) depends on every
 * file of that module, as a Java wildcard import does on its package; other modules (Foundation,
 * UIKit, dependencies) are external packages.
 */
export class SwiftResolver implements LanguageResolver {
  private readonly modules = new Map<string, string[]>();

  constructor(sources: readonly DependencySource[]) {
    for (const source of sortedByPath(sources)) {
      if (source.language !== 'swift') continue;
      const module = SWIFTPM_TARGET.exec(source.path)?.[1];
      if (module !== undefined) addFile(this.modules, module, source.path);
    }
  }

  resolve(from: DependencySource, imported: ImportFacts): Resolution {
    // `import struct Shop.Item` imports from module Shop.
    const module = imported.specifier.split('.')[0];
    const files = this.modules.get(module)?.filter((file) => file !== from.path);
    if (files && files.length > 0) return { files };
    return { package: module };
  }
}
