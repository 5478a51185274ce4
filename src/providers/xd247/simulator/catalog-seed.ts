import { seedUuid } from './ids.ts';
import type { OtpServiceSeed, PremiumServiceSeed, SocialServiceSeed } from './public-types.ts';

// A Thai reseller's catalog as 247xd sells it: coin prices, stock per OTP price option and per premium app.
// Ids are stable UUIDs derived from the names (seedUuid), so a restarted sandbox keeps its catalog ids.

const otp = (code: string, name: string, options: Array<[key: string, name: string, price: string, stock: number]>): OtpServiceSeed => ({
  id: seedUuid(`otp:${code}`),
  code,
  name,
  priceOptions: options.map(([key, optionName, price, stock]) => ({ id: seedUuid(`otp:${code}:${key}`), name: optionName, price, stock })),
});

/** OTP services with their price options ("เบอร์ธรรมดา" standard numbers, "เบอร์คุณภาพสูง" numbers with a better success rate). */
export const SEED_OTP_SERVICES: readonly OtpServiceSeed[] = [
  otp('shopee', 'Shopee', [['standard', 'เบอร์ธรรมดา', '15.00', 120], ['premium', 'เบอร์คุณภาพสูง', '25.00', 35]]),
  otp('line', 'LINE', [['standard', 'เบอร์ธรรมดา', '12.00', 200], ['premium', 'เบอร์คุณภาพสูง', '20.00', 40]]),
  otp('fb', 'Facebook', [['standard', 'เบอร์ธรรมดา', '10.00', 300]]),
  otp('wa', 'WhatsApp', [['standard', 'เบอร์ธรรมดา', '18.00', 80]]),
  otp('tg', 'Telegram', [['standard', 'เบอร์ธรรมดา', '22.00', 60]]),
  otp('tiktok', 'TikTok', [['standard', 'เบอร์ธรรมดา', '9.00', 150]]),
  otp('grab', 'Grab', [['standard', 'เบอร์ธรรมดา', '14.00', 90]]),
  otp('lazada', 'Lazada', [['standard', 'เบอร์ธรรมดา', '11.00', 110]]),
  otp('lineman', 'LINE MAN', [['standard', 'เบอร์ธรรมดา', '13.00', 0]]),
  otp('go', 'Google / Gmail', [['standard', 'เบอร์ธรรมดา', '8.00', 250]]),
  otp('truemoney', 'TrueMoney Wallet', [['standard', 'เบอร์ธรรมดา', '16.50', 45]]),
];

const social = (
  key: string,
  name: string,
  platform: string,
  options: Array<[key: string, name: string, pricePer1000: string, min: number, max: number]>,
): SocialServiceSeed => ({
  id: seedUuid(`social:${key}`),
  name,
  platform,
  options: options.map(([optionKey, optionName, pricePer1000, minQuantity, maxQuantity]) => ({
    id: seedUuid(`social:${key}:${optionKey}`),
    name: optionName,
    pricePer1000,
    minQuantity,
    maxQuantity,
  })),
});

/** Social booster services; each option is priced per 1000 units (the document's example: 1000 for 50.00). */
export const SEED_SOCIAL_SERVICES: readonly SocialServiceSeed[] = [
  social('ig-followers', 'Instagram ผู้ติดตาม', 'Instagram', [
    ['global', 'ผู้ติดตามต่างชาติ (เร็ว)', '50.00', 100, 50_000],
    ['thai', 'ผู้ติดตามไทย (คนจริง)', '150.00', 100, 10_000],
  ]),
  social('ig-likes', 'Instagram ไลก์โพสต์', 'Instagram', [['global', 'ไลก์ต่างชาติ', '20.00', 50, 20_000]]),
  social('tiktok-followers', 'TikTok ผู้ติดตาม', 'TikTok', [
    ['global', 'ผู้ติดตามต่างชาติ (เร็ว)', '50.00', 100, 50_000],
    ['thai', 'ผู้ติดตามไทย (คนจริง)', '120.00', 100, 10_000],
  ]),
  social('tiktok-views', 'TikTok ยอดวิว', 'TikTok', [['views', 'ยอดวิววิดีโอ', '5.00', 1000, 1_000_000]]),
  social('fb-page-likes', 'Facebook ไลก์เพจ', 'Facebook', [['thai', 'ไลก์เพจไทย', '90.00', 100, 20_000]]),
  social('fb-post-likes', 'Facebook ไลก์โพสต์', 'Facebook', [['thai', 'ไลก์โพสต์ไทย', '37.50', 50, 10_000]]),
  social('yt-views', 'YouTube ยอดวิว', 'YouTube', [['views', 'ยอดวิว (รักษายอด 30 วัน)', '45.00', 500, 100_000]]),
  social('yt-subscribers', 'YouTube ผู้ติดตาม', 'YouTube', [['subs', 'ผู้ติดตามช่อง', '300.00', 100, 5000]]),
  social('shopee-followers', 'Shopee ผู้ติดตามร้าน', 'Shopee', [['thai', 'ผู้ติดตามร้านไทย', '80.00', 100, 5000]]),
];

const premium = (key: string, name: string, price: string, stock: number, durationDays = 30): PremiumServiceSeed => ({
  id: seedUuid(`premium:${key}`),
  name,
  price,
  stock,
  durationDays,
});

/** Premium app accounts sold with their credentials. */
export const SEED_PREMIUM_SERVICES: readonly PremiumServiceSeed[] = [
  premium('netflix', 'Netflix Premium 4K (1 จอ) 30 วัน', '99.00', 25),
  premium('youtube', 'YouTube Premium 30 วัน', '59.00', 40),
  premium('spotify', 'Spotify Premium 30 วัน', '49.00', 30),
  premium('disney', 'Disney+ Hotstar 30 วัน', '79.00', 15),
  premium('canva', 'Canva Pro 30 วัน', '39.00', 50),
  premium('chatgpt', 'ChatGPT Plus 30 วัน', '299.00', 5),
  premium('viu', 'VIU Premium 30 วัน', '29.00', 0),
  premium('iqiyi', 'iQIYI VIP 30 วัน', '45.00', 20),
  premium('wetv', 'WeTV VIP 30 วัน', '45.00', 10),
];
