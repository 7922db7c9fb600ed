import { createHmac } from 'node:crypto';

/**
 * `sha256=<hex HMAC-SHA256 of "<timestamp>.<raw body>">`. The timestamp is inside the signed text, so a receiver that
 * refuses old timestamps also refuses a replayed delivery.
 */
export function webhookSignature(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}
