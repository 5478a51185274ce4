import { createEasysoftAdapter } from '../../../src/providers/easysoft/adapter.ts';
import { createEasysoftSimulator, FAILED_CANCEL_MIN_MS, REFILL_RESULT_MIN_MS } from '../../../src/providers/easysoft/simulator.ts';
import { describeAdapterContract } from '../contract-suite.ts';
import { startReceiver } from './sim-client.ts';

/*
 * The shared adapter contract against the easysoft simulator, with the two behaviours its document
 * prescribes declared (adapter.test.ts covers them in detail):
 *  - lookupCanAnswerAbsent: false. The document's only failure answer is STATUS 0 with free text, the
 *    same for a bad login, a busy system or an unknown order, so easysoft can never say "no such order"
 *    definitely; a ref it never issued looks up as `unknown` (an ORDERID came from easysoft itself anyway).
 *  - cancelSettlesLater: true. `mobile=return` answers STATUS 1 only to say the request was taken; the
 *    cancel's result (a refund, or a refused reversal of a delivered refill) comes 1 min to 24 h later
 *    through update or the callback, so cancel answers ACTIVE with no refund, and update settles it.
 */
const LOGIN = { username: 'contract-user', password: 'contract-password-0042' };

describeAdapterContract('easysoft', async () => {
  const simulator = createEasysoftSimulator({ credentials: LOGIN });
  await simulator.start();
  const receiver = await startReceiver();
  simulator.setCallbackUrl(receiver.url);
  const adapter = createEasysoftAdapter({ url: simulator.baseUrl, ...LOGIN, callbackToken: 'contract_token_0123456789', timeouts: { read: 2000, write: 2000 } });
  return {
    adapter,
    simulator,
    async buyable() {
      const offer = (await adapter.offers()).find((o) => o.serviceKey === 'mobile:AIS')!;
      return { offer, intent: { kind: 'MOBILE_TOPUP', network: 'AIS', phoneNumber: '0812345678', amount: '50' } };
    },
    faultEndpoint: { place: 'refill', lookup: 'update' },
    lookupCanAnswerAbsent: false,
    cancelSettlesLater: true,
    // A refill returned before its result is stopped and refunded a minute later (the document's earliest).
    settleLater: () => simulator.advanceClock(FAILED_CANCEL_MIN_MS),
    webhook: {
      // The callback easysoft POSTs to the dashboard URL once the refill's result is out (10 s at the earliest).
      async deliver(providerRef) {
        const before = receiver.bodies.length;
        await simulator.completeRefill(providerRef, 'success');
        await simulator.advanceClock(REFILL_RESULT_MIN_MS);
        await simulator.settleDeliveries();
        const rawBody = receiver.bodies.slice(before).find((b) => new URLSearchParams(b).get('orderid') === providerRef)!;
        return { rawBody, headers: new Headers({ 'content-type': 'application/x-www-form-urlencoded' }), url: new URL('http://gateway.test/webhooks/easysoft/contract_token_0123456789') };
      },
    },
    async teardown() {
      await receiver.close();
      await simulator.stop();
    },
  };
});
