import { timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { signP2wBody } from '../signature.ts';
import { PARTNER_ID_HEADER, SIGNATURE_HEADER } from '../wire.ts';
import type { Partner, SimulatorContext } from './context.ts';
import { ApiError } from './envelopes.ts';

/** The partner named by `x-partner-id` whose `x-signature` matches the body; anything else is FORBIDDEN (403). */
export function authenticate(ctx: SimulatorContext, headers: IncomingHttpHeaders, method: string, rawBody: Buffer): Partner {
  const partnerId = headerValue(headers, PARTNER_ID_HEADER);
  const signature = headerValue(headers, SIGNATURE_HEADER);
  const partner = partnerId === undefined ? undefined : ctx.partners.get(partnerId);
  if (!partner || signature === undefined) throw new ApiError('FORBIDDEN', 'Missing or unknown x-partner-id or x-signature');
  // A GET has no body and signs the empty string, whatever bytes came with it.
  const expected = Buffer.from(signP2wBody(method === 'GET' ? '' : rawBody, partner.secret), 'utf8');
  const given = Buffer.from(signature, 'utf8');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    throw new ApiError('FORBIDDEN', 'Invalid x-signature');
  }
  return partner;
}

function headerValue(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return typeof value === 'string' && value !== '' ? value : undefined;
}
