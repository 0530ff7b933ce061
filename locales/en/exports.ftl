# Exports and statistics (issue 15): sheet names, column headers, words for codes.

export-sheet-registrations = Registrations
export-sheet-recognitions = Recognitions
export-sheet-reports = Reports
export-sheet-statistics = Statistics

export-col-code = Code
export-col-year = Year
export-col-category = Category
export-col-title = Title
export-col-subject-type = Subject
export-col-person = Person
export-col-field = Field
export-col-unit = Unit
export-col-unit-as-of-record = Unit (at the time)
export-col-unit-today = Unit today
export-col-status = Status
export-col-late = Late
export-col-start-date = Start date
export-col-submitted-at = Submitted
export-col-updated-at = Last updated
export-col-tier = Tier
export-col-issuer = Issued by
export-col-decision-no = Decision no.
export-col-decision-date = Decision date
export-col-report-kind = Report
export-col-period = Period
export-col-due-date = Due
export-col-results = Results
export-col-stat-group = Group
export-col-stat-item = Item
export-col-count = Count

export-yes = Yes
export-no = No
export-not-given = Not given
export-subject-tap_the = Collective
export-subject-ca_nhan = Person
export-recognition-status-nominated = Nominated
export-recognition-status-approved = Recognised
export-recognition-status-declined = Declined
export-recognition-status-revoked = Revoked
export-channel-telegram = Telegram
export-channel-zalo-bot = Zalo Bot
export-channel-zalo-oa = Zalo OA
export-channel-console = Console

export-stat-group-registrations = Registrations
export-stat-group-status = By status
export-stat-group-category = By category
export-stat-group-field = By field
export-stat-group-tier = By recognition tier
export-stat-group-recognitions = Recognitions
export-stat-group-reports = Reports
export-stat-group-subscribers = Subscribers by channel
export-stat-total = Total
export-stat-reports-due = Due
export-stat-reports-filed-of-due = Filed (of those due)
export-stat-reports-filed = Filed (all)
export-stat-reports-late = Filed late

## Statistics chart
stats-chart-title = Statistics of { $unit }, { $year }
stats-chart-by-status = Registrations by status
stats-chart-by-field = Registrations by field
stats-chart-by-tier = Recognitions by tier
stats-chart-reports = Reports
stats-chart-reports-due = Due
stats-chart-reports-filed = Filed
stats-chart-subscribers = Subscribers by channel
stats-chart-empty = No figures yet.
export-col-attachments = Attachments
