import type { ProviderId } from '../../domain/provider.ts';

/**
 * The one place a provider's callback URL is built, for the admin registration mutation, the
 * adapters (per-order hook URLs) and the route that receives them: `<PUBLIC_URL>/webhooks/<id>`,
 * plus `/<token>` for providers that sign nothing (docs/architecture.md, "Webhooks").
 */
export function callbackUrl(publicUrl: string | undefined, provider: ProviderId, pathToken?: string): string | null {
  if (!publicUrl) return null;
  const base = publicUrl.endsWith('/') ? publicUrl : `${publicUrl}/`;
  return new URL(`webhooks/${provider.toLowerCase()}${pathToken ? `/${encodeURIComponent(pathToken)}` : ''}`, base).toString();
}

/** The route's pattern: provider slug, optional path token. */
export const CALLBACK_PATH = /^\/webhooks\/([a-z0-9]+)(?:\/([A-Za-z0-9_-]{16,128}))?$/;
