import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

export interface SecretKey {
  id: string;
  key: Buffer;
}

const VERSION = 'v1';

/**
 * AES-256-GCM for secrets at rest. Each envelope names the key that sealed it
 * (`v1:<keyId>:<iv>:<tag>:<ciphertext>`, base64url parts), so keys can rotate: the first key
 * seals, every listed key opens.
 */
export class SecretCipher {
  private readonly byId: Map<string, Buffer>;

  constructor(private readonly keys: SecretKey[]) {
    if (keys.length === 0) throw new Error('SecretCipher needs at least one key');
    this.byId = new Map(keys.map(({ id, key }) => [id, key]));
  }

  seal(plaintext: string): string {
    const { id, key } = this.keys[0];
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    cipher.setAAD(Buffer.from(id));
    const data = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return [VERSION, id, iv, cipher.getAuthTag(), data]
      .map((part) => (typeof part === 'string' ? part : part.toString('base64url')))
      .join(':');
  }

  open(envelope: string): string {
    const [version, id, iv, tag, data] = envelope.split(':');
    if (version !== VERSION || data === undefined) throw new Error('not a sealed secret');
    const key = this.byId.get(id);
    if (!key) throw new Error(`secret sealed with key "${id}", which SECRETS_KEYS no longer lists`);
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
    decipher.setAAD(Buffer.from(id));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString(
      'utf8',
    );
  }

  /** True when the envelope was sealed with an older key and should be re-sealed. */
  needsRotation(envelope: string): boolean {
    return envelope.split(':')[1] !== this.keys[0].id;
  }
}
