import type { Feature } from '../../conversation/turn.js';
import type { FeatureDeps } from '../feature-deps.js';
import { createLinkAccountFlow } from './link-account.flow.js';
import { createModelStatusFeature } from './model-status.feature.js';
import { createRegisterModelFlow } from './register-model.flow.js';
import { createReviewActionsFlow } from './review-actions.flow.js';
import { createReviewQueueFeature } from './review-queue.feature.js';
import { createReviseModelFlow } from './revise-model.flow.js';
import { createSubmitReportFlow } from './submit-report.flow.js';
import { createWithdrawModelFlow } from './withdraw-model.flow.js';
import { createConfirmUnitFeature } from './confirm-unit.feature.js';
import { createStaleSummaryButtonFeature } from './stale-summary-button.feature.js';

/**
 * Cadre, reviewer and approver features, in the order they are tried: linking first
 * (an unlinked account is asked for its code; a cadre of an abolished unit picks the
 * successor), then the flows, and the status lookup last so that a bare code left
 * over after the other features is read as "look this one up".
 */
export function createCadreFeatures(deps: FeatureDeps): Feature[] {
  const register = createRegisterModelFlow(deps);
  return [
    // A staff member's tap on "confirm this cadre's new unit" answers that, whatever they were doing.
    createConfirmUnitFeature(deps),
    createLinkAccountFlow({ ...deps, startRegistration: register.start }),
    register,
    // After the flow: a summary button tapped once the registration was sent or cancelled.
    createStaleSummaryButtonFeature(deps),
    createReviseModelFlow(deps),
    createWithdrawModelFlow(deps),
    createSubmitReportFlow(deps),
    createReviewQueueFeature(deps),
    createReviewActionsFlow(deps),
    createModelStatusFeature(deps),
  ];
}
