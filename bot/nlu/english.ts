/**
 * English messages (issue 16: English is a supported reply language). Without this, "is" reads as Telex "í",
 * "of" as teencode "o", "these" as "the" — so an English message is recognised first and its English words are
 * passed through as they are; place names in it ("Hong Ha") are still folded like Vietnamese.
 */

/** Words that do not occur as unmarked Vietnamese syllables in chat: one of them marks a message as English. */
const ENGLISH_ONLY = new Set(
  ('the is are was were what when where which who why how please my me i i\'m you your our we us this that these ' +
    'there their it its any anything about events event festival festivals contest contests ceremony celebration ' +
    'register registration registered sign subscribe unsubscribe notify notifications notification reminder reminders ' +
    'remind status application approved recognised recognized model models solution ward district news updates ' +
    'update help thanks thank hello hey stop want would like can could do does did have has get got send show ' +
    'tell next week weekend month year today tomorrow october november date day deadline due report reports submit ' +
    'form criteria award awards certificate certificates rules team people person human officer talk speak ' +
    'withdraw cancel change move fix correct typo contact phone number start code check look where\'s what\'s ' +
    'don\'t anymore messages message alerts alert announcements announcement scheduled list set meeting ' +
    'mean meaning special celebrated celebrate happening planned upcoming coming soon near exactly venue parking ' +
    'time ends end attend invited guests only anyone with for from into of on in at by to be an a and or not no ' +
    'many much left file quarter every steps after verify invite account link works work joke weather bill pay ' +
    'renew passport honoured honored difference between need needs evidence attach signs who\'s don doesn isn t s m ll ve re commands new here called holiday medal commemorative prize public open last long dress staff member connect take back eligible wrong quarterly required reviews honoured exemplars late too go through recognise as cadre bus noisy neighbour airport times annual mid our club initiative union youth let know still received won announced')
    .split(' '),
);
/** Of the words above, these are also common unmarked Vietnamese ("me" mẹ, "to" tổ, "do" đó, "can" cần…). */
const AMBIGUOUS = new Set(['the', 'me', 'to', 'do', 'can', 'an', 'a', 'i', 'in', 'on', 'at', 'be', 'no', 'by', 'or', 'set', 'ban', 't', 's', 'm', 've', 're', 'll']);

/** True when at least two words are English and one of them cannot be Vietnamese. */
export function looksEnglish(lowerTokens: readonly string[]): boolean {
  let english = 0;
  let strong = 0;
  for (const t of lowerTokens) {
    if (!ENGLISH_ONLY.has(t)) continue;
    english++;
    if (!AMBIGUOUS.has(t)) strong++;
  }
  return strong >= 1 && english >= 2 && english * 2 >= lowerTokens.length;
}

export function isEnglishWord(lowerToken: string): boolean {
  return ENGLISH_ONLY.has(lowerToken);
}
