/** Registration codes: "DVK-2026-CN-017", typed lower-case or spaced ("dvk 2026 cn 17"); tokenize joins them. */
const CODE = /\bdvk-(\d{4})-([a-z]{1,4})-(\d{1,4})\b/;

export function extractCode(text: string): string | undefined {
  const m = CODE.exec(text);
  if (!m) return undefined;
  const [, year = '', unit = '', seq = ''] = m;
  return `DVK-${year}-${unit.toUpperCase()}-${seq.padStart(3, '0')}`;
}
