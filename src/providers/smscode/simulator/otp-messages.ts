import { randomInt } from 'node:crypto';

// Lengths and wordings modelled on what each platform really sends; the code always appears verbatim.
const TEMPLATES: Record<string, { length: number; text: (code: string) => string }> = {
  wa: { length: 6, text: (c) => `Your WhatsApp code: ${c}. Don't share this code with others` },
  tg: { length: 5, text: (c) => `Telegram code: ${c}. Do not give this code to anyone, even if they say they are from Telegram!` },
  fb: { length: 6, text: (c) => `${c} is your Facebook confirmation code` },
  go: { length: 6, text: (c) => `G-${c} is your Google verification code.` },
  shopee: { length: 6, text: (c) => `[Shopee] Kode verifikasi Anda adalah ${c}. JANGAN BERIKAN kode ini kepada siapa pun.` },
  line: { length: 4, text: (c) => `[LINE] Your verification code is ${c}. Do not share this code with anyone.` },
  tiktok: { length: 6, text: (c) => `[TikTok] ${c} is your verification code, valid for 5 minutes.` },
};

/** A random 4–6 digit code and the SMS that carries it, in the platform's usual wording. */
export function randomOtp(platformCode: string): { code: string; message: string } {
  const template = TEMPLATES[platformCode];
  const length = template?.length ?? randomInt(4, 7);
  const code = String(randomInt(10 ** (length - 1), 10 ** length));
  return { code, message: template ? template.text(code) : `Your verification code is ${code}` };
}

/** The SMS text for a code chosen by the caller. */
export function otpMessage(platformCode: string, code: string): string {
  return TEMPLATES[platformCode]?.text(code) ?? `Your verification code is ${code}`;
}
