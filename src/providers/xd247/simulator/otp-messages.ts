import { randomInt } from 'node:crypto';

// Code lengths and wordings modelled on the Thai SMS each platform sends; the code always appears verbatim.
const TEMPLATES: Record<string, { length: number; text: (code: string) => string }> = {
  shopee: { length: 6, text: (c) => `[Shopee] รหัสยืนยันของคุณคือ ${c} ห้ามบอกรหัสนี้กับผู้อื่นเด็ดขาด` },
  line: { length: 6, text: (c) => `รหัสยืนยันตัวตนสำหรับ LINE: ${c} ห้ามเปิดเผยรหัสนี้กับผู้อื่น` },
  fb: { length: 6, text: (c) => `${c} คือรหัสยืนยัน Facebook ของคุณ` },
  wa: { length: 6, text: (c) => `รหัส WhatsApp ของคุณ: ${c} อย่าแชร์รหัสนี้กับผู้อื่น` },
  tg: { length: 5, text: (c) => `Telegram code: ${c}. Do not give this code to anyone, even if they say they are from Telegram!` },
  tiktok: { length: 6, text: (c) => `[TikTok] ${c} คือรหัสยืนยันของคุณ มีอายุ 5 นาที` },
  grab: { length: 6, text: (c) => `<#> รหัส Grab ของคุณคือ ${c} รหัสนี้จะหมดอายุใน 5 นาที` },
  lazada: { length: 6, text: (c) => `[Lazada] รหัส OTP ของคุณคือ ${c} ห้ามแจ้งรหัสนี้แก่ผู้อื่น` },
  lineman: { length: 4, text: (c) => `LINE MAN: รหัสยืนยันของคุณคือ ${c}` },
  go: { length: 6, text: (c) => `G-${c} คือรหัสยืนยันของ Google` },
  truemoney: { length: 6, text: (c) => `TrueMoney: รหัส OTP ${c} (Ref: ${String(randomInt(1000, 10000))}) ห้ามบอกรหัสนี้แก่ผู้ใด` },
};

/** A random code of the platform's usual length and the SMS that carries it. */
export function randomOtp(platformCode: string): { code: string; text: string } {
  const length = TEMPLATES[platformCode]?.length ?? 6;
  const code = String(randomInt(10 ** (length - 1), 10 ** length));
  return { code, text: otpText(platformCode, code) };
}

/** The SMS text for a code chosen by the caller. */
export function otpText(platformCode: string, code: string): string {
  return TEMPLATES[platformCode]?.text(code) ?? `รหัส OTP ของคุณคือ ${code}`;
}
