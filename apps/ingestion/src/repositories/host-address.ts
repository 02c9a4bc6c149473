/**
 * Literal host addresses, classified without DNS. Only literals are judged: a name that resolves
 * to a link-local address is the network's business, but a literal is the classic way to point a
 * server-side fetch at the cloud metadata service.
 */

/** Names the cloud metadata services answer to (GCP; `metadata` is the short form many images resolve). */
const METADATA_NAMES = new Set(['metadata.google.internal', 'metadata']);
const METADATA_IPV4 = '169.254.169.254';
/** AWS Nitro's IPv6 metadata endpoint. */
const METADATA_IPV6 = [0xfd00, 0x0ec2, 0, 0, 0, 0, 0, 0x0254];

/**
 * An IPv4 literal in every spelling inet_aton accepts — `169.254.169.254`, `0xa9fea9fe`,
 * `2852039166`, `0251.0376.0251.0376`, `169.254.43518` — because ssh and curl resolve them all
 * to the same address. Returns the four bytes, or null when the text is not such a literal.
 */
export function parseIpv4(text: string): number[] | null {
  const parts = text.split('.');
  if (parts.length > 4 || parts.some((part) => part === '')) return null;
  const values: number[] = [];
  for (const part of parts) {
    if (/^0x[0-9a-f]*$/i.test(part)) values.push(part.length === 2 ? 0 : parseInt(part.slice(2), 16));
    else if (/^0[0-7]*$/.test(part)) values.push(parseInt(part, 8));
    else if (/^[1-9][0-9]*$/.test(part)) values.push(parseInt(part, 10));
    else return null;
  }
  const last = values.pop() as number;
  if (values.some((value) => value > 255)) return null;
  const remaining = 4 - values.length;
  if (!Number.isFinite(last) || last >= 256 ** remaining) return null;
  const bytes = [...values];
  for (let shift = remaining - 1; shift >= 0; shift--) bytes.push(Math.floor(last / 256 ** shift) % 256);
  return bytes;
}

/** An IPv6 literal (brackets and a zone id allowed) as eight 16-bit groups, or null. */
export function parseIpv6(text: string): number[] | null {
  let address = text.startsWith('[') && text.endsWith(']') ? text.slice(1, -1) : text;
  const zone = address.indexOf('%');
  if (zone >= 0) address = address.slice(0, zone);
  if (!address.includes(':')) return null;
  const halves = address.split('::');
  if (halves.length > 2) return null;
  const groupsOf = (half: string): number[] | null => {
    if (half === '') return [];
    const groups: number[] = [];
    const pieces = half.split(':');
    for (const [index, piece] of pieces.entries()) {
      if (index === pieces.length - 1 && piece.includes('.')) {
        // A trailing dotted quad (::ffff:1.2.3.4) is strict decimal, unlike inet_aton.
        if (!/^\d{1,3}(\.\d{1,3}){3}$/.test(piece)) return null;
        const bytes = piece.split('.').map(Number);
        if (bytes.some((byte) => byte > 255)) return null;
        groups.push((bytes[0] << 8) | bytes[1], (bytes[2] << 8) | bytes[3]);
      } else if (/^[0-9a-f]{1,4}$/i.test(piece)) {
        groups.push(parseInt(piece, 16));
      } else {
        return null;
      }
    }
    return groups;
  };
  const head = groupsOf(halves[0]);
  const tail = halves.length === 2 ? groupsOf(halves[1]) : [];
  if (!head || !tail) return null;
  if (halves.length === 1) return head.length === 8 ? head : null;
  const missing = 8 - head.length - tail.length;
  if (missing < 1) return null;
  return [...head, ...new Array<number>(missing).fill(0), ...tail];
}

function normalizeName(host: string): string {
  return host.toLowerCase().replace(/\.$/, '');
}

/** IPv4 addresses carried inside IPv6: mapped (::ffff:0:0/96), compatible (::/96) and NAT64 (64:ff9b::/96). */
function embeddedIpv4(groups: number[]): number[] | null {
  const prefix = groups.slice(0, 6);
  const mapped = prefix.slice(0, 5).every((group) => group === 0) && prefix[5] === 0xffff;
  const compatible = prefix.every((group) => group === 0) && (groups[6] !== 0 || groups[7] > 1);
  const nat64 = prefix[0] === 0x64 && prefix[1] === 0xff9b && prefix.slice(2).every((group) => group === 0);
  if (!mapped && !compatible && !nat64) return null;
  return [groups[6] >> 8, groups[6] & 0xff, groups[7] >> 8, groups[7] & 0xff];
}

function ipv4Reason(bytes: number[]): string | null {
  if (bytes.join('.') === METADATA_IPV4) return 'is the cloud metadata service';
  if (bytes[0] === 169 && bytes[1] === 254) return 'is a link-local address (169.254.0.0/16)';
  return null;
}

/**
 * Why a host must not be contacted from the server (link-local or cloud metadata), or null when
 * it is fine. Hosts are judged as written; names other than the metadata names are not resolved.
 */
export function blockedHostReason(host: string): string | null {
  const name = normalizeName(host);
  if (METADATA_NAMES.has(name)) return 'is the cloud metadata service';
  const groups = parseIpv6(name);
  if (groups) {
    if (groups.every((group, index) => group === METADATA_IPV6[index]))
      return 'is the cloud metadata service';
    if ((groups[0] & 0xffc0) === 0xfe80) return 'is a link-local address (fe80::/10)';
    const inner = embeddedIpv4(groups);
    return inner && ipv4Reason(inner);
  }
  const bytes = parseIpv4(name);
  return bytes && ipv4Reason(bytes);
}

/** localhost, 127.0.0.0/8 or ::1: a server on the same machine, e.g. a test double. */
export function isLoopbackHost(host: string): boolean {
  const name = normalizeName(host);
  if (name === 'localhost') return true;
  const groups = parseIpv6(name);
  if (groups) return groups.slice(0, 7).every((group) => group === 0) && groups[7] === 1;
  return parseIpv4(name)?.[0] === 127;
}
