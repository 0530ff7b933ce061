/**
 * English keyword rules for the intents residents and cadres use most (issue 16), written from
 * shared/docs/intents.md like the Vietnamese ones. English words reach the rules unfolded (see english.ts).
 */
import type { NluRole } from './labels.js';
import type { Rule } from './intent-rules.js';

const STAFF: readonly NluRole[] = ['staff'];
const EVENT = '(festival|festivals|contest|contests|event|events|ceremony|celebrations?|round)';
const r = (s: string) => new RegExp(s);

export const ENGLISH_RULES: readonly Rule[] = [
  { label: 'event.query', re: r(`\\b(when|where)\\b.*\\b${EVENT}\\b|\\b(any|upcoming|next) (\\w+ ){0,2}${EVENT}\\b|\\b${EVENT} (in|on|near|this|next|happening|coming)\\b|\\bhappening in\\b|\\bplanned for\\b`), weight: 3 },
  { label: 'event.detail', re: r(`\\b(what time|venue|parking|start|starts|end|ends|attend|invited)\\b`), weight: 3 },
  { label: 'subscribe', re: r(`\\b(notify|notified|subscribe|sign me up|keep me posted|alert me|remind me|updates|send me|receive news|reminders before)\\b`), weight: 3.5 },
  { label: 'unsubscribe', re: r(`\\b(unsubscribe|stop (sending|messaging|notifications|notifying)|no more messages|don t want|turn off|anymore)\\b`), weight: 5.5 },
  { label: 'subscribe', re: r(`\\b(unsubscribe|stop|no more|don t want|turn off|anymore)\\b`), weight: -5 },
  { label: 'model.register', re: r(`\\b(register|sign up|submit|enter|registering)\\b (\\w+ ){0,3}(model|solution|exemplar|initiative|work)\\b|\\bregistration form\\b|\\b(where|how) (do|can) (i|we) (register|sign up)\\b`), weight: 3.5 },
  { label: 'model.status', re: r(`\\b(status|approved|recognised yet|recognized yet|returned|any update|stand|look up code|application now)\\b`), weight: 3.5 },
  { label: 'model.edit', re: r(`\\b(change|update|fix|correct)\\b (\\w+ ){0,3}(date|contact|number|phone|title|field|name|email)\\b|\\btypo\\b`), weight: 4.5 },
  { label: 'model.withdraw', re: r(`\\b(withdraw|cancel)\\b (\\w+ ){0,2}(registration|application|model)\\b`), weight: 5.5 },
  { label: 'deadline.query', re: r(`\\b(deadline|due|days left)\\b`), weight: 4.5 },
  { label: 'info.criteria', re: r(`\\b(criteria|evidence|need to be recognised|requirements)\\b`), weight: 3.5 },
  { label: 'info.definition', re: r(`\\b(what does .* mean|difference between|what is a)\\b`), weight: 3 },
  { label: 'info.award', re: r(`\\b(awards?|certificate of merit|prize)\\b`), weight: 3 },
  { label: 'info.calendar', re: r(`\\b(15 october|october 15|\\d{1,2}/\\d{1,2})\\b.*\\b(mean|about|special|celebrated|why)\\b|\\bwhy (do|does) (you|we|people) celebrate\\b|\\bmass mobilisation day\\b`), weight: 4.5 },
  { label: 'event.query', re: r(`\\b(mean|special|why)\\b`), weight: -2 },
  { label: 'info.process', re: r(`\\b(process|steps|every quarter|have to file|how does the review)\\b`), weight: 4 },
  { label: 'recognition.query', re: r(`\\bhow many (certificates|models|awards|exemplars)\\b|\\bwho was (honoured|honored|recognised|recognized)\\b|\\bwhich models were\\b`), weight: 5 },
  { label: 'unit.lookup', re: r(`\\bwhich (new )?ward\\b|\\bpart of now\\b|\\bin now\\b|\\breplaced\\b`), weight: 4.5 },
  { label: 'contest.info', re: r(`\\b(contest rules|per team|enter the contest|team enter)\\b`), weight: 4 },
  { label: 'account.link_help', re: r(`\\b(invite code|link my account|verify my)\\b`), weight: 5 },
  { label: 'greeting', re: r(`^(hi|hello|hey|good (morning|afternoon|evening))( (there|bot|admin|everyone))?$`), weight: 7 },
  { label: 'help', re: r(`\\bwhat can (you|i)\\b|\\bhow (do i use|does this work)\\b|\\bwhat do you do\\b|\\bshow me the menu\\b`), weight: 4.5 },
  { label: 'thanks', re: r(`\\b(thanks|thank)\\b`), weight: 6 },
  { label: 'handoff.human', re: r(`\\b(human|real person|officer|speak to|talk to)\\b`), weight: 4.5 },
  { label: 'out_of_scope', re: r(`\\b(weather|passport|electricity|joke|bill|noisy|bus)\\b`), weight: 4 },
  { label: 'unsubscribe', re: r(`^stop\\b|\\bno more\\b|\\bturn off\\b`), weight: 4 },
  { label: 'thanks', re: r(`^stop\\b`), weight: -6 },
  { label: 'help', re: r(`\\b(commands|what can this bot|i m new|new here)\\b`), weight: 4.5 },
  { label: 'handoff.human', re: r(`\\b(staff member|connect me)\\b`), weight: 4.5 },
  { label: 'deadline.query', re: r(`\\b(too late|last day|how long left)\\b`), weight: 4.5 },
  { label: 'info.process', re: r(`\\b(who reviews|required|quarterly|review the)\\b`), weight: 4 },
  { label: 'info.calendar', re: r(`\\b(holiday|what day is)\\b`), weight: 4 },
  { label: 'unit.lookup', re: r(`\\bcalled now\\b`), weight: 4.5 },
  { label: 'recognition.query', re: r(`\\b(honoured|honored|list of)\\b`), weight: 3.5 },
  { label: 'info.award', re: r(`\\b(medal|prize|prizes)\\b`), weight: 3.5 },
  { label: 'account.link_help', re: r(`\\brecogni[sz]e me\\b|\\bas a cadre\\b`), weight: 4.5 },
  { label: 'event.detail', re: r(`\\b(open to the public|how long|dress code)\\b`), weight: 3 },
  { label: 'staff.broadcast_create', re: r(`\\bannounce\\b`), weight: 4, roles: STAFF },
  { label: 'staff.broadcast_list', re: r(`\\bannouncements sent\\b`), weight: 5, roles: STAFF },
  { label: 'report.submit', re: r(`\\b(here is|submit|sending|attached)\\b (\\w+ ){0,3}report\\b`), weight: 4.5 },
  { label: 'model.edit', re: r(`\\bwrong (phone|date|name|email|title|number|contact)\\b`), weight: 4.5 },
  { label: 'model.withdraw', re: r(`\\btake back\\b`), weight: 5 },
  { label: 'info.criteria', re: r(`\\beligible\\b`), weight: 4 },
  { label: 'info.definition', re: r(`\\bwhat is a (model|solution|work|exemplar)\\b`), weight: 4 },
  { label: 'subscribe', re: r(`\\bnotify me\\b|\\bi want updates\\b`), weight: 2 },
  { label: 'subscribe', re: r(`\\b(tell me|let me know) when\\b`), weight: 4 },
  { label: 'event.query', re: r(`\\b(tell me|let me know) when\\b`), weight: -2 },
  { label: 'deadline.query', re: r(`\\bstill time\\b`), weight: 4.5 },
  { label: 'recognition.query', re: r(`\\bwho (received|got|won)\\b`), weight: 5 },
  { label: 'info.award', re: r(`\\bwho (received|got|won)\\b`), weight: -2 },
  { label: 'staff.broadcast_create', re: r(`\\b(send|broadcast) (\\w+ ){0,3}(announcement|message|date)\\b`), weight: 4, roles: STAFF },
  { label: 'staff.broadcast_list', re: r(`\\b(scheduled|sent) announcements\\b|\\blist (sent|scheduled)\\b`), weight: 5, roles: STAFF },
  { label: 'staff.reminder_create', re: r(`\\b(remind|reminder)\\b`), weight: 4, roles: STAFF },
  { label: 'staff.event_update', re: r(`\\b(move|cancel|change|postpone) the (festival|contest|ceremony|event)\\b|\\bvenue to\\b`), weight: 4, roles: STAFF },
];

/** English words showing the message is about the movement (the Vietnamese list is in intent-rules.ts). */
export const ENGLISH_DOMAIN =
  'festival|festivals|event|events|contest|ceremony|register|registration|model|commands|holiday|medal|prize|staff|called|notify|subscribe|unsubscribe|status|deadline|ward|award|awards|report|reminder|reminders|notifications|messages|invite|criteria|announcement|announcements|application';
