import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEasysoftSimulator, DETAIL } from '../../../src/providers/easysoft/simulator.ts';
import type { EasysoftSimulator } from '../../../src/providers/easysoft/simulator.ts';
import {
  BalanceRequest,
  BalanceResult,
  OnlineRequest,
  OnlineResult,
  parseTopupXml,
  RefillRequest,
  RefillResult,
  ReturnRequest,
  ReturnResult,
  topupAnswer,
  TopupFailure,
  TopupXmlError,
  UpdateRequest,
  UpdateResult,
} from '../../../src/providers/easysoft/wire.ts';
import { LOGIN, post, refill } from './sim-client.ts';

const T0 = Date.parse('2026-02-25T10:00:00Z');

let sim: EasysoftSimulator;

beforeEach(async () => {
  sim = createEasysoftSimulator({ now: () => T0 });
  await sim.start();
});

afterEach(async () => {
  await sim.stop();
});

const failureXml = (detail: string) => `<TOPUP>\n     <STATUS>0</STATUS>\n     <DETAIL>${detail}</DETAIL>\n</TOPUP>`;

describe('the one URL', () => {
  it('start() resolves the full API URL on loopback; the test URL answers the same protocol', async () => {
    expect(sim.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/topup\/api\/v2\.php$/);
    expect(await sim.start()).toBe(sim.baseUrl);
    const testUrl = sim.baseUrl.replace(/v2\.php$/, 'v2test.php');
    const answer = await post(sim, { amount: '1' }, { url: testUrl });
    expect(answer.topup).toEqual({ STATUS: '1', AMOUNT: '5000.00' });
  });

  it('other paths are 404 (no XML), and only POST carries a function', async () => {
    const other = await post(sim, { amount: '1' }, { url: sim.baseUrl.replace(/v2\.php$/, 'v3.php') });
    expect(other.status).toBe(404);
    expect(other.topup).toBeUndefined();
    const get = await post(sim, {}, { method: 'GET' });
    expect(get.status).toBe(200);
    expect(get.raw).toBe(failureXml(DETAIL.notPost));
  });

  it('answers XML as text/xml with HTTP 200, also for refusals', async () => {
    const ok = await post(sim, { amount: '1' });
    const refused = await post(sim, { amount: '1', password: 'nope' });
    for (const answer of [ok, refused]) {
      expect(answer.status).toBe(200);
      expect(answer.headers.get('content-type')).toBe('text/xml; charset=UTF-8');
    }
  });
});

