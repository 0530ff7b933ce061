# Cadres, reviewers and approvers: account linking, model registration, status,
# revision, withdrawal, reports, acceptance and recognition (issue 7).

## General
cadre-not-found-or-hidden = No such registration within your scope. Please check the code (e.g. DVK-2026-CN-017) or type "my registrations".
cadre-roles-suspended = Your roles are suspended until the mass-mobilisation office confirms your new unit. I will let you know when that is done.
reg-not-cadre = Registering a model is for the unit's cadres. Your account does not have that role; please contact your ward's mass-mobilisation office.

## Registering a model (domain §3.1)
reg-step-prefix = Step { $n }/{ $total } –
reg-start = Starting a "Dân vận khéo" model registration for { $year }. Type "cancel" at any time to stop, "back" to go to the previous step.
reg-start-prefilled = Starting a registration for { $year }. I have noted what you already wrote and will only ask for what is missing.
reg-ask-title = What is the model's title? (e.g. "Skilful in persuading …")
reg-ask-title-confirm = Title (I added the diacritics, please check): «{ $title }». Keep it or retype it?
reg-ask-category = Type of registration?
reg-ask-subject = Collective or individual?
reg-ask-subject-unit = Which collective (unit)? E.g. "Công an phường Cửa Nam".
reg-ask-subject-unit-choose = Please choose the unit:
reg-ask-subject-unit-former = { $name } (former) was merged on { $since } into { $successors }. Which one does your unit belong to now?
reg-ask-person = Full name and position of the person? (e.g. Nguyễn Văn Hùng, secretary of the Party cell of residential group 5)
reg-ask-location = Where is the work (house number, alley, residential group)?
reg-ask-field = Field?
reg-ask-start = Year: { $year }. From which date did it start? (type "skip" if unsure)
reg-ask-summary = Short description (problem + approach + expected result), at least 30 characters. Photos or a plan are welcome.
reg-ask-contact = Contact person: { $name }, phone { $phone } (from your profile).
reg-ask-contact-choose = Choose another contact person of the unit:
reg-btn-keep = Keep it
reg-btn-retype = Retype
reg-btn-subject-own = Collective: { $unit }
reg-btn-subject-other = Another collective
reg-btn-subject-person = Individual
reg-btn-yes = Yes
reg-btn-contact-change = Change contact
reg-btn-submit = Submit
reg-btn-edit = Edit
reg-btn-cancel = Cancel
reg-btn-continue = Continue
reg-btn-resume = Continue the draft
reg-btn-restart = Start over
reg-btn-retry = Try again
reg-btn-dup-new = New model
reg-btn-dup-update = Update the old one
reg-category-mo_hinh = Model
reg-category-dien_hinh = Exemplar
reg-category-giai_phap = Solution
reg-category-cong_trinh = Work
reg-field-btn-kinh_te = Economy
reg-field-btn-van_hoa_xa_hoi = Culture and society
reg-field-btn-quoc_phong_an_ninh = Defence and security
reg-field-btn-xay_dung_dang_he_thong_chinh_tri = Party & political system
reg-field-kinh_te = Economy
reg-field-van_hoa_xa_hoi = Culture and society
reg-field-quoc_phong_an_ninh = Defence and security
reg-field-xay_dung_dang_he_thong_chinh_tri = Party and political-system building
reg-field-khac = Other
reg-subject-collective = Collective: { $unit }
reg-subject-person = Individual: { $name }{ $position } ({ $unit })
reg-start-unknown = not known
reg-untitled = (untitled)
reg-summary =
    REGISTRATION SUMMARY
    • Title: { $title }
    • Type: { $category } – { $subject }
    • Field: { $field } • Year: { $year } • Start: { $start }
    • Description: { $summary }
    • Contact: { $contact }, phone { $phone }
