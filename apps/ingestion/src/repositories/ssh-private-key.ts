/**
 * Checks that an SSH private key is usable by a server-side git: a private (not public) key, in
 * OpenSSH or PEM format, without a passphrase (nobody is there to type it). Only the framing and
 * the cipher name are read; the key material itself is left alone.
 */

const PEM = /^-----BEGIN ((?:[A-Z0-9]+ )*)PRIVATE KEY-----\n([\s\S]*?)\n?-----END \1PRIVATE KEY-----\n?$/;
const OPENSSH_MAGIC = 'openssh-key-v1\0';
const PASSPHRASE =
  'the key is protected by a passphrase, which a server cannot type; export it without one (ssh-keygen -p -N "" -f KEY)';

/** CRLF to LF and a final newline: OpenSSH refuses a key file without one. */
export function normalizePrivateKey(text: string): string {
  const unix = text.replace(/\r\n/g, '\n').trim();
  return `${unix}\n`;
}

/** Returns what is wrong with the key and how to fix it, or null when it looks usable. */
export function checkSshPrivateKey(text: string): string | null {
  const key = normalizePrivateKey(text);
  if (/^(ssh-|ecdsa-|sk-)/.test(key) || key.includes('PUBLIC KEY-----')) {
    return 'this is a public key; give the private key (the file without .pub)';
  }
  const pem = PEM.exec(key);
  if (!pem)
    return 'expected a private key in OpenSSH or PEM format, starting with "-----BEGIN OPENSSH PRIVATE KEY-----"';
  const [, label, body] = pem;
  if (label.includes('ENCRYPTED') || /^Proc-Type:.*ENCRYPTED/m.test(body)) return PASSPHRASE;
  const base64 = body.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(base64))
    return 'the key body is not valid base64; paste the whole file unchanged';
  if (label === 'OPENSSH ') {
    const bytes = Buffer.from(base64, 'base64');
    if (
      bytes.subarray(0, OPENSSH_MAGIC.length).toString('latin1') !== OPENSSH_MAGIC ||
      bytes.length < OPENSSH_MAGIC.length + 4
    ) {
      return 'the key is not a valid OpenSSH private key; paste the whole file unchanged';
    }
    const nameLength = bytes.readUInt32BE(OPENSSH_MAGIC.length);
    const start = OPENSSH_MAGIC.length + 4;
    if (bytes.subarray(start, start + nameLength).toString('latin1') !== 'none') return PASSPHRASE;
  }
  return null;
}
