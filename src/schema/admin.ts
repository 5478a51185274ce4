import { UnsupportedError, ValidationError } from '../domain/errors.ts';
import { callbackUrl } from '../providers/shared/callback-url.ts';
import { builder } from './builder.ts';
import { ProviderIdEnum } from './provider-enums.ts';
import { ORDER_ACTION_ERRORS } from './errors.ts';

const WebhookRegistrationRef = builder.objectRef<{ provider: string; url: string; testStatusCode: number | null }>('WebhookRegistration').implement({
  description: 'A webhook URL registered with a provider (the shared secret is never returned).',
  fields: (t) => ({
    provider: t.string({ description: 'Provider id.', resolve: (r) => r.provider }),
    url: t.string({ description: 'The URL the provider will push to.', resolve: (r) => r.url }),
    testStatusCode: t.int({ nullable: true, description: "HTTP status this gateway answered to the provider's test event, when one was sent.", resolve: (r) => r.testStatusCode }),
  }),
});

builder.mutationFields((t) => ({
  registerProviderWebhook: t.field({
    authScopes: { ADMIN: true },
    type: WebhookRegistrationRef,
    description: 'ADMIN: registers PUBLIC_URL/webhooks/<provider> with the provider, optionally sending its test event.',
    errors: { types: ORDER_ACTION_ERRORS, dataField: { name: 'registration', description: 'What was registered.' } },
    args: {
      provider: t.arg({ type: ProviderIdEnum, required: true, description: 'Which provider.' }),
      sendTest: t.arg.boolean({ defaultValue: false, description: 'Also ask the provider to send its test event.' }),
    },
    resolve: async (_root, args, ctx) => {
      if (!ctx.viewer.isAdmin) throw new ValidationError('Only the admin client may register webhooks', 'provider');
      const adapter = ctx.services.providers.require(args.provider);
      if (!adapter.webhook?.register) throw new UnsupportedError(adapter.id, 'webhook registration through its API', adapter.name);
      const url = callbackUrl(ctx.services.config.PUBLIC_URL, adapter.id, adapter.webhook.pathToken);
      if (!url) throw new ValidationError('PUBLIC_URL is not set, so there is no URL to register', 'provider');
      await adapter.webhook.register(url);
      const testStatusCode = args.sendTest && adapter.webhook.sendTest ? (await adapter.webhook.sendTest()).statusCode : null;
      return { provider: adapter.id, url, testStatusCode };
    },
  }),
}));