reg-summary-location = • Location: { $location }
reg-review-hint = Please check it; to change one item, write e.g. "change the field to economy".
reg-edit-menu = Which item do you want to change?
reg-edit-step-1 = 1 Title
reg-edit-step-2 = 2 Type
reg-edit-step-3 = 3 Collective/individual
reg-edit-step-4 = 4 Field
reg-edit-step-5 = 5 Start date
reg-edit-step-6 = 6 Description
reg-edit-step-7 = 7 Contact
reg-attr-title = title
reg-attr-category = type
reg-attr-field = field
reg-attr-startDate = start date
reg-attr-summary = description
reg-edited = Changed { $attribute } → { $value }.
reg-reverted = Changed { $attribute } back → { $value }.
reg-nothing-to-revert = There is no change to undo.
reg-cancelled = Cancelled; the draft is kept for 30 days. Type "continue" to pick it up again.
reg-cancelled-not-saved = Cancelled. The draft could not be saved (no valid unit yet); type "register a model" to start again when needed.
reg-stored-draft = You have a draft «{ $title }». Continue that draft or start over?
reg-resumed = Continuing the draft «{ $title }».
reg-no-draft = There is no draft left (drafts are kept 30 days). Type "register a model" to start.
reg-idle-resume = You were registering the model «{ $title }», step { $n }/{ $total }.
reg-resume-choose = Choose "Continue" to carry on, or "Start over".
reg-lost = The registration session has ended. Type "register a model" to start again.
reg-stuck = This step seems difficult. You can try again, cancel (the draft is kept), or type "talk to a person" for help from the mass-mobilisation office.
reg-duplicate = Your unit already has a similar registration for { $year }: { $list }. Is this a NEW model or an UPDATE of the old one?
reg-duplicate-choose = Choose "New model" to send this one, or "Update the old one".
reg-duplicate-update = The new registration was dropped. To update the old one: if it is "Needs revision", type "revise registration"; otherwise contact the receiving office.
reg-submitted = SUBMITTED. Code: { $code } • Status: Awaiting acceptance.
    Receiving office: { $office }. Type "tra cứu { $code }" to follow it.
reg-hint-title-length = The title needs 10 to 300 characters (you typed { $length }). E.g. "Skilful in persuading shop owners to keep pavements clear".
reg-hint-title-category-only = The title must say what the model does, not just "mass-mobilisation model". E.g. "Skilful in persuading residents to give land for alleys".
reg-hint-category = Please choose a type: Model, Exemplar, Solution or Work (or type 1–4).
reg-hint-subject = Please choose: your own unit, another collective, or an individual (or type 1–3).
reg-hint-unit = I could not find that unit. Please type its name again, e.g. "phường Cửa Nam" or "Công an phường Hoàn Kiếm".
reg-hint-person = I need a full name (letters only, at least two words), optionally followed by the position after a comma. E.g. "Trần Thị Mai, head of residential group 3".
reg-hint-location = I need the exact location of the work, e.g. "Alley 12 Hàng Bông street, residential group 4".
reg-hint-field = Please choose a field 1–4, or type e.g. "security", "fire safety", "culture", "economy", "digital transformation".
reg-hint-start = I could not read the date. Please type the day before the month, e.g. "1/3" or "15/3/2026"; type "skip" if unsure.
reg-hint-summary = The description needs at least 30 characters (you typed { $length }): the problem, the approach and the expected result.
reg-hint-contact = Choose "Yes" if the contact person is right, or "Change contact".
reg-hint-contact-none = Your unit has no other cadre on the system yet; the contact stays { $name }. Choose "Yes" to continue.
reg-hint-generic = I did not understand the answer. Please answer the question above.
reg-hint-step-number = Steps are numbered 1 to { $total }. E.g. "sửa bước 2".

## Notices to the receiving office
review-notify-new = A new registration awaits acceptance: { $code } «{ $title }».
review-btn-open = Open
review-notify-resubmitted = Registration { $code } was revised and resubmitted; it awaits acceptance.

## Account linking (invite code)
link-ask-code = Hello. This account is not linked to a cadre record yet. Please enter the 6-character INVITE CODE issued by the mass-mobilisation office. I never link by a typed phone number.
link-ask-code-for = To use «{ $label }», this account must be linked to a cadre record. Please enter the 6-character INVITE CODE issued by the mass-mobilisation office.
link-code-unknown = That invite code is not right. Please check the 6 characters (letters and digits) and try again; type "cancel" to stop.
link-code-expired = This invite code has expired. Please ask the mass-mobilisation office for a new one.
link-code-used = This invite code has already been used. Each code works once; ask the office if you need a new one.
link-locked = Too many wrong codes (5). Linking is locked until { $until }; please try again after that.
link-confirm = Valid code: { $name } – { $position }, unit: { $unit }. Is this you?
link-btn-not-me = Not me
link-confirm-again = Choose "Yes" if this is you, or "Not me".
link-not-me = Linking stopped; the account is not bound to any record. Please tell the mass-mobilisation office so they can check the code.
link-cancelled = Account linking stopped. When you have an invite code, write "link my account".
link-done = Your account is now linked to the cadre record of { $name }.
link-what-next = You can: register a model, check a registration, file a report.
link-already = This account is already linked to the cadre record of { $name } ({ $unit }).
link-ask-successor = Your unit «{ $unit }» was reorganised on 01/07/2025 (now part of: { $successors }). Which unit do you work in now?
link-successor-choose = Please choose your current unit from the list.
link-successor-done = Noted your new unit: { $unit }. Your roles are suspended until the mass-mobilisation office confirms it; I will let you know.

