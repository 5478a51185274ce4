import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { JsonValue } from '../domain/provider.ts';

const VERSION = 'v1';

/**
 * Seals what must never be stored or shown in clear (premium app credentials): AES-256-GCM with a
 * key from configuration, a fresh nonce per value, the order id bound in as associated data so a
 * sealed value cannot be moved to another order.
 */
export class CredentialsVault {
  readonly #key: Buffer;

  constructor(key: Buffer) {
    if (key.length !== 32) throw new RangeError('the credentials key must be 32 bytes');
    this.#key = key;
  }

  /** The key from CREDENTIALS_KEY (64 hex characters or base64 of 32 bytes). */
  static fromSetting(value: string): CredentialsVault {
    const key = /^[0-9a-f]{64}$/i.test(value) ? Buffer.from(value, 'hex') : Buffer.from(value, 'base64');
    return new CredentialsVault(key);
  }

  /** Sandbox: a key kept in a file of the data folder, made on first use, so sealed values survive restarts. */
  static fromKeyFile(path: string): CredentialsVault {
    if (!existsSync(path)) {
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, randomBytes(32).toString('hex'), { mode: 0o600 });
    }
    return CredentialsVault.fromSetting(readFileSync(path, 'utf8').trim());
  }

  seal(orderId: string, value: JsonValue): string {
    const nonce = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.#key, nonce);
    cipher.setAAD(Buffer.from(orderId));
    const sealed = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final()]);
    return [VERSION, nonce.toString('base64'), cipher.getAuthTag().toString('base64'), sealed.toString('base64')].join('.');
  }

  open(orderId: string, sealed: string): JsonValue {
    const [version, nonce, tag, data] = sealed.split('.');
    if (version !== VERSION || !nonce || !tag || !data) throw new Error('not a sealed value of this vault');
    const decipher = createDecipheriv('aes-256-gcm', this.#key, Buffer.from(nonce, 'base64'));
    decipher.setAAD(Buffer.from(orderId));
    decipher.setAuthTag(Buffer.from(tag, 'base64'));
    return JSON.parse(Buffer.concat([decipher.update(Buffer.from(data, 'base64')), decipher.final()]).toString('utf8')) as JsonValue;
  }
}
