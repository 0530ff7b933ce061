import type { Feature, Turn, TurnOutcome } from '../../conversation/turn.js';
import { createReplyKit, type ReplyKit } from '../../conversation/reply-kit.js';
import type { FeatureDeps } from '../feature-deps.js';
import { mainMenuButtons, menuAudience } from '../main-menu.js';
import { CHOICE, reply, residentStore, todayOf } from '../residents/resident-turn.js';
import { newContext } from '../residents/resident-context.js';
import { unitName } from '../residents/event-format.js';
import { parseBotCommand, WARD_PAYLOAD_PREFIX } from './bot-command.js';

/**
 * First contact: `/start` (and a follow, the Zalo OA "Nhắn tin" tap) greets by role
 * with the menu; `/start w_<unit>` pre-selects that ward and offers its notices;
 * `/help` shows the menu. An invite code after /start is the link flow's
 * (invite-deep-link.ts); /stop is unsubscribe's; /language is the language feature's.
 */
export function createStartCommandFeature(deps: FeatureDeps): Feature {
  function greet(turn: Turn, kit: ReplyKit, key?: string): TurnOutcome {
    return { replies: [kit.message(key ?? `greeting-${menuAudience(turn.user)}`, undefined, mainMenuButtons(turn.user, kit))] };
  }

  async function wardLink(turn: Turn, kit: ReplyKit, unitId: string): Promise<TurnOutcome> {
    const store = residentStore(turn);
    const resolution = store ? await store.places.resolveUnit(unitId, todayOf(turn)) : null;
    if (!resolution || resolution.kind !== 'current') return { replies: [kit.message('fc-start-ward-unknown')] };
    const unit = unitName(kit, resolution.unit);
    const greeting = kit.t(`greeting-${menuAudience(turn.user)}`).replace(/:$/, '.');
    // The ward becomes the one "in view": "đăng ký nhận tin" next subscribes to it.
    return reply(
      turn,
      [
        {
          text: `${greeting}\n${kit.t('fc-start-ward', { unit })}`,
          buttons: [
            kit.button('fc-btn-subscribe-ward', `${CHOICE.subscribe}${resolution.unit.id}`, { unit }),
            kit.button('fc-btn-events-ward', `${CHOICE.pick}${resolution.unit.id}`, { unit }),
          ],
        },
      ],
      newContext(turn.now, { unitIds: [resolution.unit.id] }),
    );
  }

  return {
    name: 'first-contact-start',
    async handle(turn) {
      const kit = createReplyKit(deps.translator, turn.user.locale);
      if (turn.event.kind === 'follow') return greet(turn, kit, 'follow-welcome');
      if (turn.event.kind !== 'text') return null;
      const command = parseBotCommand(turn.text);
      if (!command) return null;
      if (command.name === 'start') {
        if (command.args.startsWith(WARD_PAYLOAD_PREFIX)) return wardLink(turn, kit, command.args.slice(WARD_PAYLOAD_PREFIX.length));
        return greet(turn, kit);
      }
      if (command.name === 'help') return greet(turn, kit, 'help-intro');
      if (command.name === 'stop' || command.name === 'language') return null;
      return { replies: [kit.message('fc-unknown-command', { command: `/${command.name}` })] };
    },
  };
}
