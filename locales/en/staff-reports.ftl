# Staff exports and statistics by chat (issue 15).
staff-reports-not-allowed = Exports and statistics are for reviewers, approvers and admins. Your account does not have that role; ask your ward's mass mobilisation office if you need it.
staff-export-what-registrations = the registrations
staff-export-what-recognitions = the recognitions
staff-export-what-reports = the reports
staff-export-what-statistics = the statistics
staff-export-ready = Exported { $what } of { $unit } for { $year } as { $format } ({ $rows } rows).
staff-file-link = Download (works once, within 24 hours): { $link }
staff-stats =
    Statistics of { $unit }, { $year }:
    • Registrations: { $total }
    • By status: { $byStatus }
    • By category: { $byCategory }
    • By field: { $byField }
    • By recognition tier: { $byTier }
    • Recognitions this year: { $recognitions }
    • Reports: { $due } due, { $filedOfDue } of them filed; { $filed } filed in all ({ $late } late)
    • Subscribers by channel: { $subscribers }
