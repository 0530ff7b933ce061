import type { BotServices } from '../../bot/services.js';
import type { Db } from '../../runtime/database.js';
import { createResidentServices } from './resident-services.js';
import { createCadreServices } from './cadre-services.js';
import { createBroadcastServices, type BroadcastServiceOptions } from './broadcast-services.js';
import { createEventChangeApi } from './event-changes.store.js';
import { createStaffRemindersApi } from '../reminders/staff-reminders.store.js';
import { createReminderActionsApi } from '../reminders/reminder-actions.store.js';
import { createLanguageService } from './language.store.js';
import { createStaffReportServices, type StaffReportServicesOptions } from './staff-report-services.js';
import { createAttachmentService, type AttachmentServiceOptions } from '../attachments/attachment-service.js';
import { createPrivateChatService, type PrivateChatOptions } from './private-chat.store.js';
import type { CatalogueCache } from './catalogue-cache.js';
import type { CatalogueVersions } from './catalogue-snapshot.js';
import type { TurnChatUser } from './turn-chat-user.js';

export interface BotServicesOptions {
  /** Broadcast policy and sending settings from the configuration (defaults: the documented ones). */
  broadcast?: BroadcastServiceOptions;
  /** Exports and statistics by chat need the translator and the public base URL; off without them. */
  reports?: StaffReportServicesOptions;
  /** Fetching photos and files from the platforms (docs/attachments.md); off without it. */
  attachments?: AttachmentServiceOptions;
  /** Answering group members in private (the Telegram link needs the bot's username). */
  privateChat?: PrivateChatOptions;
  /** Process-wide cache of the unit tree for the resident features (default: none, loaded per turn). */
  catalogues?: CatalogueCache;
}

/** What the turn read that its services may use. */
export interface TurnServiceContext {
  /** Versions of the cached catalogues as the turn read them (catalogue-snapshot.ts); without them nothing is served from the snapshots. */
  catalogueVersions?: CatalogueVersions;
  /** The chat-user row the turn read under its lock; without it stores read the table. */
  chatUser?: TurnChatUser;
}

/** Builds the services features use, on one turn's transaction (`db`'s queries join it: runtime/sql/scoped-pool.ts). */
export function createBotServices(db: Db, options: BotServicesOptions = {}, turn: TurnServiceContext = {}): BotServices {
  return {
    ...createResidentServices(db, options.catalogues, turn.catalogueVersions),
    ...createCadreServices(db, turn.chatUser),
    broadcasts: createBroadcastServices(db, options.broadcast),
    staffReminders: createStaffRemindersApi(db, { quietHours: options.broadcast?.policy?.quietHours }),
    staffEvents: createEventChangeApi(db, { quietHours: options.broadcast?.policy?.quietHours }),
    reminderActions: createReminderActionsApi(db),
    language: createLanguageService(db),
    privateChat: createPrivateChatService(db, options.privateChat),
    ...(options.reports ? createStaffReportServices(db, options.reports) : {}),
    ...(options.attachments ? { attachments: createAttachmentService(db, options.attachments) } : {}),
  };
}
