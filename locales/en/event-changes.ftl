# Staff move or cancel an event (issue 11, item 3). Vietnamese is the source.
ev-not-allowed = Only broadcasters (or admins) within their unit's scope can move or cancel events.
ev-none = No upcoming event in your scope matches. Name the kind and the place, e.g. "dời ngày hội phường Cửa Nam sang 13/12".
ev-choose = Several events match. Which one?
ev-option = { $n }) { $title } – { $time } { $date }
ev-ask-date = Move «{ $title }» to which day? (e.g. 13/12)
ev-date-invalid = I could not read a date. Please type the new day, e.g. 13/12.
ev-confirm-postpone = Move «{ $title }» from { $fromTime } { $fromDate } to { $toTime } { $toDate }?
    { $audience } subscribers will be told right away; reminders follow the new date.
ev-confirm-cancel = Cancel «{ $title }» ({ $time } { $date })?
    { $audience } subscribers will be told right away; its reminders stop.
ev-notice-draft = The change notice to be sent:
ev-btn-confirm = Confirm
ev-btn-abort = Keep it
ev-hint-confirm = Type "1" or "confirm" to go ahead, "keep it" to drop the change.
ev-aborted = Dropped; the event is unchanged.
ev-done-postpone = «{ $title }» moved to { $time } { $date }. { $notified } subscribers told; { $moved } reminders follow the new date.
ev-done-cancel = «{ $title }» cancelled. { $notified } subscribers told; { $cancelled } reminders switched off.
ev-refused-not_found = No such event in your scope.
ev-refused-not_allowed = { ev-not-allowed }
ev-refused-date_passed = That day has passed. Please pick an upcoming one.
ev-refused-same_date = The event is already on that day; nothing changed.
ev-refused-already_cancelled = This event was already cancelled.
ev-notice-postponed = [Change] { $title } moves from { $fromDate } to { $toTime } on { $toDate } at { $venue }.
ev-notice-cancelled = [Change] { $title } ({ $time } on { $date }) is cancelled. We apologise for the inconvenience.