describe('the document examples, byte for byte', () => {
  it('refill: mobile=refill&…&network=2&number=0824491794&cash=10 → STATUS, ORDERID, DISCOUNT', async () => {
    const answer = await post(sim, { mobile: 'refill', network: '2', number: '0824491794', cash: '10' });
    expect(answer.raw).toBe('<TOPUP>\n     <STATUS>1</STATUS>\n     <ORDERID>100001</ORDERID>\n     <DISCOUNT>0.35</DISCOUNT>\n</TOPUP>');
    const parsed = topupAnswer(RefillResult).parse(answer.topup);
    expect(parsed).toEqual({ STATUS: '1', ORDERID: '100001', DISCOUNT: '0.35' });
    expect(sim.balanceOf()).toBe('4990.35');
    expect(sim.ledger).toEqual([{ kind: 'charge', orderRef: '100001', amount: '9.65', at: T0 }]);
  });

  it('update: mobile=update&…&orderid=… → STATUS, AMOUNT, REALAMOUNT, STATUS_REFILL, STATUS_CANCEL', async () => {
    const orderid = await refill(sim);
    const answer = await post(sim, { mobile: 'update', orderid });
    expect(answer.raw).toBe(
      '<TOPUP>\n     <STATUS>1</STATUS>\n     <AMOUNT>4990.35</AMOUNT>\n     <REALAMOUNT>9.65</REALAMOUNT>\n     <STATUS_REFILL>0</STATUS_REFILL>\n     <STATUS_CANCEL>0</STATUS_CANCEL>\n</TOPUP>',
    );
    expect(topupAnswer(UpdateResult).parse(answer.topup)).toEqual({ STATUS: '1', AMOUNT: '4990.35', REALAMOUNT: '9.65', STATUS_REFILL: '0', STATUS_CANCEL: '0' });
  });

  it('return: mobile=return&…&orderid=… → STATUS only', async () => {
    const orderid = await refill(sim);
    const answer = await post(sim, { mobile: 'return', orderid });
    expect(answer.raw).toBe('<TOPUP>\n     <STATUS>1</STATUS>\n</TOPUP>');
    expect(topupAnswer(ReturnResult).parse(answer.topup)).toEqual({ STATUS: '1' });
  });

  it('balance: username=…&password=…&amount=1 → STATUS, AMOUNT', async () => {
    const answer = await post(sim, { amount: '1' });
    expect(answer.raw).toBe('<TOPUP>\n     <STATUS>1</STATUS>\n     <AMOUNT>5000.00</AMOUNT>\n</TOPUP>');
    expect(topupAnswer(BalanceResult).parse(answer.topup)).toEqual({ STATUS: '1', AMOUNT: '5000.00' });
  });

  it('network status: username=…&password=…&online=1 → one 0/1 element per network in the document order', async () => {
    sim.setNetworkOnline(3, false);
    const answer = await post(sim, { online: '1' });
    expect(answer.raw).toBe(
      '<TOPUP>\n     <STATUS>1</STATUS>\n     <AIS>1</AIS>\n     <DTAC>1</DTAC>\n     <TRUE>0</TRUE>\n     <TOT>1</TOT>\n     <MY>1</MY>\n     <FEELS>1</FEELS>\n     <PENGUIN>1</PENGUIN>\n</TOPUP>',
    );
    expect(topupAnswer(OnlineResult).parse(answer.topup)).toMatchObject({ TRUE: '0', AIS: '1', PENGUIN: '1' });
  });

  it('ข้อมูลไม่ถูกต้อง: STATUS 0 and DETAIL, readable by the failure schema of every function', async () => {
    const answer = await post(sim, { mobile: 'update', orderid: '42' });
    expect(answer.raw).toBe(failureXml(DETAIL.orderNotFound));
    expect(TopupFailure.parse(answer.topup)).toEqual({ STATUS: '0', DETAIL: DETAIL.orderNotFound });
    for (const schema of [RefillResult, UpdateResult, ReturnResult, BalanceResult, OnlineResult]) {
      expect(topupAnswer(schema).parse(answer.topup)).toEqual({ STATUS: '0', DETAIL: DETAIL.orderNotFound });
    }
  });
});

describe('username and password', () => {
  it('the configured login is accepted; a wrong or missing one is refused by every function, doing nothing', async () => {
    const orderid = await refill(sim);
    const calls = [
      { mobile: 'refill', network: '2', number: '0824491794', cash: '10' },
      { mobile: 'update', orderid },
      { mobile: 'return', orderid },
      { amount: '1' },
      { online: '1' },
    ];
    for (const call of calls) {
      for (const login of [{ password: 'wrong' }, { username: 'easysoft' }, { password: '' }]) {
        const answer = await post(sim, { ...call, ...login });
        expect(answer.raw).toBe(failureXml(DETAIL.badLogin));
      }
      const missing = await post(sim, call, { login: false });
      expect(missing.raw).toBe(failureXml(DETAIL.badLogin));
    }
    expect(sim.orderCount()).toBe(1);
    expect(sim.orderStatus(orderid)?.cancelRequested).toBe(false);
    expect(sim.ledger).toHaveLength(1);
  });

  it('credentials come from the options', async () => {
    const other = createEasysoftSimulator({ now: () => T0, credentials: { username: 'easysoft', password: '123456' } });
    await other.start();
    try {
      const theirs = await post(other, { amount: '1', username: 'easysoft', password: '123456' });
      expect(theirs.topup?.STATUS).toBe('1');
      const sandbox = await post(other, { amount: '1' });
      expect(sandbox.topup).toEqual({ STATUS: '0', DETAIL: DETAIL.badLogin });
    } finally {
      await other.stop();
    }
  });

  it('fields in a body that is not form-encoded are not read (as PHP $_POST)', async () => {
    const json = await post(sim, {}, { rawBody: JSON.stringify({ ...LOGIN, amount: '1' }), contentType: 'application/json' });
    expect(json.raw).toBe(failureXml(DETAIL.badLogin));
  });
});

