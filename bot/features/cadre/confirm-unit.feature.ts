import type { Feature } from '../../conversation/turn.js';
import type { Translator } from '../../i18n/translator.js';
import { cadreTools } from './cadre-flow-state.js';

/** Button values on the staff notification: `rebind:ok:<cadreId>` / `rebind:no:<cadreId>`. */
const REBIND = /^rebind:(ok|no):(.+)$/;

/**
 * After the 2025 mergers a cadre of an abolished unit picks the successor unit and
 * their roles are suspended (link-account.flow.ts). A reviewer or admin whose scope
 * covers that unit confirms it here — roles move to the new unit and resume — or
 * turns it down. The cadre is told either way.
 */
export function createConfirmUnitFeature(deps: { translator: Translator }): Feature {
  return {
    name: 'cadre-confirm-unit',
    async handle(turn) {
      const match = turn.choice ? REBIND.exec(turn.choice) : null;
      if (!match) return null;
      const tools = cadreTools(turn, deps.translator);
      if (!tools) return null;
      const approve = match[1] === 'ok';
      const result = await tools.api.linking.decideSuccessorUnit(turn.user.userId, match[2]!, approve, turn.now);
      if (!result.ok) return { replies: [tools.kit.message(result.reason === 'not_allowed' ? 'rebind-not-allowed' : 'rebind-nothing-pending')] };
      const { cadre } = result;
      await tools.api.notifications.notifyCadre(cadre.cadreId, (locale) => ({
        text: deps.translator.t(locale, approve ? 'rebind-cadre-confirmed' : 'rebind-cadre-declined', { unit: cadre.unitName }),
      }));
      return { replies: [tools.kit.message(approve ? 'rebind-staff-confirmed' : 'rebind-staff-declined', { name: cadre.fullName, unit: cadre.unitName })] };
    },
  };
}
