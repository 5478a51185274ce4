/** A country in the sms-activate numbering the document uses (52 = Thailand). */
export interface SeedCountry {
  /** sms-activate country number. */
  id: number;
  /** ISO 3166-1 alpha-2, for realistic phone numbers. */
  iso: string;
  /** Dial code without `+`, as phones are written (`66611529033`). */
  dialCode: string;
  name: string;
}

/** A service (sms-activate service code) with the name the document's example writes in capitals. */
export interface SeedService {
  code: string;
  name: string;
}

/** One service offered in one country: price (THB decimal string, markup included) and numbers in stock. */
export interface SeedOffer {
  service: string;
  country: number;
  priceThb: string;
  stock: number;
}

export const SEED_COUNTRIES: readonly SeedCountry[] = [
  { id: 52, iso: 'TH', dialCode: '66', name: 'Thailand' },
  { id: 6, iso: 'ID', dialCode: '62', name: 'Indonesia' },
  { id: 7, iso: 'MY', dialCode: '60', name: 'Malaysia' },
  { id: 10, iso: 'VN', dialCode: '84', name: 'Vietnam' },
  { id: 4, iso: 'PH', dialCode: '63', name: 'Philippines' },
];

// sms-activate service codes: ka Shopee (the document's example), me LINE, lf TikTok, jg Grab, dl Lazada, ni Gojek.
export const SEED_SERVICES: readonly SeedService[] = [
  { code: 'ka', name: 'SHOPEE' },
  { code: 'me', name: 'LINE' },
  { code: 'fb', name: 'FACEBOOK' },
  { code: 'wa', name: 'WHATSAPP' },
  { code: 'tg', name: 'TELEGRAM' },
  { code: 'lf', name: 'TIKTOK' },
  { code: 'jg', name: 'GRAB' },
  { code: 'dl', name: 'LAZADA' },
  { code: 'go', name: 'GOOGLE' },
  { code: 'ig', name: 'INSTAGRAM' },
  { code: 'ni', name: 'GOJEK' },
];

const offer = (service: string, country: number, priceThb: string, stock: number): SeedOffer => ({ service, country, priceThb, stock });

// Thailand has 10 services, as the document's services example counts; Shopee TH is the example's 15.00.
export const SEED_OFFERS: readonly SeedOffer[] = [
  offer('ka', 52, '15.00', 412),
  offer('me', 52, '12.00', 230),
  offer('fb', 52, '10.50', 318),
  offer('wa', 52, '25.00', 96),
  offer('tg', 52, '30.00', 75),
  offer('lf', 52, '8.75', 540),
  offer('jg', 52, '12.50', 188),
  offer('dl', 52, '9.00', 265),
  offer('go', 52, '7.25', 620),
  offer('ig', 52, '6.50', 350),
  offer('ka', 6, '6.00', 800),
  offer('wa', 6, '18.00', 420),
  offer('tg', 6, '22.00', 150),
  offer('fb', 6, '5.50', 610),
  offer('lf', 6, '4.75', 700),
  offer('ni', 6, '7.00', 260),
  offer('jg', 6, '6.50', 210),
  offer('ka', 7, '9.00', 140),
  offer('wa', 7, '28.00', 60),
  offer('jg', 7, '8.00', 95),
  offer('fb', 7, '7.50', 180),
  offer('ka', 10, '5.00', 300),
  offer('fb', 10, '4.50', 500),
  offer('tg', 10, '14.00', 120),
  offer('ka', 4, '7.00', 220),
  offer('fb', 4, '5.00', 410),
  offer('wa', 4, '20.00', 90),
  offer('lf', 4, '4.25', 330),
];