describe('refill checks', () => {
  const base = { mobile: 'refill', network: '1', number: '0812345678', cash: '50' };

  it('network must be 1..7', async () => {
    for (const network of ['0', '8', 'ais', '1.0', '', ' 1']) {
      expect((await post(sim, { ...base, network })).topup, network).toEqual({ STATUS: '0', DETAIL: DETAIL.badNetwork });
    }
  });

  it('number must be a Thai mobile number in national form (10 digits, 06/08/09)', async () => {
    for (const number of ['824491794', '+66824491794', '66824491794', '0224491794', '08244917945', '082-449-1794', '0824491794 ', '']) {
      expect((await post(sim, { ...base, number })).topup, number).toEqual({ STATUS: '0', DETAIL: DETAIL.badNumber });
    }
    for (const number of ['0612345678', '0812345678', '0912345678']) expect((await post(sim, { ...base, number })).topup?.STATUS).toBe('1');
  });

  it('cash must be whole baht and one of the network face values', async () => {
    for (const cash of ['15', '10.00', '10.5', '0', '-10', '010', '1e2', 'ten', '', '1001']) {
      expect((await post(sim, { ...base, cash })).topup, cash).toEqual({ STATUS: '0', DETAIL: DETAIL.badCash });
    }
    // TOT 3G sells no 10 THB refill in the seed.
    expect((await post(sim, { ...base, network: '4', cash: '10' })).topup).toEqual({ STATUS: '0', DETAIL: DETAIL.badCash });
    expect((await post(sim, { ...base, network: '4', cash: '50' })).topup?.STATUS).toBe('1');
  });

  it('a closed network refuses refills', async () => {
    sim.setNetworkOnline(1, false);
    expect((await post(sim, base)).topup).toEqual({ STATUS: '0', DETAIL: DETAIL.networkClosed });
    sim.setNetworkOnline(1, true);
    expect((await post(sim, base)).topup?.STATUS).toBe('1');
  });

  it('a refill above the balance is refused; the exact balance is enough', async () => {
    sim.setBalance('48.49');
    expect((await post(sim, base)).topup).toEqual({ STATUS: '0', DETAIL: DETAIL.insufficientBalance });
    sim.setBalance('48.50');
    // AIS 3.00 % of 50 = 1.50 → 48.50 deducted.
    expect((await post(sim, base)).topup).toEqual({ STATUS: '1', ORDERID: '100001', DISCOUNT: '1.50' });
    expect(sim.balanceOf()).toBe('0.00');
  });

  it('refusals charge nothing and open no order', async () => {
    await post(sim, { ...base, network: '9' });
    await post(sim, { ...base, cash: '7' });
    expect(sim.orderCount()).toBe(0);
    expect(sim.ledger).toEqual([]);
    expect(sim.balanceOf()).toBe('5000.00');
  });

  it('users is optional: the username stands in for it', async () => {
    const plain = await refill(sim);
    const kiosk = await refill(sim, { users: 'kiosk-07' });
    expect(sim.orderStatus(plain)?.users).toBe('sandbox');
    expect(sim.orderStatus(kiosk)?.users).toBe('kiosk-07');
  });

  it('an orderid sent on refill is the caller reference: a repeat is answered again, charged once; other data under it is refused', async () => {
    const first = await post(sim, { ...base, orderid: 'sb-1' });
    const again = await post(sim, { ...base, orderid: 'sb-1' });
    expect(again.raw).toBe(first.raw);
    expect(sim.orderCount()).toBe(1);
    expect(sim.ledger).toHaveLength(1);
    const other = await post(sim, { ...base, cash: '100', orderid: 'sb-1' });
    expect(other.topup).toEqual({ STATUS: '0', DETAIL: DETAIL.duplicateOrderId });
    expect(sim.orderStatus(String(first.topup?.ORDERID))?.clientRef).toBe('sb-1');
  });

  it('discounts are exact decimals, rounded down to the satang', async () => {
    const custom = createEasysoftSimulator({ now: () => T0, networks: { 6: { discountPercent: '2.75' } }, initialBalance: '100.00' });
    await custom.start();
    try {
      const answer = await post(custom, { mobile: 'refill', network: '6', number: '0912345678', cash: '10' });
      expect(answer.topup).toMatchObject({ DISCOUNT: '0.27' });
      expect(custom.balanceOf()).toBe('90.27');
      expect(custom.ledger[0]?.amount).toBe('9.73');
    } finally {
      await custom.stop();
    }
  });
});

