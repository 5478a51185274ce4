import { randomInt } from 'node:crypto';

/** A Thai mobile number in the document's own local format: 10 digits, `0` then 6/8/9 (`0812345678`). */
export function thaiMobileNumber(): string {
  const rest = Array.from({ length: 8 }, () => String(randomInt(10))).join('');
  return `0${['6', '8', '9'][randomInt(3)]}${rest}`;
}
