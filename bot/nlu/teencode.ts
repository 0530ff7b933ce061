/**
 * Abbreviations and teencode (domain.md §3.0). Context-free entries live in the table; the few that depend on
 * their neighbours (dk, cn, v, p, e) are decided in {@link resolveInContext}.
 */

export const TEENCODE: Readonly<Record<string, string>> = {
  dvk: 'dan van kheo',
  ctdv: 'cong tac dan van',
  bdv: 'ban dan van',
  mh: 'mo hinh',
  dc: 'duoc',
  dcj: 'duoc',
  duoc: 'duoc',
  dky: 'dang ky',
  dki: 'dang ky',
  ko: 'khong',
  k: 'khong',
  kh: 'khong',
  hok: 'khong',
  khum: 'khong',
  kg: 'khong',
  hem: 'khong',
  j: 'gi',
  bn: 'bao nhieu',
  bnh: 'bao nhieu',
  ntn: 'nhu the nao',
  bh: 'bay gio',
  bjo: 'bay gio',
  bgio: 'bay gio',
  hnay: 'hom nay',
  trc: 'truoc',
  z: 'vay',
  r: 'roi',
  rui: 'roi',
  vs: 'voi',
  ng: 'nguoi',
  mn: 'moi nguoi',
  sdt: 'so dien thoai',
  dt: 'dien thoai',
  tk: 'tai khoan',
  bc: 'bao cao',
  tb: 'thong bao',
  tdp: 'to dan pho',
  kp: 'khu pho',
  tp: 'thanh pho',
  q: 'quan',
  bik: 'biet',
  bit: 'biet',
  bjt: 'biet',
  wa: 'qua',
  qa: 'qua',
  tks: 'cam on',
  thks: 'cam on',
  thx: 'cam on',
  thanks: 'cam on',
  thank: 'cam on',
  oki: 'ok',
  oke: 'ok',
  okela: 'ok',
  okie: 'ok',
  ad: 'admin',
  t2: 'thu hai',
  t3: 'thu ba',
  t4: 'thu tu',
  t5: 'thu nam',
  t6: 'thu sau',
  t7: 'thu bay',
  cb: 'can bo',
  ktra: 'kiem tra',
  mk: 'minh',
  mik: 'minh',
  mjk: 'minh',
  ms: 'moi',
  cx: 'cung',
  cg: 'cung',
  lm: 'lam',
  vc: 'viec',
  tg: 'thoi gian',
  dvtn: 'doan vien thanh nien',
  ubnd: 'uy ban nhan dan',
  pccc: 'phong chay chua chay',
  antt: 'an ninh trat tu',
  anct: 'an ninh chinh tri',
  qpan: 'quoc phong an ninh',
  vhxh: 'van hoa xa hoi',
  cchc: 'cai cach hanh chinh',
  cds: 'chuyen doi so',
  cntt: 'cong nghe thong tin',
  knc: 'ky niem chuong',
  hcm: 'ho chi minh',
  tphcm: 'thanh pho ho chi minh',
  ok: 'ok',
};

/** Words that can follow "p"/"q" when those letters abbreviate phường/quận (a name or a number). */
const PLACE_AFTER = /^(\d+|[a-z]+)$/;

const DK_AS_DUOC_BEFORE = new Set(['khong', 'ko', 'k', 'chua', 'roi', 'r', 'nua', 'a', 'ha', 'ak']);
const DK_AS_DUOC_AFTER = new Set(['lam', 'xem', 'gui', 'nop', 'sua', 'duyet', 'nhan', 'biet', 'vao', 'co', 'ko', 'khong']);
const DK_AS_REGISTER_BEFORE = new Set(['mo', 'mh', 'nhan', 'tham', 'du', 'dien', 'giai', 'cong', 'guong', 'ho', 'thi', 'lai', 'moi', 'cho', 'o', 'the', 'nhu', 'ntn', 'tai', 'som', 'tre', 'muon', 'dvk']);
const HONG_AS_NOT_BEFORE = new Set(['biet', 'co', 'duoc', 'can', 'phai', 'muon', 'nhan', 'a', 'vay', 'ad', 'admin']);
const CN_AS_SUNDAY = new Set(['thu', 'bay', 'sang', 'chieu', 'toi', 'nay', 'sau', 'toi', 'tuan', 'ngay', 'le', 't7', 'va', 'hom']);

/**
 * Decide the context-dependent abbreviations. `prev`/`next` are already-expanded neighbouring words.
 * Returns null when the word is not one of them.
 */
export function resolveInContext(word: string, prev: string | undefined, next: string | undefined): string | null {
  switch (word) {
    case 'dk':
    case 'đk': {
      // "dk mh" = đăng ký; "lam dk ko" = làm được không. Default to đăng ký: it is the domain's main verb.
      if (next && DK_AS_REGISTER_BEFORE.has(next)) return 'dang ky';
      if (next === undefined || DK_AS_DUOC_BEFORE.has(next)) {
        if (prev && DK_AS_DUOC_AFTER.has(prev)) return 'duoc';
        if (prev && (prev === 'han' || prev === 'huy')) return 'dang ky';
        return prev === undefined ? 'dang ky' : next === undefined ? 'dang ky' : 'duoc';
      }
      if (prev && DK_AS_DUOC_AFTER.has(prev)) return 'duoc';
      return 'dang ky';
    }
    case 'cn':
      // "t7 cn", "cn nay" = chủ nhật; "mh cn", "tap the hay cn" = cá nhân (glossary abbreviation).
      if ((prev && CN_AS_SUNDAY.has(prev)) || (next && CN_AS_SUNDAY.has(next))) return 'chu nhat';
      return 'ca nhan';
    case 'v':
      return next === undefined ? 'vay' : 'va';
    case 'e':
      return 'em';
    case 'p':
      return next && PLACE_AFTER.test(next) ? 'phuong' : 'p';
    case 'hong':
      // "hông" = không, but "Hồng Hà" is a ward: only read it as a negation at the end or before a verb.
      return next === undefined || HONG_AS_NOT_BEFORE.has(next) ? 'khong' : 'hong';
    case 'hum':
      return next === 'nay' || next === 'qua' || next === 'kia' ? 'hom' : 'hum';
    default:
      return null;
  }
}
