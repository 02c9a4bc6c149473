import { SecretCipher } from './secret-cipher';

const k1 = { id: 'k1', key: Buffer.alloc(32, 1) };
const k2 = { id: 'k2', key: Buffer.alloc(32, 2) };

describe('SecretCipher', () => {
  it('round-trips and never contains the plaintext', () => {
    const cipher = new SecretCipher([k1]);
    const envelope = cipher.seal('jira-api-token-123');
    expect(envelope).not.toContain('jira-api-token-123');
    expect(envelope.startsWith('v1:k1:')).toBe(true);
    expect(cipher.open(envelope)).toBe('jira-api-token-123');
  });

  it('uses a fresh IV each time', () => {
    const cipher = new SecretCipher([k1]);
    expect(cipher.seal('same')).not.toBe(cipher.seal('same'));
  });

  it('opens envelopes of a rotated-out key and reports they need re-sealing', () => {
    const old = new SecretCipher([k1]).seal('secret');
    const rotated = new SecretCipher([k2, k1]);
    expect(rotated.open(old)).toBe('secret');
    expect(rotated.needsRotation(old)).toBe(true);
    expect(rotated.needsRotation(rotated.seal('secret'))).toBe(false);
  });

  it('rejects tampered envelopes and unknown keys', () => {
    const cipher = new SecretCipher([k1]);
    const parts = cipher.seal('secret').split(':');
    parts[4] = Buffer.from('forged').toString('base64url');
    expect(() => cipher.open(parts.join(':'))).toThrow();
    expect(() => new SecretCipher([k2]).open(cipher.seal('x'))).toThrow(/no longer lists/);
    expect(() => cipher.open('plain text')).toThrow(/not a sealed secret/);
  });
});
