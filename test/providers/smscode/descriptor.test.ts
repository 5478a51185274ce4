import { afterEach, describe, expect, it } from 'vitest';
import { ProviderSettingsError } from '../../../src/providers/descriptor.ts';
import type { ProviderDeps, SandboxProvider } from '../../../src/providers/descriptor.ts';
import { smscode } from '../../../src/providers/smscode/index.ts';
import type { SmscodeSettings } from '../../../src/providers/smscode/index.ts';
import { createLogger } from '../../../src/logging/logger.ts';

const deps: ProviderDeps = { logger: createLogger('silent'), callbackUrl: () => null };

describe('smscode descriptor', () => {
  it('names its variables, and which of them are secrets', () => {
    expect(smscode).toMatchObject({ id: 'SMSCODE', name: 'smscode.gg' });
    expect([...smscode.variables].sort()).toEqual(['SMSCODE_API_TOKEN', 'SMSCODE_BASE_URL', 'SMSCODE_WEBHOOK_SECRET']);
    expect([...smscode.secretVariables].sort()).toEqual(['SMSCODE_API_TOKEN', 'SMSCODE_WEBHOOK_SECRET']);
  });

  describe('settings(env)', () => {
    it('null without SMSCODE_API_TOKEN (blank counts as unset), even with the other variables set', () => {
      expect(smscode.settings({})).toBeNull();
      expect(smscode.settings({ SMSCODE_API_TOKEN: '   ' })).toBeNull();
      expect(smscode.settings({ SMSCODE_BASE_URL: 'https://example.test/v1', SMSCODE_WEBHOOK_SECRET: 'whsec' })).toBeNull();
    });

    it('parsed with a token: the production v1 URL by default, no webhook secret unless set', () => {
      expect(smscode.settings({ SMSCODE_API_TOKEN: ' sk_live_1 ' })).toEqual({
        apiToken: 'sk_live_1',
        baseUrl: 'https://api.smscode.gg/v1',
        webhookSecret: undefined,
      });
      expect(
        smscode.settings({ SMSCODE_API_TOKEN: 'sk_live_1', SMSCODE_BASE_URL: 'http://127.0.0.1:4010/v1/', SMSCODE_WEBHOOK_SECRET: 'whsec_1' }),
      ).toEqual({ apiToken: 'sk_live_1', baseUrl: 'http://127.0.0.1:4010/v1', webhookSecret: 'whsec_1' });
    });

    it('a bad SMSCODE_BASE_URL names the variable and never echoes the token', () => {
      for (const bad of ['not a url', 'ftp://api.smscode.gg/v1']) {
        const error = (() => {
          try {
            return smscode.settings({ SMSCODE_API_TOKEN: 'sk_live_secret_9', SMSCODE_BASE_URL: bad });
          } catch (e) {
            return e;
          }
        })();
        expect(error).toBeInstanceOf(ProviderSettingsError);
        expect((error as Error).message).toContain('SMSCODE_BASE_URL');
        expect((error as Error).message).not.toContain('sk_live_secret_9');
      }
    });
  });

  describe('sandbox()', () => {
    let sandbox: SandboxProvider<SmscodeSettings> | null = null;

    afterEach(async () => {
      await sandbox?.simulator.stop();
      sandbox = null;
    });

    it('starts a simulator the created adapter can buy from, with a webhook secret and order ids from the run id', async () => {
      sandbox = await smscode.sandbox({ resultDelayMs: { minDelayMs: 60_000, maxDelayMs: 60_000 }, runId: 7 });
      expect(sandbox.settings.baseUrl).toBe(sandbox.simulator.baseUrl);
      expect(sandbox.settings.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v1$/);
      expect(sandbox.settings.webhookSecret).toMatch(/^[0-9a-f]{64}$/);

      const adapter = smscode.create(sandbox.settings, deps);
      expect(adapter).toMatchObject({ id: 'SMSCODE', currency: 'IDR' });
      const offer = (await adapter.offers()).find((o) => o.available !== 0);
      expect(offer).toBeDefined();
      const order = await adapter.place({
        offerRef: offer!.providerRef,
        intent: { kind: 'OTP_NUMBER', policy: 'CHEAPEST' },
        maxPrice: null,
        reference: 'sandbox-order-1',
        callbackUrl: null,
      });
      expect(order.status).toBe('ACTIVE');
      expect(Number(order.providerRef)).toBeGreaterThan(70);
      expect(sandbox.simulator.ledger).toEqual([expect.objectContaining({ kind: 'charge', orderRef: order.providerRef })]);

      // The demo hook delivers an SMS the adapter then reads.
      await sandbox.controls.deliverOtp!(order.providerRef, '135790');
      const found = await adapter.lookup({
        kind: 'OTP_NUMBER',
        reference: 'sandbox-order-1',
        providerRef: order.providerRef,
        offerRef: offer!.providerRef,
        intent: { kind: 'OTP_NUMBER', policy: 'CHEAPEST' },
        maxPrice: null,
        price: order.price,
        providerData: {},
        createdAt: new Date(),
      });
      expect(found).toMatchObject({ outcome: 'found', snapshot: { status: 'OTP_RECEIVED', otp: { message: { code: '135790' } } } });
    });
  });
});
