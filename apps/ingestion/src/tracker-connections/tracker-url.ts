import { blockedHostReason, isLoopbackHost } from '../repositories/host-address';

export type TrackerUrlCheck = { ok: true; url: string } | { ok: false; problem: string };

/**
 * A tracker's base URL (Jira site, Linear API). The server calls it with stored credentials, so:
 * https only (http just for a test server on this machine), no credentials in the URL, and never
 * a link-local or cloud metadata host. Returns the URL without query or trailing slash.
 */
export function checkTrackerUrl(value: string, example: string): TrackerUrlCheck {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return { ok: false, problem: `expected a URL such as ${example}` };
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopbackHost(url.hostname))) {
    return {
      ok: false,
      problem: `must use https:// (http:// only for a server on this machine, e.g. a test double); e.g. ${example}`,
    };
  }
  if (url.username || url.password)
    return { ok: false, problem: 'must not carry credentials; put them in auth' };
  if (url.search || url.hash || value.includes('#'))
    return { ok: false, problem: 'must not carry a ?query or #fragment' };
  const blocked = blockedHostReason(url.hostname);
  if (blocked) return { ok: false, problem: `host ${blocked}` };
  return { ok: true, url: `${url.origin}${url.pathname.replace(/\/+$/, '')}` };
}
