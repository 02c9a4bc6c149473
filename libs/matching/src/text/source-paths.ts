/** Source-file extensions a ticket may name, and how a written path is normalised for matching. */
export const EXTENSIONS =
  'tsx?|mts|cts|jsx?|mjs|cjs|py|pyi|go|java|kt|kts|scala|groovy|cs|fs|vb|rb|php|rs|c|h|cc|cpp|cxx|hpp|hh|hxx|mm?|swift|dart|lua|pl|pm|sql|sh|bash|zsh|fish|vue|svelte|ex|exs|erl|hs|clj|elm|ml|json|ya?ml|toml|xml|gradle|properties|html|css|scss|less|md|rst|proto|graphql';

export const FILE_EXACT = new RegExp(`\\.(?:${EXTENSIONS})$`);

/** Forward slashes, no drive letter or leading slash: mentions are matched as path suffixes. */
export function normalizePath(file: string): string {
  return file
    .replace(/\\/g, '/')
    .replace(/^[A-Za-z]:/, '')
    .replace(/^\/+/, '');
}
