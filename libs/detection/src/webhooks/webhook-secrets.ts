import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { SettingsRepository } from '@vigil/persistence';

const VERSION = 'v1';
const KEY_SETTING = 'webhook-secret-encryption-key';

/**
 * Webhook signing secrets at rest: AES-256-GCM under a key derived (HKDF-SHA256) from a random server secret kept in
 * settings, so a copy of the webhooks table alone reveals no secret. A hash would not do: the worker must sign with
 * the secret itself. The webhook id is the associated data, so a ciphertext copied onto another webhook does not open.
 */
@Injectable()
export class WebhookSecrets {
  private key: Promise<Buffer> | null = null;

  constructor(private readonly settings: SettingsRepository) {}

  /** A new signing secret, shown to the admin once. */
  generate(): string {
    return `whsec_${randomBytes(32).toString('base64url')}`;
  }

  async seal(secret: string, webhookId: string): Promise<string> {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', await this.currentKey(), iv);
    cipher.setAAD(Buffer.from(webhookId));
    const ciphertext = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
    return [VERSION, ...[iv, cipher.getAuthTag(), ciphertext].map((part) => part.toString('base64url'))].join('.');
  }

  async open(sealed: string, webhookId: string): Promise<string> {
    const [version, iv, tag, ciphertext] = sealed.split('.');
    if (version !== VERSION || !iv || !tag || ciphertext === undefined) throw new Error('Not a sealed webhook secret');
    const decipher = createDecipheriv('aes-256-gcm', await this.currentKey(), Buffer.from(iv, 'base64url'));
    decipher.setAAD(Buffer.from(webhookId));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]).toString('utf8');
  }

  private currentKey(): Promise<Buffer> {
    // The first process to ask stores the server secret; every other process reads the same one.
    this.key ??= this.settings.getOrInit(KEY_SETTING, randomBytes(32).toString('base64url')).then((serverSecret) =>
      Buffer.from(hkdfSync('sha256', Buffer.from(serverSecret, 'base64url'), Buffer.alloc(0), 'vigil webhook secret v1', 32)),
    );
    this.key.catch(() => (this.key = null));
    return this.key;
  }
}
