# Residents: festival schedule, follow-ups, subscriptions, public information (issue 8).
# Vietnamese is the reference. Every date, threshold and contact comes from data; else "not configured".

## Units and mergers
res-unit = { $type ->
    [ward] { $name } ward
    [commune] { $name } commune
    [special_zone] { $name } special zone
    [district] { $name } district
    [residential_group] { $name }
   *[other] { $name }
}
res-share = { $share ->
    [whole] all of it into { $unit }
    [most] most of it into { $unit }
   *[part] part of it into { $unit }
}
res-merger-note = { $split ->
    [no] { $unit } (former) is now part of { $first }{ $hasSince ->
        [yes] {" "}(since { $since }).
       *[no] .
    }
   *[other] { $unit } (former) was reorganised: { $successors }{ $hasSince ->
        [yes] {" "}(since { $since }).
       *[no] .
    }
}
res-same-name-note = I take it you mean today's { $current } (the former { $former } was reorganised on { $since }).
res-place-ambiguous = "{ $name }" names several units (before and after the 2025 mergers). Which one do you mean?
res-place-option-current = { $unit } (current)
res-place-option-former = { $hasUntil ->
    [yes] { $unit } (former, until { $until })
   *[no] { $unit } (former)
}
res-place-choose-successor = { $note } Please pick a ward:
res-place-no-successor = { $unit } no longer exists and I have no data on its successor. Please type the name of today's ward.
res-place-unverified = It is not verified which ward { $place } belongs to now. { $hasCandidates ->
    [yes] It may be one of these; please pick:
   *[no] Please type the name of today's ward.
}
res-place-needs-district = A numbered ward ("{ $query }") needs its former district (e.g. ward 25, Bình Thạnh district).
res-place-not-found = I could not find "{ $query }". { $hasSuggestions ->
    [yes] Did you mean:
   *[no] Please type the ward name again.
}

## Asking for the place
res-ask-place-events = Which ward's schedule would you like? Type the ward name (e.g. Cửa Nam ward).
res-ask-place-subscribe = Which ward's notices would you like? Type the ward name.
res-ask-place-recognitions = Which ward's recognised models would you like to see?
res-ask-place-unit = Which place should I look up? Type an old or new ward name.
res-ask-place-contact = Which ward are you in? I will point you to the ward's contact.
res-ask-place-out-of-scope = This is outside what the "Dân vận khéo" assistant handles (I answer about festivals, contests, models and notices). Which ward are you in? I will point you to the ward's official channel.

## Events
res-event-type = { $type ->
    [ngay_hoi] festival
    [hoi_thi] contest
    [hoi_thi_so_khao] contest preliminary
    [hoi_thi_chung_khao] contest final
    [tong_ket] summary meeting
    [so_ket] interim review meeting
    [tuyen_duong] honouring ceremony
    [ky_niem] anniversary ceremony
    [ra_mat_mo_hinh] model launch
    [other_movement] Great Unity festival
   *[other] event
}
res-period-upcoming = upcoming
res-period-date = on { $date }
res-period-range = from { $from } to { $to }
res-period-year = in { $year }
res-events-header = Schedule ({ $type }) in { $unit } ({ $period }):
res-events-none = { $unit } has no { $type } stored yet ({ $period }).
res-events-others-header = Other upcoming events in { $unit }:
res-events-history-header = Already held in { $unit } (history):
res-events-history-none = { $unit } has no { $type } stored { $period }.
res-events-last-past = The most recent one stored (already held):
res-event-line = • { $when } – { $title }{ $hasVenue ->
    [yes] , at { $venue }
   *[no] {""}
}{ $status ->
    [postponed] {" "}(postponed)
    [cancelled] {" "}(cancelled)
   *[other] {""}
}
res-event-line-past = • { $when } – { $title } (already held)
res-other-movement = Note: { $text }
res-typical-timing = Usual timing: { $text }
res-typical-timing-not-configured = The usual timing is not configured in the system; the exact day is decided by the ward's plan.
res-offer-subscribe = Would you like the ward's notices? Pick below, or ask "where", "what time".
res-offer-subscribe-none = I will not guess a date. Subscribe and you will hear as soon as the official schedule is out.
res-subscribe-button = Notices of { $unit }
res-city-events-button = Events across { $city }

