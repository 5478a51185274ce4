import { createHmac } from 'node:crypto';

/**
 * The `x-signature` of a P2W request, and of a signed webhook.
 *
 * ASSUMPTION (docs/providers.md, "P2W signature"): the P2W document refers to an
 * Authentication page that is not part of it. Until the real scheme is known, the signature is the
 * lowercase hex HMAC-SHA256 of the exact raw request body, keyed with the partner secret; a GET has
 * no body and signs the empty string. The simulator verifies with this function and the gateway's
 * adapter signs with it, so the real scheme is a change to this one function only.
 */
export function signP2wBody(rawBody: string | Uint8Array, secret: string): string {
  return createHmac('sha256', secret).update(rawBody).digest('hex');
}
