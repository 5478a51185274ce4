import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { z } from 'zod';
import { amountText } from '../shared/json-amounts.ts';

// zod schemas of the easysoft TOPUP API V2, named as easysoft's API document (docs/providers.md, "easysoft") names things.
// Requests are form-encoded POST fields (all text) sent to ONE URL; answers are XML `<TOPUP>` documents.
// Answers are read with `parseTopupXml` (fast-xml-parser, every value kept as text so amounts stay exact),
// then with the schema of the function that was called: `topupAnswer(RefillResult)` and so on.

// ── networks ────────────────────────────────────────────────────────────

/** `network` หมายเลขเครือข่าย: the document's numbering, 1..7. */
export const NETWORKS = {
  1: 'AIS',
  2: 'DTAC',
  3: 'TRUE H',
  4: 'TOT 3G',
  5: 'MY by CAT',
  6: 'FEELS',
  7: 'PENGUIN',
} as const;
export type NetworkId = keyof typeof NETWORKS;
export const NETWORK_IDS = [1, 2, 3, 4, 5, 6, 7] as const satisfies readonly NetworkId[];

/** The element of the `online=1` answer that carries each network's status (`<TRUE>` for TRUE H, `<MY>` for MY by CAT…). */
export const NETWORK_STATUS_ELEMENT = {
  1: 'AIS',
  2: 'DTAC',
  3: 'TRUE',
  4: 'TOT',
  5: 'MY',
  6: 'FEELS',
  7: 'PENGUIN',
} as const satisfies Record<NetworkId, string>;
export type NetworkStatusElement = (typeof NETWORK_STATUS_ELEMENT)[NetworkId];

/** `network` as sent: the decimal text of 1..7. */
export const NetworkField = z.enum(['1', '2', '3', '4', '5', '6', '7']);

// ── request fields ──────────────────────────────────────────────────────

/** `mobile` ฟังชั่นการทำงาน: refill = เติมเงินมือถือ, update = ขอผลการเติมเงิน, return = ขอยกเลิกทำรายการ. */
export const MobileFunction = z.enum(['refill', 'update', 'return']);
export type MobileFunction = z.infer<typeof MobileFunction>;

/**
 * `number` หมายเลขโทรศัพท์: a Thai mobile number in national format, 10 digits starting 06, 08 or 09, as the
 * document's example `0824491794` (the document states no format; this is the Thai numbering plan for mobiles).
 */
export const ThaiMobileNumber = z.string().regex(/^0[689]\d{8}$/, 'a Thai mobile number such as 0824491794');

/** `cash` จำนวนเงิน: whole baht as decimal digits, as the example `cash=10` (no sign, no fraction, no leading zero). */
export const CashField = z.string().regex(/^[1-9]\d{0,5}$/, 'whole baht such as 10');

/** `orderid` รหัสทำรายการ: the order id the refill answer gave (ORDERID). */
export const OrderIdField = z.string().min(1).max(64);

const credentials = { username: z.string().min(1), password: z.string().min(1) };

/** `mobile=refill&username=…&password=…&network=2&number=0824491794&cash=10` (users, orderid optional). */
export const RefillRequest = z.object({
  mobile: z.literal('refill'),
  ...credentials,
  network: NetworkField,
  number: ThaiMobileNumber,
  cash: CashField,
  /** ชื่อผู้ส่ง (optional): the sender, e.g. a kiosk; the provider uses `username` when absent. */
  users: z.string().min(1).max(64).optional(),
  /** รหัสทำรายการ (optional on refill): the caller's own reference; a repeat with the same value is not charged twice. */
  orderid: OrderIdField.optional(),
});
export type RefillRequest = z.infer<typeof RefillRequest>;

/** `mobile=update&username=…&password=…&orderid=1234`. */
export const UpdateRequest = z.object({ mobile: z.literal('update'), ...credentials, orderid: OrderIdField });
export type UpdateRequest = z.infer<typeof UpdateRequest>;

/** `mobile=return&username=…&password=…&orderid=1234`. */
export const ReturnRequest = z.object({ mobile: z.literal('return'), ...credentials, orderid: OrderIdField });
export type ReturnRequest = z.infer<typeof ReturnRequest>;

/** `username=…&password=…&amount=1`: the balance (การตรวจสอบยอดคงเหลือ). */
export const BalanceRequest = z.object({ ...credentials, amount: z.literal('1') });
export type BalanceRequest = z.infer<typeof BalanceRequest>;

/** `username=…&password=…&online=1`: network status (การตรวจสอบสถานะเครือข่าย). */
export const OnlineRequest = z.object({ ...credentials, online: z.literal('1') });
export type OnlineRequest = z.infer<typeof OnlineRequest>;

/** The form body of a request, in the field order of the document's examples. */
export function encodeForm(fields: Readonly<Record<string, string | undefined>>): string {
  const form = new URLSearchParams();
  for (const [name, value] of Object.entries(fields)) if (value !== undefined) form.append(name, value);
  return form.toString();
}

// ── answers ─────────────────────────────────────────────────────────────

