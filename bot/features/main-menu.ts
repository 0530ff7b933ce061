import type { ChatIdentity } from '../core/identity.js';
import { isStaffRole } from '../core/identity.js';
import type { OutboundButton } from '../core/outbound-message.js';
import type { ReplyKit } from '../conversation/reply-kit.js';

/** Menu entries per audience; values are stable ids the features answer to. */
const MENU: Record<'resident' | 'cadre' | 'staff', Array<{ key: string; value: string }>> = {
  resident: [
    { key: 'menu-events', value: 'menu:events' },
    { key: 'menu-subscribe', value: 'menu:subscribe' },
    { key: 'menu-models', value: 'menu:models' },
    { key: 'menu-human', value: 'menu:human' },
  ],
  cadre: [
    { key: 'menu-register', value: 'menu:register' },
    { key: 'menu-status', value: 'menu:status' },
    { key: 'menu-report', value: 'menu:report' },
    { key: 'menu-events', value: 'menu:events' },
  ],
  staff: [
    { key: 'menu-review', value: 'menu:review' },
    { key: 'menu-broadcast', value: 'menu:broadcast' },
    { key: 'menu-reminder', value: 'menu:reminder' },
    { key: 'menu-events', value: 'menu:events' },
  ],
};

export function menuAudience(user: ChatIdentity): 'resident' | 'cadre' | 'staff' {
  if (user.role === 'cadre') return 'cadre';
  return isStaffRole(user.role) ? 'staff' : 'resident';
}

export function mainMenuButtons(user: ChatIdentity, kit: ReplyKit): OutboundButton[] {
  return MENU[menuAudience(user)].map((entry) => kit.button(entry.key, entry.value));
}

/** The label key of a menu value, so a chosen entry can be named back to the user. */
export function menuLabelKey(value: string): string | null {
  for (const entries of Object.values(MENU)) {
    const found = entries.find((entry) => entry.value === value);
    if (found) return found.key;
  }
  return null;
}
