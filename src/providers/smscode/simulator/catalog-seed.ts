/** A country as `/catalog/countries` lists it. */
export interface SeedCountry {
  id: number;
  code: string;
  name: string;
  dial_code: string;
  emoji: string;
}

/** A platform as `/catalog/services` lists it. */
export interface SeedPlatform {
  id: number;
  code: string;
  name: string;
  /** Whether the platform honours `/orders/resend` (not documented per platform: simulator choice). */
  supportsResend: boolean;
}

/** One provider offer: a volatile product `id` under a stable `catalog_product_id`. */
export interface SeedOffer {
  id: number;
  provider: string;
  available: number;
  price: number;
}

/** One stable catalog product (one country × platform pair) and its live offers. */
export interface SeedCatalogProduct {
  catalogProductId: number;
  countryId: number;
  platformId: number;
  offers: SeedOffer[];
}

// Country ids follow the sms-activate numbering, which matches the document's Indonesia = 6.
/** Countries of the sandbox catalog. */
export const SEED_COUNTRIES: readonly SeedCountry[] = [
  { id: 4, code: 'PH', name: 'Philippines', dial_code: '+63', emoji: '🇵🇭' },
  { id: 6, code: 'ID', name: 'Indonesia', dial_code: '+62', emoji: '🇮🇩' },
  { id: 7, code: 'MY', name: 'Malaysia', dial_code: '+60', emoji: '🇲🇾' },
  { id: 10, code: 'VN', name: 'Vietnam', dial_code: '+84', emoji: '🇻🇳' },
  { id: 52, code: 'TH', name: 'Thailand', dial_code: '+66', emoji: '🇹🇭' },
  { id: 187, code: 'US', name: 'United States', dial_code: '+1', emoji: '🇺🇸' },
];

/** Platforms (services) of the sandbox catalog; WhatsApp is id 3 / `wa` as in the document. */
export const SEED_PLATFORMS: readonly SeedPlatform[] = [
  { id: 3, code: 'wa', name: 'WhatsApp', supportsResend: true },
  { id: 4, code: 'tg', name: 'Telegram', supportsResend: true },
  { id: 5, code: 'fb', name: 'Facebook', supportsResend: false },
  { id: 6, code: 'go', name: 'Google', supportsResend: true },
  { id: 7, code: 'shopee', name: 'Shopee', supportsResend: false },
  { id: 8, code: 'line', name: 'LINE', supportsResend: false },
  { id: 9, code: 'tiktok', name: 'TikTok', supportsResend: false },
];

/** Catalog products with 1–3 offers each; 87 / 142 is the document's "WhatsApp Indonesia" example. */
export const SEED_CATALOG: readonly SeedCatalogProduct[] = [
  // Indonesia
  { catalogProductId: 87, countryId: 6, platformId: 3, offers: [
    { id: 142, provider: 'prov_a', available: 42, price: 15000 },
    { id: 143, provider: 'prov_b', available: 7, price: 15000 },
    { id: 144, provider: 'prov_c', available: 120, price: 16500 },
  ] },
  { catalogProductId: 88, countryId: 6, platformId: 4, offers: [
    { id: 145, provider: 'prov_a', available: 65, price: 9000 },
    { id: 146, provider: 'prov_c', available: 230, price: 9500 },
  ] },
  { catalogProductId: 89, countryId: 6, platformId: 5, offers: [
    { id: 147, provider: 'prov_b', available: 310, price: 4000 },
  ] },
  { catalogProductId: 90, countryId: 6, platformId: 6, offers: [
    { id: 148, provider: 'prov_a', available: 88, price: 5000 },
    { id: 149, provider: 'prov_b', available: 14, price: 4500 },
  ] },
  { catalogProductId: 91, countryId: 6, platformId: 7, offers: [
    { id: 150, provider: 'prov_a', available: 540, price: 3500 },
    { id: 151, provider: 'prov_b', available: 120, price: 3200 },
    { id: 152, provider: 'prov_c', available: 0, price: 2900 },
  ] },
  { catalogProductId: 92, countryId: 6, platformId: 8, offers: [
    { id: 153, provider: 'prov_c', available: 25, price: 6000 },
  ] },
  { catalogProductId: 93, countryId: 6, platformId: 9, offers: [
    { id: 154, provider: 'prov_a', available: 410, price: 3000 },
    { id: 155, provider: 'prov_b', available: 95, price: 3300 },
  ] },
  // Thailand
  { catalogProductId: 101, countryId: 52, platformId: 3, offers: [
    { id: 201, provider: 'prov_a', available: 18, price: 22000 },
    { id: 202, provider: 'prov_c', available: 40, price: 23500 },
  ] },
  { catalogProductId: 102, countryId: 52, platformId: 8, offers: [
    { id: 203, provider: 'prov_b', available: 75, price: 8000 },
  ] },
  { catalogProductId: 103, countryId: 52, platformId: 7, offers: [
    { id: 204, provider: 'prov_a', available: 150, price: 5000 },
    { id: 205, provider: 'prov_b', available: 60, price: 5200 },
  ] },
  { catalogProductId: 104, countryId: 52, platformId: 5, offers: [
    { id: 206, provider: 'prov_c', available: 90, price: 6000 },
  ] },
  // Vietnam
  { catalogProductId: 111, countryId: 10, platformId: 3, offers: [
    { id: 211, provider: 'prov_b', available: 33, price: 12000 },
  ] },
  { catalogProductId: 112, countryId: 10, platformId: 5, offers: [
    { id: 212, provider: 'prov_a', available: 210, price: 5000 },
    { id: 213, provider: 'prov_c', available: 45, price: 4800 },
  ] },
  // Philippines
  { catalogProductId: 121, countryId: 4, platformId: 3, offers: [
    { id: 221, provider: 'prov_a', available: 27, price: 18000 },
  ] },
  { catalogProductId: 122, countryId: 4, platformId: 4, offers: [
    { id: 222, provider: 'prov_b', available: 52, price: 12000 },
    { id: 223, provider: 'prov_c', available: 11, price: 11500 },
  ] },
  // Malaysia
  { catalogProductId: 131, countryId: 7, platformId: 3, offers: [
    { id: 231, provider: 'prov_a', available: 20, price: 20000 },
  ] },
  { catalogProductId: 132, countryId: 7, platformId: 7, offers: [
    { id: 232, provider: 'prov_b', available: 140, price: 6000 },
  ] },
  // United States
  { catalogProductId: 135, countryId: 187, platformId: 3, offers: [
    { id: 241, provider: 'prov_a', available: 12, price: 30000 },
    { id: 242, provider: 'prov_c', available: 30, price: 32000 },
  ] },
  { catalogProductId: 136, countryId: 187, platformId: 4, offers: [
    { id: 243, provider: 'prov_b', available: 16, price: 25000 },
  ] },
  { catalogProductId: 137, countryId: 187, platformId: 6, offers: [
    { id: 244, provider: 'prov_a', available: 64, price: 20000 },
    { id: 245, provider: 'prov_b', available: 8, price: 19000 },
  ] },
];
