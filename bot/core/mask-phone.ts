/**
 * Personal data rule: phone numbers never appear in full in replies or logs.
 * Vietnamese mobiles are 0 or +84 followed by 3/5/7/8/9 and eight digits, often
 * typed with spaces, dots or dashes.
 */
const PHONE_PATTERN = /(?<![\d+])(?:\+?84|0)[\s.-]?[35789](?:[\s.-]?\d){8}(?!\d)/g;

/** "0912 345 678" → "09xx xxx 678"; "+84912345678" → "+849x xxx 678". */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/[^\d+]/g, '');
  const head = digits.startsWith('+') ? digits.slice(0, 4) : digits.slice(0, 2);
  const tail = digits.slice(-3);
  return `${head}xx xxx ${tail}`;
}

/** Masks every phone number found inside free text. */
export function maskPhonesInText(text: string): string {
  return text.replace(PHONE_PATTERN, (match) => maskPhone(match));
}
