import { Money } from '../../../src/domain/money.ts';
import { createP2wAdapter } from '../../../src/providers/p2w/adapter.ts';
import { signP2wBody } from '../../../src/providers/p2w/signature.ts';
import { createP2wSimulator, P2W_SANDBOX_PACKAGES } from '../../../src/providers/p2w/simulator.ts';
import { describeAdapterContract } from '../contract-suite.ts';
import { PARTNER, SECRET } from './sim-client.ts';

describeAdapterContract('p2w', async () => {
  const simulator = createP2wSimulator({ signWebhooks: true });
  await simulator.start();
  const adapter = createP2wAdapter({
    baseUrl: simulator.baseUrl,
    partnerId: PARTNER,
    secret: SECRET,
    packages: P2W_SANDBOX_PACKAGES.map((p) => ({ ...p, fields: [...p.fields] })),
  });
  return {
    adapter,
    simulator,
    buyable: async () => {
      const offer = (await adapter.offers()).find((o) => o.providerRef === 'ROLTH_A01_P001')!;
      return { offer, intent: { kind: 'GAME_TOPUP', topupInfo: { gameid: 'user_game_id', server: '1' } } };
    },
    faultEndpoint: { place: 'createOrder', lookup: 'getOrder' },
    unknownProviderRef: 'P2W999999999',
    // The document's only server error code; it names no rate-limit code.
    errorCodes: { unavailable: 'INTERNAL_SERVER_ERROR', internal: 'INTERNAL_SERVER_ERROR', rateLimited: 'TOO_MANY_REQUESTS' },
    webhook: {
      // The suite places without a callback URL, so the push is built as the simulator sends it (signed variant).
      async deliver(providerRef) {
        await simulator.advanceOrder(providerRef, 'succeeded');
        const order = simulator.order(providerRef)!;
        const balance = Money.of(simulator.balanceOf(), 'THB').toString();
        const rawBody = `{"orderID":"${order.orderID}","refID":"${order.refID}","status":"successed","balance":${balance},"reason":""}`;
        return {
          rawBody,
          headers: new Headers({ 'content-type': 'application/json', 'x-signature': signP2wBody(rawBody, SECRET) }),
          url: new URL('http://gateway.test/webhooks/p2w'),
        };
      },
    },
    teardown: () => simulator.stop(),
  };
});
