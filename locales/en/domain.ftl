# Domain core: registration statuses, actions, refusals (issue 4).

## Status labels
status-draft = Draft
status-submitted = Awaiting acceptance
status-needs-revision = Needs revision
status-accepted = Accepted – in progress
status-under-evaluation = Under evaluation
status-recognized = Recognised
status-recognized-detail = Recognised { $tier } (decision { $decisionNo }, { $decisionDate })
status-not-recognized = Not recognised
status-not-recognized-detail = Not recognised in { $year }
status-rejected = Not accepted
status-rejected-detail = Not accepted (reason: { $reason })
status-withdrawn = Withdrawn
status-revoked = Recognition revoked
status-deleted = Draft deleted

## Actions
event-create = Create a registration
event-edit = Edit draft
event-submit = Submit
event-discard = Delete draft
event-accept = Accept
event-return = Return for revision
event-reject = Do not accept
event-resubmit = Resubmit
event-withdraw = Withdraw
event-attach-report = Submit a report
event-open-evaluation = Open evaluation
event-request-info = Request more evidence
event-record-evaluation = Record evaluation
event-recognize = Recognise
event-decline = Decline recognition
event-nominate-up = Nominate to a higher tier
event-revoke = Revoke recognition
event-admin-correct = Correct (admin)

## Roles
role-resident = Resident
role-cadre = Cadre
role-reviewer = Reviewer
role-approver = Approver
role-broadcaster = Broadcaster
role-admin = Administrator

## Refusals
err-transition-not-allowed = The registration is "{ $status ->
        [draft] Draft
        [submitted] Awaiting acceptance
        [needs_revision] Needs revision
        [accepted] Accepted
        [under_evaluation] Under evaluation
        [recognized] Recognised
        [not_recognized] Not recognised
        [rejected] Not accepted
        [withdrawn] Withdrawn
        [revoked] Revoked
        [deleted] Deleted
       *[new] not created yet
    }", so this cannot be done now. What you can do now: { $allowed }.
err-role-not-permitted = Your account has no role for this action. What you can do now: { $allowed }. Ask the ward's mass-mobilisation office for another role.
err-cadre-not-active = Your cadre record is suspended or awaiting verification. Please ask the office to confirm your unit.
err-out-of-scope = The unit "{ $unit }" is outside your assigned scope. What you can do now: { $allowed }.
err-unit-unknown = This unit was not found. Please type the ward or unit name again.
err-unit-not-valid-today = The unit "{ $unit }" no longer exists (until { $validTo }). Choose its successor unit.
err-year-not-allowed = You cannot register for { $year }; only { $current } (or next year when early registration is allowed).
err-fields-invalid = Missing or invalid: { $fields }. Please complete them and submit again.
err-possible-duplicate = Your unit already has a similar registration this year: { $codes }. Is this a NEW model or an UPDATE of the old one?
err-comment-required = Please write a comment so the cadre knows what to add.
err-reject-reason-required = Choose a reason: duplicate, out of scope, not a mass-mobilisation model, or wrong unit.
err-reason-required = Please give the reason (and the document number if any).
err-decision-required = The decision needs its number, date, issuing body and tier (missing: { $missing }).
err-decision-date-in-future = The decision date { $decisionDate } is in the future.
err-tier-unknown = The tier "{ $tier }" is not configured.
err-tier-not-own = You can only recognise at your own tier ({ $own }), not "{ $tier }". Use "Nominate to a higher tier" instead.
err-tier-retired = The tier "{ $tier }" was retired on { $retiredOn }; only decisions dated before then can use it.
err-tier-inactive = The tier "{ $tier }" is no longer in use.
err-issuer-out-of-scope = The issuing body is outside your scope.
err-nomination-tier-not-higher = A nomination must go to a tier above the current one ({ $from }).
err-withdraw-under-evaluation = The registration is under evaluation and can no longer be withdrawn.
err-report-needs-accepted = Reports can only be filed for accepted registrations; this one is "{ $status }".
err-report-duplicate = A report of this kind for { $period } was already filed.
err-draft-not-idle = The draft has not been idle for { $days } days yet.
err-evaluation-not-ready = Evaluation was not opened: the round is not open or the final report is missing.
err-recognition-missing = There is no valid recognition decision to act on.
err-admin-correct-target = The target status is invalid or equal to the current one.

