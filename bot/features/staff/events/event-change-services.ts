import type { ChatIdentity } from '../../../core/identity.js';
import type { OutboundMessage } from '../../../core/outbound-message.js';
import type { IsoDate } from '../../../domain/iso-date.js';

/** An upcoming event a broadcaster or admin may move or cancel. */
export interface ChangeableEvent {
  id: string;
  title: string;
  type: string;
  startsAt: Date;
  endsAt: Date | null;
  venue: string | null;
  hostUnitId: string;
  status: string;
  /** Subscribers who will hear of a change. */
  audience: number;
}

export type EventChangeRefusal = { ok: false; reason: 'not_allowed' | 'not_found' | 'date_passed' | 'same_date' | 'already_cancelled' };

/** Renders the change notice in a subscriber's language; the feature owns the words. */
export type NoticeRenderer = (locale: 'vi' | 'en') => OutboundMessage;

export interface EventChangeApi {
  /** Upcoming events in the user's broadcaster/admin scope, by type and place (either may be absent). */
  find(user: ChatIdentity, query: { types: string[] | null; place: string | null }, now: Date): Promise<{ ok: true; events: ChangeableEvent[] } | EventChangeRefusal>;
  /**
   * Moves the event to another day (same time of day), writes the audit row, sends the
   * change notice once per subscriber and lets its reminders follow the new date.
   */
  postpone(user: ChatIdentity, eventId: string, newDate: IsoDate, notice: NoticeRenderer, now: Date): Promise<{ ok: true; event: ChangeableEvent; notified: number; movedReminders: number } | EventChangeRefusal>;
  /** Cancels the event: audit row, change notice once per subscriber, pending reminders off. */
  cancel(user: ChatIdentity, eventId: string, notice: NoticeRenderer, now: Date): Promise<{ ok: true; event: ChangeableEvent; notified: number; cancelledReminders: number } | EventChangeRefusal>;
}

/** Event changes by staff. Implemented in worker/store/event-changes.store.ts. */
export interface StaffEventServices {
  staffEvents?: EventChangeApi;
}