describe('functions and order ids', () => {
  it('an unknown mobile value or no function at all is refused', async () => {
    for (const fields of [{ mobile: 'topup' }, { mobile: 'REFILL' }, {}, { amount: '2' }, { online: '0' }]) {
      expect((await post(sim, fields)).topup).toEqual({ STATUS: '0', DETAIL: DETAIL.noFunction });
    }
  });

  it('update and return: a missing orderid and an unknown one are refused', async () => {
    for (const mobile of ['update', 'return']) {
      expect((await post(sim, { mobile })).topup).toEqual({ STATUS: '0', DETAIL: DETAIL.badOrderId });
      expect((await post(sim, { mobile, orderid: '999999' })).topup).toEqual({ STATUS: '0', DETAIL: DETAIL.orderNotFound });
    }
  });

  it('ORDERIDs count up from firstOrderId', async () => {
    const fresh = createEasysoftSimulator({ now: () => T0, firstOrderId: 7_000_000 });
    await fresh.start();
    try {
      expect([await refill(fresh), await refill(fresh)]).toEqual(['7000001', '7000002']);
    } finally {
      await fresh.stop();
    }
  });
});

describe('request schemas (wire.ts)', () => {
  const form = (body: string) => Object.fromEntries(new URLSearchParams(body));

  it('read the document example requests', () => {
    expect(RefillRequest.parse(form('mobile=refill&username=easysoft&password=123456&network=2&number=0824491794&cash=10'))).toEqual({
      mobile: 'refill', username: 'easysoft', password: '123456', network: '2', number: '0824491794', cash: '10',
    });
    expect(UpdateRequest.parse(form('mobile=update&username=easysoft&password=123456&orderid=1234')).orderid).toBe('1234');
    expect(ReturnRequest.parse(form('mobile=return&username=easysoft&password=123456&orderid=1234')).mobile).toBe('return');
    expect(BalanceRequest.parse(form('username=easysoft&password=123456&amount=1')).amount).toBe('1');
    expect(OnlineRequest.parse(form('username=easysoft&password=123456&online=1')).online).toBe('1');
  });

  it('refuse what the simulator refuses', () => {
    const example = form('mobile=refill&username=easysoft&password=123456&network=2&number=0824491794&cash=10');
    for (const bad of [{ network: '8' }, { number: '+66824491794' }, { cash: '10.00' }, { password: '' }]) {
      expect(RefillRequest.safeParse({ ...example, ...bad }).success, JSON.stringify(bad)).toBe(false);
    }
  });
});

describe('XML reading (wire.ts)', () => {
  it('keeps every value as its text and unescapes entities', () => {
    const topup = parseTopupXml('<TOPUP>\n     <STATUS>0</STATUS>\n     <DETAIL>a &amp; &lt;b&gt;</DETAIL>\n</TOPUP>');
    expect(topup).toEqual({ STATUS: '0', DETAIL: 'a & <b>' });
    expect(parseTopupXml('<TOPUP><STATUS>1</STATUS><AMOUNT>0100.10</AMOUNT></TOPUP>')).toEqual({ STATUS: '1', AMOUNT: '0100.10' });
  });

  it('refuses a truncated document and one without <TOPUP>', () => {
    expect(() => parseTopupXml('<TOPUP>\n     <STATUS>1</STA')).toThrow(TopupXmlError);
    expect(() => parseTopupXml('<RESULT><STATUS>1</STATUS></RESULT>')).toThrow(TopupXmlError);
    expect(() => parseTopupXml('')).toThrow(TopupXmlError);
  });
});
