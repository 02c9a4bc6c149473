import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkSshPrivateKey, normalizePrivateKey } from './ssh-private-key';

describe('checkSshPrivateKey', () => {
  let dir: string;
  const keyFile = (name: string, args: string[]) => {
    const path = join(dir, name);
    execFileSync('ssh-keygen', ['-q', '-f', path, '-C', 'test', ...args]);
    return { privateKey: readFileSync(path, 'utf8'), publicKey: readFileSync(`${path}.pub`, 'utf8') };
  };

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'sightline-ssh-key-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('accepts unencrypted OpenSSH and PEM keys, with CRLF or without the final newline', () => {
    const ed25519 = keyFile('ed25519', ['-t', 'ed25519', '-N', '']).privateKey;
    const rsaPem = keyFile('rsa', ['-t', 'rsa', '-b', '2048', '-m', 'PEM', '-N', '']).privateKey;
    const pkcs8 = keyFile('ecdsa', ['-t', 'ecdsa', '-m', 'PKCS8', '-N', '']).privateKey;
    for (const key of [ed25519, rsaPem, pkcs8, ed25519.trimEnd(), ed25519.replace(/\n/g, '\r\n')]) {
      expect(checkSshPrivateKey(key)).toBeNull();
    }
    expect(normalizePrivateKey(ed25519.replace(/\n/g, '\r\n').trimEnd())).toBe(ed25519);
  });

  it('refuses keys protected by a passphrase, in every format', () => {
    const openssh = keyFile('locked', ['-t', 'ed25519', '-N', 'passphrase']).privateKey;
    const pem = keyFile('locked-pem', [
      '-t',
      'rsa',
      '-b',
      '2048',
      '-m',
      'PEM',
      '-N',
      'passphrase',
    ]).privateKey;
    const pkcs8 = keyFile('locked-pkcs8', ['-t', 'ecdsa', '-m', 'PKCS8', '-N', 'passphrase']).privateKey;
    for (const key of [openssh, pem, pkcs8]) expect(checkSshPrivateKey(key)).toContain('passphrase');
  });

  it('tells a public key from a private one', () => {
    const { publicKey } = keyFile('public', ['-t', 'ed25519', '-N', '']);
    expect(checkSshPrivateKey(publicKey)).toContain('this is a public key');
    expect(checkSshPrivateKey('-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n')).toContain(
      'public key',
    );
  });

  it('explains malformed keys', () => {
    expect(checkSshPrivateKey('not a key')).toContain('OpenSSH or PEM format');
    expect(
      checkSshPrivateKey('-----BEGIN OPENSSH PRIVATE KEY-----\nAAAA\n-----END RSA PRIVATE KEY-----\n'),
    ).toContain('OpenSSH or PEM');
    expect(
      checkSshPrivateKey('-----BEGIN OPENSSH PRIVATE KEY-----\n%%%%\n-----END OPENSSH PRIVATE KEY-----\n'),
    ).toContain('base64');
    expect(
      checkSshPrivateKey('-----BEGIN OPENSSH PRIVATE KEY-----\nAAAA\n-----END OPENSSH PRIVATE KEY-----\n'),
    ).toContain('not a valid OpenSSH private key');
  });
});
