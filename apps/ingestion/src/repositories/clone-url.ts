import { blockedHostReason, isLoopbackHost, parseIpv6 } from './host-address';

/**
 * Clone URL rules, shared by the admin API (on registration) and the analysis worker (before
 * every clone or fetch). The URL is handed to git, so anything git would interpret as more than
 * "a remote to fetch from" is refused: transport helpers (`ext::sh -c …` runs a command), option
 * injection (`-u…`, `--upload-pack=…`), credentials that would end up in logs and process lists,
 * and hosts that point a server-side fetch at the cloud metadata service.
 */

export type CloneTransport = 'https' | 'http' | 'ssh' | 'local';

export interface CloneUrlPolicy {
  /** `file://` URLs and absolute paths on the server (ALLOW_LOCAL_REPOSITORIES). */
  allowLocal: boolean;
  /** Link-local and metadata hosts (ALLOW_PRIVATE_GIT_HOSTS). */
  allowPrivateHosts: boolean;
}

export type CloneUrlCheck =
  { ok: true; transport: CloneTransport; host: string | null } | { ok: false; problem: string };

const EXAMPLES =
  'https://github.com/acme/shop.git, ssh://git@github.com/acme/shop.git or git@github.com:acme/shop.git';
const MAX_LENGTH = 2048;
/** git's own test for `<helper>::<address>` (transport.c): URL-scheme characters, then `::`. */
const TRANSPORT_HELPER = /^[A-Za-z0-9+.-]*::/;
const SCHEME = /^([A-Za-z][A-Za-z0-9+.-]*):\/\//;
const HOST_NAME = /^[A-Za-z0-9_][A-Za-z0-9_.-]*$/;
const SSH_USER = /^[A-Za-z0-9._~][A-Za-z0-9._~-]*$/;
const CREDENTIALS_HINT = 'must not carry credentials; put them in the credentials field instead';
const LOCAL_DISABLED =
  'local repositories (file:// URLs and server paths) are disabled; set ALLOW_LOCAL_REPOSITORIES=true to allow them';

const fail = (problem: string): CloneUrlCheck => ({ ok: false, problem });

function checkHost(host: string, policy: CloneUrlPolicy): string | null {
  if (host === '') return `needs a host, e.g. ${EXAMPLES}`;
  if (host.startsWith('-')) return 'host must not start with "-" (ssh would read it as an option)';
  const bracketed = host.startsWith('[');
  if (bracketed ? !host.endsWith(']') || !parseIpv6(host) : !HOST_NAME.test(host) || host.length > 253) {
    return 'host is not a valid host name or IP address';
  }
  if (policy.allowPrivateHosts) return null;
  const reason = blockedHostReason(host);
  return reason && `host ${reason}; set ALLOW_PRIVATE_GIT_HOSTS=true if this is intended`;
}

function checkHttp(url: string, scheme: 'https' | 'http', policy: CloneUrlPolicy): CloneUrlCheck {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return fail(`is not a valid URL; expected e.g. ${EXAMPLES}`);
  }
  if (parsed.username || parsed.password) return fail(CREDENTIALS_HINT);
  const hostProblem = checkHost(parsed.hostname, policy);
  if (hostProblem) return fail(hostProblem);
  if (scheme === 'http' && !isLoopbackHost(parsed.hostname)) {
    return fail('plain http:// is accepted only for a server on this machine (localhost); use https://');
  }
  if (parsed.search || parsed.hash || url.includes('#')) return fail('must not carry a ?query or #fragment');
  if (parsed.pathname === '/' || parsed.pathname === '')
    return fail('needs the repository path, e.g. https://github.com/acme/shop.git');
  return { ok: true, transport: scheme, host: parsed.hostname };
}

/**
 * ssh://[user@]host[:port]/path. Parsed by hand: WHATWG leaves the host of a non-special scheme
 * opaque, so `ssh://-oProxyCommand=…/x` would come back as a "host".
 */
