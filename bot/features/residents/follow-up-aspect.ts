/** Which detail of an event a follow-up asks about (folded text in, one aspect out). */
export type DetailAspect = 'venue' | 'time' | 'registration' | 'parking' | 'audience' | 'all';

const ASPECTS: ReadonlyArray<readonly [DetailAspect, RegExp]> = [
  ['parking', /\b(gui xe|do xe|de xe|bai xe|dau xe|giu xe)\b|\bparking\b/],
  ['registration', /\b(co )?(can|phai) (dang ky|dang ki|dk|ve|giay moi)\b|\bdang (ky|ki) (tham du|tham gia|du)\b|\b(need|register|ticket)\b/],
  ['audience', /\b(ai (duoc|co the|cung) (den|du|tham gia|di))\b|\b(ai tham gia|tu do|cong khai|who can)\b/],
  ['venue', /\b(o dau|cho nao|dia diem|tai dau|noi nao|dia chi|where|venue)\b/],
  ['time', /\b(may gio|luc may gio|khi nao|bao gio|luc nao|ngay nao|gio nao|thoi gian|bat dau|ket thuc|what time|when)\b/],
  ['all', /\b(chi tiet|chuong trinh|thong tin them|xem them|details?)\b/],
];

/** Words that carry nothing once the aspect is found ("ở đâu vậy ạ", "ngày hội mấy giờ thế"). */
const FILLER = new Set(
  ('a ah o nhi ha vay the nhe nha oi ban ad admin bot em anh chi minh toi cho hoi xin cua su kien ngay hoi hoi thi do nay ' +
    'co khong ko k duoc nao la thi can phai it the ak ok oke cai bat dau to chuc dien ra gi truoc khi den luon san').split(' '),
);

export function detailAspect(foldedText: string): DetailAspect | null {
  for (const [aspect, pattern] of ASPECTS) if (pattern.test(foldedText)) return aspect;
  return null;
}

/**
 * True when the message is nothing but a detail question ("ở đâu vậy", "mấy giờ"): then it
 * refers to the event in view even if the NLU called it something else. "làm căn cước ở
 * đâu" keeps its own words and is not a follow-up.
 */
export function isBareDetailQuestion(foldedText: string): boolean {
  let rest = ` ${foldedText} `;
  for (const [, pattern] of ASPECTS) rest = rest.replace(new RegExp(pattern.source, 'g'), ' ');
  return rest.split(' ').filter((w) => w !== '' && !FILLER.has(w)).length === 0;
}
