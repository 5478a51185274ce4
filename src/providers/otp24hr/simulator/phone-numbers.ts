import { randomInt } from 'node:crypto';

const digits = (n: number): string => Array.from({ length: n }, () => String(randomInt(10))).join('');
const pick = <T>(items: readonly T[]): T => items[randomInt(items.length)] as T;

// Mobile numbering plans per ISO code, written as the document writes phones: dial code + number, no `+` (`66611529033`).
const MOBILE_PLANS: Record<string, () => string> = {
  TH: () => `66${pick(['6', '8', '9'])}${digits(8)}`,
  ID: () => `628${pick(['11', '12', '13', '21', '22', '52', '53', '77', '78', '81', '82', '95', '96'])}${digits(8)}`,
  MY: () => `601${pick(['0', '2', '3', '4', '6', '7', '8', '9'])}${digits(7)}`,
  VN: () => `84${pick(['3', '5', '7', '8', '9'])}${digits(8)}`,
  PH: () => `639${pick(['05', '06', '15', '16', '17', '26', '27', '35', '45', '55', '56', '66', '75', '77', '95'])}${digits(7)}`,
};

/** A realistic mobile number of the country, digits only with the dial code. */
export function mobileNumber(iso: string, dialCode: string): string {
  const plan = MOBILE_PLANS[iso];
  return plan ? plan() : `${dialCode}${digits(9)}`;
}

// Code lengths the platforms really send.
const OTP_LENGTHS: Record<string, number> = { ka: 6, me: 4, fb: 6, wa: 6, tg: 5, lf: 6, jg: 4, dl: 6, go: 6, ig: 6, ni: 4 };

/** A random OTP code of the service's usual length. */
export function randomOtp(service: string): string {
  const length = OTP_LENGTHS[service] ?? 6;
  return String(randomInt(10 ** (length - 1), 10 ** length));
}
