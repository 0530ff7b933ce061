import type { ResidentServices } from './features/residents/resident-services.js';
import type { CadreServices } from './features/cadre/cadre-services.js';
import type { BroadcastServices } from './features/staff/broadcast/broadcast-services.js';
import type { StaffReminderServices } from './features/staff/reminders/reminder-services.js';
import type { StaffEventServices } from './features/staff/events/event-change-services.js';
import type { ReminderActionServices } from './features/reminders/reminder-action-services.js';
import type { FirstContactServices } from './features/first-contact/first-contact-services.js';
import type { StaffReportServices } from './features/staff/staff-report-services.js';
import type { AttachmentServices } from './features/attachments/attachment-services.js';

/**
 * What features may use besides the message itself: repositories and other
 * services, declared as interfaces (bot/ never imports Prisma) and built per turn
 * by `worker/store/bot-services.ts` on the turn's database transaction, so that
 * everything a turn writes — flow data, registrations, audit rows, replies —
 * commits or rolls back together. Each feature group declares its own part.
 */
export interface BotServices extends ResidentServices, CadreServices, FirstContactServices, BroadcastServices, StaffReminderServices, StaffEventServices, ReminderActionServices, StaffReportServices, AttachmentServices {}
