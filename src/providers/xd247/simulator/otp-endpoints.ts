import { ApiError, ok } from './api-errors.ts';
import type { ApiResponse } from './api-errors.ts';
import { addOrder, charge } from './context.ts';
import { coinJson } from './coins.ts';
import { isoTime, orderOf, parseBody } from './endpoint-request.ts';
import type { EndpointRequest } from './endpoint-request.ts';
import type { JsonValue } from '../../shared/simulator-kit/exact-json.ts';
import type { OtpOrder } from './orders.ts';
import { cancelOtpOrder, refundOtpOrder, scheduleAutoOtp } from './otp-lifecycle.ts';
import { thaiMobileNumber } from './phone-numbers.ts';
import { CreateOtpOrderRequest } from '../wire.ts';

/** GET /otp/services: every service with its price options and their stock. */
export function listOtpServices({ ctx }: EndpointRequest): ApiResponse {
  return ok(
    ctx.catalog.otpServices.map((s) => ({
      id: s.id,
      name: s.name,
      priceOptions: s.options.map((o) => ({ id: o.id, name: o.name, price: coinJson(o.price), stock: o.stock })),
    })),
  );
}

/** POST /otp/orders: rents a number for the chosen price option, charging its price (201). */
export function createOtpOrder(request: EndpointRequest): ApiResponse {
  const { ctx, account } = request;
  const body = parseBody(CreateOtpOrderRequest, request.json());
  const service = ctx.catalog.otpService(body.serviceId);
  if (!service) throw new ApiError('NOT_FOUND', 'ไม่พบบริการ OTP ที่ระบุ');
  const option = ctx.catalog.otpOption(body.priceOptionId);
  if (!option || option.serviceId !== service.id) throw new ApiError('NOT_FOUND', 'ไม่พบตัวเลือกราคาของบริการนี้');
  if (option.stock < 1) throw new ApiError('BAD_REQUEST', 'เบอร์หมดชั่วคราว กรุณาลองใหม่ภายหลัง');
  const id = ctx.nextOrderId();
  charge(ctx, account, id, option.price);
  option.stock -= 1;
  const now = ctx.now();
  const order: OtpOrder = {
    kind: 'otp',
    id,
    apiKey: account.apiKey,
    createdAt: now,
    price: option.price,
    refundAmount: null,
    serviceId: service.id,
    serviceCode: service.code,
    priceOptionId: option.id,
    phoneNumber: thaiMobileNumber(),
    expiresAt: now + ctx.otpLifetimeMs,
    status: 'waiting_sms',
    otpCode: null,
    smsText: null,
    receivedAt: null,
    cancelledAt: null,
    refundedAt: null,
  };
  addOrder(ctx, account, order);
  scheduleAutoOtp(ctx, order);
  return ok(
    { orderId: order.id, phoneNumber: order.phoneNumber, status: order.status, price: coinJson(order.price), expiresAt: isoTime(order.expiresAt) },
    201,
  );
}

/** GET /otp/orders/:orderId: status, and the OTP code once received. */
export function getOtpOrder(request: EndpointRequest): ApiResponse {
  return ok(otpOrderView(orderOf(request, 'otp')));
}

/** POST /otp/orders/:orderId/cancel. */
export function cancelOtp(request: EndpointRequest): ApiResponse {
  const order = orderOf(request, 'otp');
  cancelOtpOrder(request.ctx, order);
  return ok(otpOrderView(order));
}

/** POST /otp/orders/:orderId/refund. */
export function refundOtp(request: EndpointRequest): ApiResponse {
  const order = orderOf(request, 'otp');
  refundOtpOrder(request.ctx, order);
  return ok({ orderId: order.id, status: order.status, refundAmount: coinJson(order.price) });
}

/** An OTP order as GET shows it. */
export function otpOrderView(order: OtpOrder): JsonValue {
  return {
    orderId: order.id,
    serviceId: order.serviceId,
    priceOptionId: order.priceOptionId,
    phoneNumber: order.phoneNumber,
    status: order.status,
    price: coinJson(order.price),
    otpCode: order.otpCode,
    smsText: order.smsText,
    createdAt: isoTime(order.createdAt),
    expiresAt: isoTime(order.expiresAt),
    refundAmount: order.refundAmount === null ? null : coinJson(order.refundAmount),
  };
}