## Follow-ups about one event
res-detail-about = About "{ $title }":
res-detail-time = • When: { $when }{ $status ->
    [postponed] {" "}(postponed)
    [cancelled] {" "}(cancelled)
    [done] {" "}(already held)
   *[other] {""}
}
res-detail-venue = • Where: { $venue }
res-detail-venue-unknown = • Where: no information yet.
res-detail-audience = • Who: { $audience ->
    [public] open to all residents
    [cadres] for cadres
    [invited] by invitation
   *[other] no information
}
res-detail-registration-unknown = • Registering to attend: no information in the system; the organisers will announce it if needed.
res-detail-parking-unknown = • Parking: no information yet.
res-detail-ask-organizer = You can ask the organiser: { $organizer }.
res-detail-contact = Contact: { $office } ({ $hours }).
res-detail-which-event = Which event do you mean?
res-detail-no-event = Which event do you mean? I have no upcoming event to suggest; tell me your ward.

## Notices
res-subscribed = You are subscribed to { $topics ->
    [events] event notices
    [recognitions] recognition and award notices
   *[all] event and recognition notices
} of { $units }. Type "stop" at any time to end them.
res-unsubscribed = Unsubscribed. I will not send you any more notices. To subscribe again, type "subscribe".
res-unsubscribed-none = You have no subscription, so no notices will be sent.

## Recognitions
res-recognitions-header = Recognised models and exemplars in { $unit } ({ $total }):
res-recognition-line = • { $year }: { $title } – { $subject }{ $hasTier ->
    [yes] {" "}({ $tier })
   *[no] {""}
}
res-recognitions-more = … and { $count } more.
res-recognitions-none = { $unit } has no recognised model in the data.

## Unit lookup
res-unit-current = { $unit } is a current unit{ $hasParent ->
    [yes] , part of { $parent }.
   *[no] .
}
res-unit-formed-from = Formed from: { $units }.
res-unit-predecessors-unverified = Which former wards were merged into it is not verified.

## Public information
res-definition = { $term }: { $definition }
res-definition-unknown = I have no definition of that term in the data. Try: "what is a model", "what is an exemplar", "what is a work".
res-bullet = • { $text }
res-rhythm-header = The movement's year (as in past years; exact dates are set by each year's local plan):
res-rhythm-not-configured = The movement's yearly calendar is not configured in the system. Exact dates are set by each year's local plan.
res-anniversary-header = In { $year }:
res-anniversary-line = • { $years } years since { $what }
res-anniversary-not-configured = The anniversaries are not configured in the system, so I do not count the years.
res-award-rule = Configured award rules: { $text }
res-award-not-configured = Award rules (conditions, years of service, who may issue) are not configured in the system, so I state no figures. The competent awarding body decides under the rules in force; ask the ward Party committee's Ban Xây dựng Đảng or the ward Fatherland Front.
res-criteria = Configured recognition criteria: { $text }
res-criteria-not-configured = Recognition criteria are not configured in the system. The recognising tier sets them in each year's plan; ask the ward Party committee's Ban Xây dựng Đảng or the ward Fatherland Front.
res-tiers-active = Recognition tiers in use: { $tiers }.
res-tier-retired = { $tier } is no longer used for new decisions{ $hasDate ->
    [yes] {" "}since { $since };
   *[no] ;
} older records keep the tier they were given.
res-tiers-not-configured = The recognition tiers are not configured in the system.
res-contest = { $text }
res-contest-not-configured = Contest entry information is not configured in the system. Conditions and sign-up are set by each year's contest plan.

## Talk to a person, out of scope
res-handoff-intro = You can reach ward staff through the ward's official channel:
res-out-of-scope-intro = This is outside what the "Dân vận khéo" assistant handles (I answer about festivals, contests, models and notices). Please use the official channel:
res-contact = • { $unit }: { $office }. Hours: { $hours }. Official channel: { $channel }.
res-contact-not-configured = • The contact of { $unit } is not configured in the system; please go to the ward People's Committee office.
res-demo-data = (This is demo data of the trial version.)

## info.process
res-process-header = How a "Dân vận khéo" model is reviewed and recognised (as configured locally):
res-step = { $n }. { $text }
res-process-not-configured = The review process is not configured yet. The ward's mass-mobilisation office can explain it.
