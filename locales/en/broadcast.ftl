## Staff broadcasts (issue 11): what residents receive and what the composer is told.

broadcast-footer-stop = — Reply "hủy nhận tin" (stop) to stop these notices.
broadcast-finished = The announcement has gone out: { $sent } received, { $skipped } skipped, { $failed } failed.

## Compose
bc-not-allowed = Sorry, only the ward's information staff (or an admin) can send announcements. To receive the ward's notices, send "đăng ký nhận tin".
bc-unit-unknown = I could not find the unit "{ $place }". Please check the ward/commune name.
bc-refused-out-of-scope = Sorry, { $unit } is outside the scope you may send announcements to.
bc-refused-no-approver = This announcement has many recipients and needs a second approver, but nobody else in scope may approve. Please contact an admin.
bc-ask-kind = What kind of announcement?
bc-kind-recognition = Recognition/award
bc-kind-event = Event
bc-kind-deadline = Deadline reminder
bc-kind-other = Other
bc-ask-audience = Who should receive it?
bc-aud-residents = Residents following { $unit }
bc-aud-cadres = Cadres of units in { $unit }
bc-aud-both = Residents and cadres of { $unit }
bc-ask-body = The announcement text (at most { $max } characters):
bc-body-empty = The text is empty. Please type the announcement.
bc-body-too-long = The text has { $length } characters, more than { $max }. Please shorten it.
bc-body-phone = The text contains a personal phone number ({ $masked }). Only the office's published hotline may appear in announcements. Please edit the text.
bc-body-cccd = The text contains a 12-digit number that looks like a citizen ID (CCCD). Announcements must not carry personal ID numbers. Please edit the text.
bc-diacritics = The text has no Vietnamese marks. With marks added (please check):
    "{ $suggestion }"
bc-btn-use-marks = Use the marked text
bc-btn-keep-typed = Keep as typed
bc-preview-title = Preview:
bc-preview-recipients = Expected recipients: { $residents } residents + { $cadres } cadres ({ $channels })
bc-channel-console = Test console
bc-channel-telegram = Telegram
bc-channel-zalo-bot = Zalo Bot
bc-channel-zalo-oa = Zalo OA
bc-skip-opted_out = { $count } opted out → not sent
bc-skip-unreachable = { $count } unreachable (blocked/unfollowed) → not sent
bc-skip-oa_quota = { $count } over this month's Zalo OA quota → will not receive it
bc-skip-outside_window = { $count } outside Zalo OA's 48-hour window → will not receive it
bc-skip-no_sender = { $count } on a channel that is off → not sent
bc-when-now = as soon as confirmed
bc-when-at = { $time } on { $date }
bc-preview-when = Sending: { $when }
bc-preview-needs-approval = More than { $threshold } recipients: a second approver must approve before it is sent.
bc-preview-hint = Choose "Send" or type a time (e.g. "8h sáng mai").
bc-preview-again = Choose an option below, or type a time (e.g. "8h sáng mai").
bc-btn-send = Send
bc-btn-tomorrow = 8:00 tomorrow
bc-btn-edit = Edit text
bc-btn-cancel = Cancel
bc-cancelled = The draft announcement was cancelled.
bc-moved-quiet = That time is inside the quiet hours (no messages at night), so it will be sent at { $when }.
bc-scheduled = Scheduled for { $when }. Send "lịch gửi tuần này" to see or cancel it.
bc-sending = Sending now. Send "tình hình gửi thông báo" to follow progress.
bc-pending-approval = Saved; it goes out at { $when } once approved. One approval is needed; { $approvers } people were asked.

## Approval
bc-approval-request = [Approval needed] { $author } wrote an announcement to { $audience } ({ $count } recipients), sending { $when }:
    "{ $body }"
bc-btn-approve = Approve
bc-approved = Approved. It will be sent { $when }.
bc-approved-author = Your announcement was approved and will be sent { $when }.
bc-approve-not-found = The announcement to approve was not found.
bc-approve-own = You cannot approve your own announcement; another staff member must.
bc-approve-out-of-scope = This announcement is outside the scope you may approve.
bc-approve-not-pending = This announcement is no longer waiting for approval.

## Status
bc-status-draft = draft
bc-status-pending_approval = awaiting approval
bc-status-scheduled = scheduled
bc-status-sending = sending
bc-status-done = sent
bc-status-stopped = stopped
bc-status-cancelled = cancelled
bc-none-yet = You have not sent any announcement yet.
bc-progress = Announcement to { $audience } ({ $when }): { $status }.
    Received: { $sent } · Waiting: { $waiting } · Skipped: { $skipped } · Failed: { $failed } · Stopped: { $stopped }
bc-btn-stop = Stop sending
bc-btn-resume = Resume sending
bc-btn-retry = Retry failed
bc-stopped = Stopped. Those not yet reached wait until you press "Resume sending".
bc-resumed = Sending resumed.
bc-retrying = Retrying { $count } failed messages.
bc-cannot-change = That is not possible for the announcement in its current state.
bc-list-empty = Nothing is scheduled to be sent this week.
bc-list-title = Scheduled this week ({ $count }):
bc-list-line = { $n }) { $when } – { $audience } – { $count } recipients – { $status }: "{ $excerpt }"
bc-list-hint = Type "hủy 1" (by number) or press a button to cancel one.
bc-btn-cancel-n = Cancel { $n }
bc-cancelled-one = The announcement was cancelled.
bc-cannot-cancel = That announcement has started or was cancelled; use "Stop sending" while it is sending.
bc-nothing-to-approve = Nothing is waiting for your approval.
bc-choose-to-approve = Several announcements wait for approval; choose the one you approve:

## Uncertain deliveries (a worker stopped while the platform request was on the wire)
broadcast-finished-uncertain = The announcement has gone out: { $sent } received, { $skipped } skipped, { $failed } failed, { $uncertain } uncertain (the sender stopped mid-request). Type "resend uncertain messages" to send those again; some may then get it twice.
bc-progress-uncertain = Delivery unknown: { $uncertain } (not resent automatically, to avoid duplicates).
bc-btn-resend-uncertain = Resend uncertain messages
bc-resending-uncertain = Resending { $count } uncertain messages. Some recipients may get it twice.
bc-no-uncertain = There are no uncertain messages to resend.