## Status (domain §3.2)
status-none = You have no registrations yet. Would you like to register a model?
status-list-head = You are the contact for { $count } registrations in { $year }:
status-search-head = { $count } registrations match:
status-line = { $n }) { $label } – { $status } (since { $since })
status-next-label = Next step:
status-next-draft = finish the draft (type "continue").
status-next-submitted = wait for the receiving office to review it.
status-next-needs-revision = add what the comment asks for, then resubmit.
status-next-accepted = carry out the model; file reports when due.
status-next-report = file the { $kind } report before { $due }.
status-next-report-overdue = file the { $kind } report (it was due { $due }; it can still be filed and is marked late).
status-next-under-evaluation = wait for the evaluation result.
status-comment = Comment: "{ $comment }"
status-late = (Supplementary registration – sent after the deadline.)
status-detail =
    Registration { $label }
    • Status: { $status } (since { $since })
    • Unit: { $unit } • { $category } • { $field } • Year { $year }
status-btn-revise = Revise registration
status-btn-report = File a report
status-btn-withdraw = Withdraw
status-btn-detail = Details
report-kind-so_ket_6_thang = six-month review
report-kind-so_ket_giai_doan = interim review
report-kind-tong_ket_nam = annual review
report-kind-bao_cao_thanh_tich = achievement report

## Revision
rev-intro = Registration { $code } needs revision. The receiving office's comment: "{ $comment }". To add: { $items }.
rev-no-comment = (no specific comment)
rev-ask-item = Please enter the { $item }.
rev-ask-summary = Please enter the additional description (problem, approach, results), at least 30 characters.
rev-hint-short = That is too short; please be more specific.
rev-cancelled = Revision stopped; registration { $code } is still "Needs revision".
rev-resubmitted = Registration { $code } resubmitted. Status: Awaiting acceptance.
rev-none = You have no registration that needs revision.
rev-choose = Which registration do you want to revise?
rev-not-needed = Registration { $code } is «{ $status }» and needs no revision.
rev-item-title = title
rev-item-summary = description
rev-item-rationale = situation and reasons
rev-item-goalsAndCriteria = evaluation criteria
rev-item-method = content and method
rev-item-scopeAndBeneficiaries = number of households and people taking part, and the area
rev-item-forces = leading and supporting forces
rev-item-resourcesAndTimeline = resources and timeline
rev-item-outputs = results and evidence (with numbers)
rev-item-sustainability = sustainability and replicability
rev-item-location = location

## Withdrawal
wd-confirm = Withdraw registration { $label } (now: { $status })? Once withdrawn it will not be considered this year.
wd-btn-yes = Withdraw
wd-btn-no = Keep it
wd-confirm-again = Choose "Withdraw" or "Keep it".
wd-kept = Registration { $code } kept as it is.
wd-none = You have no pending or ongoing registration to withdraw.
wd-choose = Which registration do you want to withdraw?
cadre-notify-withdraw = Registration { $code } was withdrawn at your request.

## Reports
rp-none = You have no registration to report on yet.
rp-choose = Which registration is the report for?
rp-ask-kind = Registration { $label }: which report?
rp-hint-kind = Choose "six-month review" or "annual review".
rp-ask-results = { $kind } report for { $label }. Main results (numbers welcome)?
rp-hint-results = The results need at least one number, e.g. "12 outreach sessions, 300 residents took part".
rp-ask-difficulties = Difficulties? (type "none" if there are none)
rp-ask-proposals = Proposals? (type "none" if there are none)
rp-cancelled = Report stopped; nothing was sent.
rp-done = { $kind } report filed for registration { $code } ({ $date }). The remaining reminders are switched off.

## Acceptance, evaluation, recognition
review-not-staff = This is for the receiving office and approvers.
review-queue-empty = Nothing is waiting for you right now.
review-queue-head = { $count } registrations are waiting for you:
review-card =
    Registration { $label }
    • Status: { $status } (since { $since })
    • Unit: { $unit } • { $category } – { $subject } • { $field }
    • Contact: { $contact }