function checkSsh(url: string, policy: CloneUrlPolicy): CloneUrlCheck {
  const rest = url.slice(url.indexOf('://') + 3);
  const slash = rest.indexOf('/');
  if (slash < 0 || slash === rest.length - 1)
    return fail('needs the repository path, e.g. ssh://git@github.com/acme/shop.git');
  const authority = rest.slice(0, slash);
  const at = authority.lastIndexOf('@');
  const user = at >= 0 ? authority.slice(0, at) : null;
  let hostPort = at >= 0 ? authority.slice(at + 1) : authority;
  if (user !== null) {
    if (user.includes(':')) return fail(CREDENTIALS_HINT);
    if (!SSH_USER.test(user))
      return fail('the ssh user name must be letters, digits, . _ ~ or - and must not start with "-"');
  }
  const port = /:(\d{1,5})$/.exec(hostPort);
  if (port) {
    if (Number(port[1]) < 1 || Number(port[1]) > 65535) return fail('port must be between 1 and 65535');
    hostPort = hostPort.slice(0, port.index);
  }
  const hostProblem = checkHost(hostPort, policy);
  if (hostProblem) return fail(hostProblem);
  if (rest.includes('?') || rest.includes('#')) return fail('must not carry a ?query or #fragment');
  return { ok: true, transport: 'ssh', host: hostPort };
}

/** The scp-like form git accepts: `[user@]host:path`, recognised by a colon before the first slash. */
function checkScpLike(url: string, policy: CloneUrlPolicy): CloneUrlCheck | null {
  const colon = url.search(/:(?![^[]*\])/);
  const slash = url.indexOf('/');
  if (colon < 0 || (slash >= 0 && slash < colon)) return null;
  // `user:password@host:path` parses as host "user" with path "password@host:path".
  if (/^[^@/]*:[^/]*@/.test(url)) return fail(CREDENTIALS_HINT);
  const authority = url.slice(0, colon);
  const path = url.slice(colon + 1);
  const at = authority.indexOf('@');
  const user = at >= 0 ? authority.slice(0, at) : null;
  const host = at >= 0 ? authority.slice(at + 1) : authority;
  if (user !== null && !SSH_USER.test(user)) {
    return fail('the ssh user name must be letters, digits, . _ ~ or - and must not start with "-"');
  }
  const hostProblem = checkHost(host, policy);
  if (hostProblem) return fail(hostProblem);
  if (path === '')
    return fail('needs the repository path after the colon, e.g. git@github.com:acme/shop.git');
  if (path.startsWith('-')) return fail('the path must not start with "-"');
  return { ok: true, transport: 'ssh', host };
}

function checkLocal(url: string, policy: CloneUrlPolicy): CloneUrlCheck {
  if (!policy.allowLocal) return fail(LOCAL_DISABLED);
  if (url.startsWith('file://')) {
    const rest = url.slice('file://'.length);
    const path = rest.startsWith('localhost/') ? rest.slice('localhost'.length) : rest;
    if (!path.startsWith('/') || path === '/') return fail('expected file:///absolute/path/to/repo');
    return { ok: true, transport: 'local', host: null };
  }
  if (!url.startsWith('/')) return fail('a local repository needs an absolute path, e.g. /srv/git/shop.git');
  return { ok: true, transport: 'local', host: null };
}

/** Checks a clone URL; on failure `problem` says what is wrong and how to fix it (never echoing the URL). */
export function checkCloneUrl(url: string, policy: CloneUrlPolicy): CloneUrlCheck {
  if (url === '') return fail(`give the repository's clone URL, e.g. ${EXAMPLES}`);
  if (url.length > MAX_LENGTH) return fail(`must be at most ${MAX_LENGTH} characters`);
  if (TRANSPORT_HELPER.test(url)) {
    return fail('transport helpers such as "ext::" are not allowed; use an https:// or ssh:// URL');
  }
  if (url.startsWith('-')) return fail('must not start with "-" (git would read it as an option)');
  if (/[\s\p{Cc}\p{Cf}]/u.test(url))
    return fail('must not contain spaces, line breaks or control characters');

  const scheme = SCHEME.exec(url)?.[1].toLowerCase();
  if (scheme === 'https' || scheme === 'http') return checkHttp(url, scheme, policy);
  if (scheme === 'ssh') return checkSsh(url, policy);
  if (scheme === 'file') return checkLocal(url, policy);
  if (scheme === 'git') return fail('git:// is neither authenticated nor encrypted; use https:// or ssh://');
  if (scheme)
    return fail(
      `only https://, ssh:// and scp-like (git@host:org/repo.git) URLs are accepted, e.g. ${EXAMPLES}`,
    );
  if (url.startsWith('/') || url.startsWith('.') || url.startsWith('~')) return checkLocal(url, policy);
  return (
    checkScpLike(url, policy) ??
    fail(`is not a clone URL git can use from a server; expected e.g. ${EXAMPLES}`)
  );
}
