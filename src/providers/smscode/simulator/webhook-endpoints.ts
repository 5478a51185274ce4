import { z } from 'zod';
import { ApiError, ok } from './api-errors.ts';
import { parseBody } from './endpoint-request.ts';
import type { EndpointHandler } from './endpoint-request.ts';
import { rfc3339 } from './timestamps.ts';
import { generateWebhookSecret } from './webhooks.ts';

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);
const WebhookPatch = z.object({
  webhook_url: z.string().max(2048).optional(),
  webhook_secret: z.string().max(256).optional(),
});

/** GET /webhook: the account's URL and secret (null when unset). */
export const getWebhook: EndpointHandler = ({ account }) => ok({ webhook_url: account.webhook.url, webhook_secret: account.webhook.secret });

/** PATCH /webhook: at least one field; HTTPS only; "" clears; a secret is generated when a URL is set without one. */
export const patchWebhook: EndpointHandler = (request) => {
  const patch = parseBody(WebhookPatch, request.json());
  if (patch.webhook_url === undefined && patch.webhook_secret === undefined) {
    throw new ApiError('VALIDATION_ERROR', 'At least one of webhook_url or webhook_secret is required');
  }
  const url = patch.webhook_url === undefined ? request.account.webhook.url : patch.webhook_url.trim() || null;
  if (url !== null) assertWebhookUrl(url, request.ctx.allowInsecureWebhookUrls);
  let secret = patch.webhook_secret === undefined ? request.account.webhook.secret : patch.webhook_secret || null;
  // "首次设置时自动生成": a URL never goes without a signing secret.
  if (url !== null && secret === null) secret = generateWebhookSecret();
  request.account.webhook = { url, secret };
  return ok({ webhook_url: url, webhook_secret: secret });
};

/** POST /webhook/test: sends a signed test event and answers the receiver's status code (null when unreachable). */
export const testWebhook: EndpointHandler = async ({ ctx, account }) => {
  const { url, secret } = account.webhook;
  if (url === null || secret === null) throw new ApiError('VALIDATION_ERROR', 'No webhook URL is configured');
  const payload = { event: 'webhook.test', timestamp: rfc3339(ctx.now()), data: { message: 'This is a test webhook from smscode.gg' } };
  const statusCode = await ctx.webhooks.post(url, secret, 'webhook.test', payload);
  return ok({ status_code: statusCode });
};

function assertWebhookUrl(raw: string, allowInsecureLoopback: boolean): void {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ApiError('VALIDATION_ERROR', 'webhook_url must be a valid URL');
  }
  if (url.protocol === 'https:') return;
  if (allowInsecureLoopback && url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname)) return;
  throw new ApiError('VALIDATION_ERROR', 'webhook_url must use HTTPS');
}