## Warnings
warn-late-submission = The registration window has closed. It is still sent, marked as late.
warn-late-report = The report is past its due date and is marked late.
warn-decision-number-format = The decision number does not follow the usual patterns (e.g. 48-KH/BDVTU or 06/2021/QĐ-UBND). Please check it.

## Field problems
invalid-title-length = The title needs 10 to 300 characters.
invalid-title-category-only = The title must say what the model is, not only "mô hình dân vận khéo".
invalid-category = Choose a type: model, exemplar, solution or work.
invalid-subject-type = Choose collective or individual.
invalid-field = Choose a field: economy; culture and society; defence and security; Party and political system.
invalid-summary-length = The summary needs at least 30 characters.
invalid-person-name = For an individual, the person's name is required (2–80 letters).
invalid-location-required = For a work, a location or address is required.
invalid-end-before-start = The end date must not be before the start date.

## Notices to the contact cadre
notify-create = A new registration was created for your unit.
notify-edit = The draft "{ $title }" was edited.
notify-submit = Registration { $code } was submitted: awaiting acceptance.
notify-discard = The draft "{ $title }" was deleted.
notify-accept = Registration { $code } "{ $title }" was ACCEPTED.
notify-return = Registration { $code } needs REVISION. See the comment and resubmit.
notify-reject = Registration { $code } was not accepted.
notify-resubmit = Registration { $code } was resubmitted.
notify-withdraw = Registration { $code } was withdrawn.
notify-attach-report = A report for { $code } was filed.
notify-open-evaluation = Registration { $code } is under evaluation.
notify-request-info = Registration { $code } needs more evidence; it is back to "accepted".
notify-record-evaluation = An evaluation was recorded for { $code }.
notify-recognize = Congratulations! Registration { $code } "{ $title }" was RECOGNISED.
notify-decline = Registration { $code } was not recognised this year.
notify-nominate-up = Registration { $code } was nominated to a higher tier.
notify-revoke = The recognition of { $code } was revoked.
notify-admin-correct = An administrator corrected the status of { $code }.

## Confirmations
confirm-create = Draft created.
confirm-edit = Changes saved.
confirm-submit = Submitted. Code: { $code } • Status: awaiting acceptance.
confirm-discard = Draft deleted.
confirm-accept = Registration { $code } accepted.
confirm-return = Registration { $code } returned with your comment.
confirm-reject = Registration { $code } marked as not accepted.
confirm-resubmit = Registration { $code } resubmitted.
confirm-withdraw = Registration { $code } withdrawn.
confirm-attach-report = Report filed for { $code }. Related reminders are off.
confirm-open-evaluation = Registration { $code } moved to evaluation.
confirm-request-info = More evidence requested for { $code }.
confirm-record-evaluation = Evaluation recorded for { $code }.
confirm-recognize = Recognition recorded for { $code }. Draft a congratulation notice?
confirm-decline = Recorded: { $code } not recognised.
confirm-nominate-up = Nomination sent for { $code }.
confirm-revoke = Recognition of { $code } revoked.
confirm-admin-correct = Status of { $code } corrected.

## Places and calendar
place-former-unit = { $name } (former) became part of { $successors } on { $since }.
place-ambiguous = "{ $query }" could be several units. Please choose:
place-unverified = There is no verified data on which ward { $query } belongs to now. Choose the current ward:
place-not-found = "{ $query }" was not found.
place-needs-district = A numbered ward needs its former district, e.g. "phường 25 Bình Thạnh".
calendar-not-configured = No official date has been set for this yet; I will tell you when there is one.
err-registration-not-found = This registration was not found. Check the code (e.g. DVK-2026-CN-017).
