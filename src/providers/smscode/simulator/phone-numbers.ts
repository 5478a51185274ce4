import { randomInt } from 'node:crypto';

const digits = (n: number): string => Array.from({ length: n }, () => String(randomInt(10))).join('');
const pick = <T>(items: readonly T[]): T => items[randomInt(items.length)] as T;

// Mobile numbering plans per ISO code, in E.164; unknown countries fall back to dial code + 10 digits.
const MOBILE_PLANS: Record<string, () => string> = {
  ID: () => `+628${pick(['11', '12', '13', '21', '22', '52', '53', '55', '56', '57', '58', '77', '78', '81', '82', '95', '96', '97', '98'])}${digits(8)}`,
  TH: () => `+66${pick(['6', '8', '9'])}${digits(8)}`,
  VN: () => `+84${pick(['3', '5', '7', '8', '9'])}${digits(8)}`,
  PH: () => `+639${pick(['05', '06', '15', '16', '17', '26', '27', '35', '45', '55', '56', '66', '75', '77', '95', '96', '97'])}${digits(7)}`,
  MY: () => `+601${pick(['0', '2', '3', '4', '6', '7', '8', '9'])}${digits(7)}`,
  US: () => `+1${randomInt(2, 10)}${digits(2)}${randomInt(2, 10)}${digits(6)}`,
};

/** A realistic E.164 mobile number for the country (`+6281234567890` for Indonesia). */
export function mobileNumber(countryCode: string, dialCode: string): string {
  const plan = MOBILE_PLANS[countryCode];
  return plan ? plan() : `${dialCode}${digits(10)}`;
}
