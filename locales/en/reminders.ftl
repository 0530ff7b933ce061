# Reminders and reminder schedules (issue 11, item 4). Vietnamese is the source.

## Reminders sent
rm-report-due = [Deadline] Model { $code } «{ $title }» must file its { $kind } REPORT by { $due }{ $daysLeft ->
    [0] {" "}(due today).
    [one] {" "}(1 day left).
   *[other] {" "}({ $daysLeft } days left).
}
rm-btn-report-now = File the report now
rm-registration-deadline = [Deadline] Registration of "Dân vận khéo" models for { $year } closes on { $due } ({ $daysLeft } days left). { $unit } has not registered any model yet. Type "register a model" to start.
rm-revision-pending = [To do] Registration { $code } «{ $title }» was returned for additions { $days } days ago. Type "bổ sung { $code }" to complete and resubmit it.
rm-revision-pending-reviewer = [To do] Registration { $code } «{ $title }» ({ $unit }) has waited { $days } days for additions and was not resubmitted. Please contact the unit.
rm-evaluation-visit = [Schedule] Tomorrow ({ $date }) the evaluators visit model { $code } «{ $title }». Please get ready.
rm-event-soon = In { $daysLeft } days: { $title }, { $time } on { $date } at { $venue }.
rm-event-tomorrow = Tomorrow ({ $date }) { $time }: { $title } at { $venue }.
rm-event-today = Today { $time }: { $title } at { $venue }.
rm-how-to-stop = Reply "hủy nhận tin" to stop these messages.

## Staff set up reminders
rm-kind-report_due = report reminder
rm-kind-registration_deadline = registration deadline reminder
rm-kind-revision_pending = revision reminder
rm-kind-revision_pending_reviewer = revision overdue notice to the reviewer
rm-kind-evaluation_visit = field visit reminder
rm-kind-event = event reminder to subscribers
rm-kind-event_change = event change notice
rm-not-allowed = Only broadcasters (or admins) within their unit's scope can set reminders.
rm-ask-kind = Which report? E.g. "remind models without a mid-year report before 15/6".
rm-ask-due = When is it due? (e.g. 15/6)
rm-due-past = { $due } has passed. Please type an upcoming date (e.g. 15/6).
rm-preview = New reminder: { $targets } accepted registrations without a { $kind } report in { $scope }.
    Due: { $due }. Reminders on: { $moments }.
rm-preview-none = (No registration is missing the report right now; the schedule still covers those accepted later.)
rm-btn-confirm = Confirm
rm-btn-cancel = Cancel
rm-created = Reminders set for the { $kind } report due { $due } for { $targets } registrations. They stop once the report is filed.
rm-cancelled = Cancelled; no reminder was set.
rm-hint-confirm = Type "1" or "confirm" to set the reminders, "cancel" to drop them.
rm-list-title = Reminders from { $from } to { $to } in { $scope }:
rm-list-line = { $n }) { $time } { $date } – { $kind }: { $what } ({ $recipients } recipients)
rm-list-empty = No reminders from { $from } to { $to } in { $scope }.
rm-what-report = { $kind } report, due { $due }
rm-what-deadline = { $year } registration, closes { $due }
rm-what-item = { $code } «{ $title }»
rm-kind-choice-so_ket_6_thang = Mid-year report
rm-kind-choice-tong_ket_nam = Annual report
rm-btn-snooze = Remind me tomorrow
rm-snoozed = OK, I will remind you again at { $time } on { $date }.
rm-snooze-due-today = The report is due today, so there is no tomorrow to remind you on. Type "nộp báo cáo" to file it now.
rm-snooze-not-found = I cannot find this reminder for you.
