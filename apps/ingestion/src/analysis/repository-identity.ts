/**
 * One spelling for the many URLs of a repository (`https://Host/org/repo.git`,
 * `git@host:org/repo`, `ssh://git@host/org/repo/`) so a push hook's URLs can be matched to a
 * registered clone URL: lower-case host (with port), path without `.git` or trailing slashes.
 */
export function repositoryIdentity(url: string): string | null {
  const scp = /^(?:[^@/\s]+@)?([^:/\s]+):(?!\/)(.+)$/.exec(url);
  let host: string;
  let path: string;
  if (scp && !/^[a-z][a-z0-9+.-]*:\/\//i.test(url)) {
    [host, path] = [scp[1], scp[2]];
  } else {
    try {
      const parsed = new URL(url);
      [host, path] = [parsed.host, decodeURIComponent(parsed.pathname)];
    } catch {
      return null;
    }
  }
  const cleanPath = path
    .replace(/^\/+/, '')
    .replace(/\/+$/, '')
    .replace(/\.git$/i, '');
  return cleanPath ? `${host.toLowerCase()}/${cleanPath}` : null;
}
