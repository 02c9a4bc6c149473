import type { ImportFacts } from '../../source/source-facts';
import type { DependencySource, LanguageResolver, Resolution } from '../dependency-types';
import { basenameOf } from '../path-index';
import { addFile, sortedByPath } from './file-groups';

/**
 * C# `using` resolution by namespace: `using A.B;` depends on every file that declares namespace
 * `A.B`; `using static A.B.Type;` and aliases to a type find `Type.cs` in namespace `A.B`. Other
 * namespaces are external (System.*, NuGet packages).
 */
export class CsharpResolver implements LanguageResolver {
  private readonly namespaces = new Map<string, string[]>();

  constructor(sources: readonly DependencySource[]) {
    for (const source of sortedByPath(sources)) {
      if (source.language !== 'csharp' || source.packageName === undefined) continue;
      addFile(this.namespaces, source.packageName, source.path);
    }
  }

  resolve(from: DependencySource, imported: ImportFacts): Resolution {
    const name = imported.specifier.replace(/^global::/, '');
    const files = this.namespaces.get(name)?.filter((f) => f !== from.path);
    if (files && files.length > 0) return { files };
    if (this.namespaces.has(name)) return undefined;
    const dot = name.lastIndexOf('.');
    if (dot > 0) {
      const typeFile = this.namespaces
        .get(name.slice(0, dot))
        ?.find((f) => basenameOf(f) === `${name.slice(dot + 1)}.cs`);
      if (typeFile) return typeFile === from.path ? undefined : { files: [typeFile] };
    }
    return { package: name };
  }
}
