import type { Feature } from '../../conversation/turn.js';
import type { FeatureDeps } from '../feature-deps.js';
import { createAttachmentInFlowFeature } from './attachment-in-flow.feature.js';
import { createEditedMessageFeature } from './edited-message.feature.js';
import { createGroupPrivacyFeature } from './group-privacy.feature.js';
import { createLanguageFeature } from './language.feature.js';
import { createLocationFeature } from './location.feature.js';
import { createStartCommandFeature } from './start-command.feature.js';

export { prepareTurn } from './prepare-turn.js';

/**
 * First contact and the edges real users hit first, tried before the cadre and
 * resident features: edits, personal requests in groups, the language switch,
 * commands and deep links, shared locations and contacts.
 */
export function createFirstContactFeatures(deps: FeatureDeps): Feature[] {
  return [
    createEditedMessageFeature(deps),
    createGroupPrivacyFeature(deps),
    createLanguageFeature(deps),
    createStartCommandFeature(deps),
    createLocationFeature(deps),
    createAttachmentInFlowFeature(deps),
  ];
}