review-card-summary = • Description: { $summary }
review-collective = Collective
review-nothing-to-do = There is nothing you can do with this registration in its current status.
review-choose-action = Please choose one of the actions offered.
review-action-not-allowed = That action is no longer possible (the status has just changed). Type "hồ sơ chờ duyệt" to look again.
review-ask-comment = Comment for the cadre (required; say exactly what to add):
review-ask-reject-reason = Reason for not accepting?
review-reject-trung-lap = Duplicate
review-reject-khong-thuoc-pham-vi = Out of scope
review-reject-khong-phai-mo-hinh-dan-van = Not a mass-mobilisation model
review-reject-sai-don-vi = Wrong unit
review-ask-decline-reason = Reason for not recognising?
review-ask-revoke-reason = Reason for revoking the recognition?
review-ask-revoke-ref = Reference of the revoking decision (e.g. 15/QĐ-UBND)?
review-ask-decision-no = Recognition { $tier } – issued by: { $issuer }. Decision number?
review-ask-decision-no-again = Please enter the decision number, e.g. 125-QĐ/ĐU.
review-ask-decision-date = Decision date (day/month/year)?
review-hint-date = I could not read the date. Please type the day before the month, e.g. 20/10/2026.
review-ask-tier = Nominate to which tier?
review-no-higher-tier = There is no higher active tier to nominate to.
review-not-approver = Only an approver (with their own recognition tier) can record a recognition decision.
review-ask-score = Criterion { $n }/{ $total } – { $criterion }: score (0–{ $max })?
review-hint-score = Please enter a number from 0 to { $max }.
review-ask-verdict = Total { $total }/{ $max }. Verdict?
review-verdict-dat = Passed
review-verdict-khong_dat = Not passed
review-verdict-de_nghi_cap_tren = Propose to higher tier
review-verdict-can_bo_sung = Needs more
review-ask-eval-comment = Remarks (type "none" if there are none)?
review-cancelled = Action stopped; the registration is unchanged.
review-cadre-notified = The contact cadre has been told.
review-btn-queue = Waiting for me
rubric-sang-tao = Creativity, novelty
rubric-hieu-qua = Practical effect and savings
rubric-tu-nguyen = Persuasion so people comply voluntarily
rubric-huy-dong = Mobilises many forces
rubric-hai-hoa-loi-ich = Balances collective, individual and social interests
rubric-ben-vung = Sustainable and replicable
rubric-guong-mau = Sets a personal and family example
rubric-sang-kien = Proposes good ideas
rubric-giai-quyet-vuong-mac = Helps resolve long-running grievances
rubric-tan-tuy = Serves people wholeheartedly
rubric-hoan-thanh-nhiem-vu = Does the job well

## Notices to the contact cadre after each step
cadre-notify-accept = Registration { $code } «{ $title }» has been ACCEPTED and is under way. Next: file the six-month review when due.
cadre-notify-return = Registration { $code } «{ $title }» NEEDS REVISION. Comment: "{ $comment }".
cadre-notify-reject = Registration { $code } «{ $title }» was not accepted. Reason: { $reason }.
cadre-notify-open-evaluation = Registration { $code } «{ $title }» is now UNDER EVALUATION.
cadre-notify-request-info = Registration { $code } needs more evidence: "{ $comment }". Its status is back to "Accepted".
cadre-notify-record-evaluation = Evaluation result for registration { $code }: { $verdict }.
cadre-notify-recognize = Congratulations! Registration { $code } «{ $title }» has been RECOGNISED { $tier } (decision { $decisionNo }, { $decisionDate }).
cadre-notify-decline = Registration { $code } «{ $title }» was not recognised in { $year }. Reason: { $reason }.
cadre-notify-nominate-up = Registration { $code } «{ $title }» has been nominated to a higher tier for recognition.
cadre-notify-revoke = The recognition of registration { $code } has been revoked. Reason: { $reason } (decision { $ref }).

## Confirming a new unit after the mergers (cadres of an abolished unit)
rebind-ask-staff = { $name } (former unit: { $former }) chose { $unit } as their new unit. Their roles are suspended until someone confirms.
rebind-approve = Confirm
rebind-decline = Not right
rebind-staff-confirmed = Confirmed: { $name } belongs to { $unit }; their roles are active again and they have been told.
rebind-staff-declined = Noted: { $name } is not confirmed for { $unit }. Their roles stay suspended; they have been asked to contact the office.
rebind-cadre-confirmed = The office confirmed your new unit: { $unit }. You can register and follow registrations again.
rebind-cadre-declined = The office did not confirm { $unit } as your unit. Please contact the ward's mass-mobilisation office.
rebind-not-allowed = You may not confirm this unit. A reviewer or administrator of that unit does this.
rebind-nothing-pending = This confirmation was already handled or is no longer pending.
reg-correction-applied = Step { $n } ({ $label }) updated from the message you just edited.
reg-correction-invalid = The answer to step { $n } is kept as it was.
# A deadline question tacked onto a registration ("…, when is the deadline?"), answered as the flow starts.
reg-deadline-open = Registration for { $year } ({ $office }) is open until the end of { $until }: { $days ->
        [0] today is the last day.
        [1] 1 day left.
       *[other] { $days } days left.
    }
reg-deadline-before = Registration for { $year } ({ $office }) opens on { $from } and closes at the end of { $until }.
reg-deadline-closed = Registration for { $year } ({ $office }) closed on { $until }; a registration sent now is still accepted but recorded as supplementary.
reg-deadline-not-configured = The { $year } registration calendar is not configured in the system yet; please ask the reviewing office for the exact deadline.
reg-deadline-demo = (Demo calendar for trying things out, not the official one.)
