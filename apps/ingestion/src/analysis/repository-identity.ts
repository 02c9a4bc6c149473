/**
 * One spelling for the many URLs of a repository (`https://Host/org/repo.git`,
 * `git@host:org/repo`, `ssh://git@host/org/repo/`) so a push hook's URLs can be matched to a
 * registered clone URL: host (with port) and path without `.git` or trailing slashes, in lower
 * case. GitHub, GitLab and Bitbucket treat owner and repository names case-insensitively, and a
 * push names them as the host spells them (`Acme/Shop`) whatever the admin typed (`acme/shop`);
 * two repositories differing only in case on one host would cost an extra refresh, a missed
 * match every refresh.
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
  return cleanPath ? `${host}/${cleanPath}`.toLowerCase() : null;
}