const parser = new XMLParser({
  // Every value stays the exact text of the element: `10.00` is not turned into the number 10.
  parseTagValue: false,
  parseAttributeValue: false,
  ignoreAttributes: true,
  ignoreDeclaration: true,
  trimValues: true,
});

/** The document an answer body holds could not be read as XML with a `<TOPUP>` root. */
export class TopupXmlError extends Error {
  override readonly name = 'TopupXmlError';
}

/**
 * Reads an answer body: validates it as XML (a truncated body is refused), parses it with every value kept as
 * text, and returns the children of `<TOPUP>` (then parse with `topupAnswer(…)`).
 */
export function parseTopupXml(body: string): Record<string, unknown> {
  const valid = XMLValidator.validate(body);
  if (valid !== true) throw new TopupXmlError(`answer is not well-formed XML: ${valid.err.msg}`);
  const document: unknown = parser.parse(body);
  const topup = typeof document === 'object' && document !== null ? (document as Record<string, unknown>).TOPUP : undefined;
  if (typeof topup !== 'object' || topup === null || Array.isArray(topup)) throw new TopupXmlError('answer has no <TOPUP> element');
  return topup as Record<string, unknown>;
}

/** An amount in THB as the answers carry it (decimal text, e.g. `9.70`), read exactly. */
export const ThbAmount = amountText;

/** A 0/1 flag of the answers (`STATUS`, `STATUS_REFILL`, `STATUS_CANCEL`, network states). */
export const Flag = z.enum(['0', '1']);

/** ข้อมูลไม่ถูกต้อง: `<STATUS>0</STATUS><DETAIL>รายละเอียดปัญหา</DETAIL>` (the same shape for every function). */
export const TopupFailure = z.object({ STATUS: z.literal('0'), DETAIL: z.string() });
export type TopupFailure = z.infer<typeof TopupFailure>;

/** refill, ข้อมูลถูกต้อง: `STATUS` 1, `ORDERID` รหัสทำรายการ, `DISCOUNT` ส่วนลด (THB off this refill). */
export const RefillResult = z.object({ STATUS: z.literal('1'), ORDERID: z.string().min(1), DISCOUNT: ThbAmount });
export type RefillResult = z.infer<typeof RefillResult>;

/**
 * update, ข้อมูลถูกต้อง: `AMOUNT` ยอดเงินคงเหลือ (balance now), `REALAMOUNT` ยอดหัก (deducted for the order),
 * `STATUS_REFILL` ผลการเติมสำเร็จ (1 = refilled), `STATUS_CANCEL` ผลการยกเลิกสำเร็จ (1 = cancelled and refunded).
 * The flags are read as text so that a value outside 0/1 reaches the adapter's status table unchanged.
 */
export const UpdateResult = z.object({
  STATUS: z.literal('1'),
  AMOUNT: ThbAmount,
  REALAMOUNT: ThbAmount,
  STATUS_REFILL: z.string(),
  STATUS_CANCEL: z.string(),
});
export type UpdateResult = z.infer<typeof UpdateResult>;

/** return, ข้อมูลถูกต้อง: `<STATUS>1</STATUS>` only (the cancel request was taken; the result comes by update/callback). */
export const ReturnResult = z.object({ STATUS: z.literal('1') });
export type ReturnResult = z.infer<typeof ReturnResult>;

/** amount=1, ข้อมูลถูกต้อง: `AMOUNT` ยอดเงินคงเหลือ. */
export const BalanceResult = z.object({ STATUS: z.literal('1'), AMOUNT: ThbAmount });
export type BalanceResult = z.infer<typeof BalanceResult>;

/** online=1, ข้อมูลถูกต้อง: one element per network, 0 = ปิด (closed), 1 = ใช้งาน (open). */
export const OnlineResult = z.object({
  STATUS: z.literal('1'),
  AIS: Flag,
  DTAC: Flag,
  TRUE: Flag,
  TOT: Flag,
  MY: Flag,
  FEELS: Flag,
  PENGUIN: Flag,
});
export type OnlineResult = z.infer<typeof OnlineResult>;

/** An answer of one function: its success shape or the failure shape, told apart by `STATUS`. */
export function topupAnswer<Success extends z.ZodObject<{ STATUS: z.ZodLiteral<'1'> }>>(success: Success) {
  return z.discriminatedUnion('STATUS', [success, TopupFailure]);
}

// ── result callback ─────────────────────────────────────────────────────

/**
 * The form POSTed to "URL ตอบกลับผลการเติมเงิน" when a result is out: orderid, status_refill, status_cancel,
 * realamount, detail (read it from `new URLSearchParams(body)` with Object.fromEntries). It carries no signature:
 * treat it as a hint and confirm with `mobile=update`.
 */
export const RefillCallback = z.object({
  orderid: z.string().min(1),
  status_refill: z.string(),
  status_cancel: z.string(),
  /** The same value as REALAMOUNT of update (see the simulator's notes on this field). */
  realamount: ThbAmount,
  detail: z.string(),
});
export type RefillCallback = z.infer<typeof RefillCallback>;
