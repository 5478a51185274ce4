import { describe, expect, it } from 'vitest';
import { parseJsonExact } from '../../../src/providers/shared/json-amounts.ts';
import { signP2wBody } from '../../../src/providers/p2w/signature.ts';
import {
  CallbackPayload,
  CreateOrderBody,
  CreateOrderResponse,
  ERROR_STATUS,
  ErrorResponse,
  GetOrderResponse,
  isSucceeded,
  OrderStatus,
} from '../../../src/providers/p2w/wire.ts';

// The document's examples, verbatim.
const CREATE_BODY = `{
    "refID": "{vendor_referenceID}",
    "packageID": "ROLTH_A01_P001",
    "topupInfo": {
        "gameid": "user_game_id",
        "server": "1"
    },
    "hookURL": "https://vendor-server.com/callback"
}`;
const CREATED = `{
  "success": true,
  "statusCode": 201,
  "code": "ORDER_CREATED",
  "data": {
    "orderID": "{p2w_orderID}",
    "refID": "{vendor_referenceID}",
    "status": "pending",
    "packageID": "ROLTH_A01_P001",
    "topupInfo": {
        "gameid": "user_game_id",
        "server": "1"
    },
    "createdAt":"2026-03-21T21:05:39.790Z"
  },
  "timestamp": "2026-03-16T10:00:00Z"
}`;
const REF_ID_EXISTS = `{
    "success": false,
    "statusCode": 400,
    "code": "REF_ID_EXISTS",
    "message": "refID already exists",
    "timestamp": "2026-03-22T05:42:20.429Z"
}`;
const GOT = `{
    "success": true,
    "statusCode": 200,
    "code": "OK",
    "data": {
        "orderID": "{p2w_orderID}",
        "refID": "{vendor_referenceID}",
        "status": "successed",
        "packageID": "ROLTH_A01_P001",
        "topupInfo": {
            "gameid": "user_game_id",
            "server": "1"
        },
        "reason": "",
        "createdAt": "2026-03-21T21:05:39.790Z"
    },
    "timestamp": "2026-03-16T10:05:00Z"
}`;
const CALLBACK = `{
  "orderID": "{p2w_orderID}",
  "refID": "{vendor_referenceID}",
  "status": "successed",
  "balance": 1000,
  "reason": ""
}`;

describe('wire schemas read the document examples', () => {
  it('POST /orders body', () => {
    expect(CreateOrderBody.parse(JSON.parse(CREATE_BODY))).toEqual({
      refID: '{vendor_referenceID}',
      packageID: 'ROLTH_A01_P001',
      topupInfo: { gameid: 'user_game_id', server: '1' },
      hookURL: 'https://vendor-server.com/callback',
    });
    const { hookURL: _omitted, ...withoutHook } = JSON.parse(CREATE_BODY) as Record<string, unknown>;
    expect(CreateOrderBody.safeParse(withoutHook).success).toBe(true);
  });

  it('201 ORDER_CREATED, 200 OK, 400 REF_ID_EXISTS', () => {
    expect(CreateOrderResponse.parse(parseJsonExact(CREATED)).data.status).toBe('pending');
    const got = GetOrderResponse.parse(parseJsonExact(GOT));
    expect(got.data).toMatchObject({ status: 'successed', reason: '' });
    expect(isSucceeded(got.data.status)).toBe(true);
    expect(ErrorResponse.parse(parseJsonExact(REF_ID_EXISTS))).toMatchObject({ success: false, statusCode: 400, code: 'REF_ID_EXISTS' });
    // A success envelope is not an error one and vice versa.
    expect(ErrorResponse.safeParse(parseJsonExact(CREATED)).success).toBe(false);
    expect(GetOrderResponse.safeParse(parseJsonExact(CREATED)).success).toBe(false);
  });

  it('the callback payload, balance read exactly', () => {
    expect(CallbackPayload.parse(parseJsonExact(CALLBACK))).toEqual({
      orderID: '{p2w_orderID}',
      refID: '{vendor_referenceID}',
      status: 'successed',
      balance: '1000',
      reason: '',
    });
    const fractional = CALLBACK.replace('1000', '1234567890123.45');
    expect(CallbackPayload.parse(parseJsonExact(fractional)).balance).toBe('1234567890123.45');
  });

  it('both success spellings, the table statuses, and the error table', () => {
    expect(OrderStatus.options).toEqual(['pending', 'processing', 'succeeded', 'successed', 'failed']);
    expect(isSucceeded('succeeded')).toBe(true);
    expect(isSucceeded('processing')).toBe(false);
    expect(OrderStatus.safeParse('success').success).toBe(false);
    expect(ERROR_STATUS).toEqual({
      REF_ID_EXISTS: 400,
      MISSING_FIELD: 400,
      INSUFFICIENT_BALANCE: 400,
      ORDER_NOT_FOUND: 404,
      FORBIDDEN: 403,
      INTERNAL_SERVER_ERROR: 500,
    });
  });
});

describe('signP2wBody (the assumed x-signature scheme)', () => {
  it('is lowercase hex HMAC-SHA256 of the raw body with the secret', () => {
    // RFC 4231-style well-known vector.
    expect(signP2wBody('The quick brown fox jumps over the lazy dog', 'key')).toBe('f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8');
    expect(signP2wBody(Buffer.from('The quick brown fox jumps over the lazy dog'), 'key')).toBe('f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8');
    expect(signP2wBody('', 'sandbox-p2w-secret')).toMatch(/^[0-9a-f]{64}$/);
  });
});
