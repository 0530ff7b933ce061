# Người dân: lịch ngày hội, hỏi tiếp, nhận tin, thông tin công khai (issue 8). Tiếng Việt là bản gốc.
# Mọi ngày giờ, ngưỡng, liên hệ đều đến từ dữ liệu; không có thì nói "chưa được cấu hình".

## Đơn vị và sáp nhập
res-unit = { $type ->
    [ward] phường { $name }
    [commune] xã { $name }
    [special_zone] đặc khu { $name }
    [district] quận { $name }
    [residential_group] { $name }
   *[other] { $name }
}
res-share = { $share ->
    [whole] toàn bộ vào { $unit }
    [most] phần lớn vào { $unit }
   *[part] một phần vào { $unit }
}
res-merger-note = { $split ->
    [no] { $unit } (cũ) nay thuộc { $first }{ $hasSince ->
        [yes] {" "}(từ { $since }).
       *[no] .
    }
   *[other] { $unit } (cũ) đã được sắp xếp lại: { $successors }{ $hasSince ->
        [yes] {" "}(từ { $since }).
       *[no] .
    }
}
res-same-name-note = Tôi hiểu bạn hỏi { $current } hiện nay ({ $former } cũ đã được sắp xếp lại từ { $since }).
res-place-ambiguous = Tên "{ $name }" ứng với nhiều đơn vị (trước và sau sáp nhập 2025). Bạn hỏi đơn vị nào?
res-place-option-current = { $unit } (hiện nay)
res-place-option-former = { $hasUntil ->
    [yes] { $unit } (cũ, đến { $until })
   *[no] { $unit } (cũ)
}
res-place-choose-successor = { $note } Bạn chọn phường giúp tôi:
res-place-no-successor = { $unit } không còn là đơn vị hành chính và tôi chưa có dữ liệu đơn vị kế thừa. Bạn gõ tên phường hiện nay giúp tôi nhé.
res-place-unverified = Chưa xác minh được { $place } nay thuộc phường nào. { $hasCandidates ->
    [yes] Có thể là một trong các phường sau, bạn chọn giúp tôi:
   *[no] Bạn gõ tên phường hiện nay giúp tôi nhé.
}
res-place-needs-district = Phường đánh số "{ $query }" cần kèm tên quận cũ (ví dụ: phường 25 quận Bình Thạnh).
res-place-not-found = Tôi chưa tìm thấy địa danh "{ $query }". { $hasSuggestions ->
    [yes] Có phải bạn muốn hỏi:
   *[no] Bạn gõ lại tên phường giúp tôi nhé.
}

## Hỏi nơi chốn
res-ask-place-events = Bạn muốn xem lịch của phường nào? Gõ tên phường giúp tôi (ví dụ: phường Cửa Nam).
res-ask-place-subscribe = Bạn muốn nhận tin của phường nào? Gõ tên phường giúp tôi.
res-ask-place-recognitions = Bạn muốn xem mô hình được công nhận ở phường nào?
res-ask-place-unit = Bạn muốn tra cứu địa danh nào? Gõ tên phường cũ hoặc mới giúp tôi.
res-ask-place-contact = Bạn ở phường nào? Tôi sẽ chỉ nơi liên hệ cán bộ của phường.
res-ask-place-out-of-scope = Việc này nằm ngoài phạm vi của trợ lý "Dân vận khéo" (tôi trả lời về ngày hội, hội thi, mô hình và nhận tin). Bạn ở phường nào? Tôi sẽ chỉ kênh chính thức của phường để bạn liên hệ.

## Sự kiện
res-event-type = { $type ->
    [ngay_hoi] ngày hội
    [hoi_thi] hội thi
    [hoi_thi_so_khao] vòng sơ khảo hội thi
    [hoi_thi_chung_khao] vòng chung khảo hội thi
    [tong_ket] hội nghị tổng kết
    [so_ket] hội nghị sơ kết
    [tuyen_duong] lễ tuyên dương
    [ky_niem] lễ kỷ niệm
    [ra_mat_mo_hinh] lễ ra mắt mô hình
    [other_movement] ngày hội Đại đoàn kết
   *[other] sự kiện
}
res-period-upcoming = sắp tới
res-period-date = ngày { $date }
res-period-range = từ { $from } đến { $to }
res-period-year = năm { $year }
res-events-header = Lịch { $type } ở { $unit } ({ $period }):
res-events-none = { $unit } hiện chưa có lịch { $type } nào được lưu ({ $period }).
res-events-others-header = Sự kiện sắp tới khác ở { $unit }:
res-events-history-header = Đã diễn ra ở { $unit } (lịch sử):
res-events-history-none = { $unit } không có { $type } nào được lưu { $period }.
res-events-last-past = Lần gần nhất được lưu (đã diễn ra):
res-event-line = • { $when } – { $title }{ $hasVenue ->
    [yes] , tại { $venue }
   *[no] {""}
}{ $status ->
    [postponed] {" "}(tạm hoãn)
    [cancelled] {" "}(đã hủy)
   *[other] {""}
}
res-event-line-past = • { $when } – { $title } (đã diễn ra)
res-other-movement = Lưu ý: { $text }
res-typical-timing = Về thời điểm thường lệ: { $text }
res-typical-timing-not-configured = Thời điểm tổ chức thường lệ chưa được cấu hình trong hệ thống; ngày cụ thể do kế hoạch của phường quyết định.
res-offer-subscribe = Bạn có muốn nhận thông báo của phường không? Chọn bên dưới, hoặc hỏi tiếp "ở đâu", "mấy giờ".
res-offer-subscribe-none = Tôi sẽ không đoán ngày. Bạn đăng ký nhận tin để được báo ngay khi có lịch chính thức.
res-subscribe-button = Nhận thông báo { $unit }
res-city-events-button = Xem sự kiện toàn { $city }

## Hỏi tiếp về một sự kiện
res-detail-about = Về "{ $title }":
res-detail-time = • Thời gian: { $when }{ $status ->
    [postponed] {" "}(tạm hoãn)
    [cancelled] {" "}(đã hủy)
    [done] {" "}(đã diễn ra)
   *[other] {""}
}
res-detail-venue = • Địa điểm: { $venue }
res-detail-venue-unknown = • Địa điểm: chưa có thông tin.
res-detail-audience = • Đối tượng: { $audience ->
    [public] mở cho mọi người dân
    [cadres] dành cho cán bộ
    [invited] theo giấy mời
   *[other] chưa có thông tin
}
res-detail-registration-unknown = • Việc đăng ký tham dự: hệ thống chưa có thông tin; nếu cần, ban tổ chức sẽ thông báo.
res-detail-parking-unknown = • Chỗ gửi xe: chưa có thông tin.
res-detail-ask-organizer = Bạn có thể hỏi ban tổ chức: { $organizer }.
res-detail-contact = Liên hệ: { $office } ({ $hours }).
res-detail-which-event = Bạn hỏi về sự kiện nào?
res-detail-no-event = Bạn hỏi về sự kiện nào? Hiện tôi chưa có sự kiện sắp tới nào để gợi ý; bạn cho tôi biết tên phường nhé.

## Nhận tin
res-subscribed = Đã đăng ký nhận tin { $topics ->
    [events] sự kiện
    [recognitions] công nhận, khen thưởng
   *[all] sự kiện và công nhận
} của { $units }. Gõ "hủy nhận tin" bất cứ lúc nào để dừng.
res-unsubscribed = Đã hủy nhận tin. Từ giờ tôi sẽ không gửi thông báo nào nữa. Muốn nhận lại, bạn gõ "đăng ký nhận tin".
res-unsubscribed-none = Bạn chưa đăng ký nhận tin nào, nên sẽ không có thông báo nào được gửi.

## Công nhận
res-recognitions-header = Mô hình, điển hình đã được công nhận ở { $unit } ({ $total }):
res-recognition-line = • { $year }: { $title } – { $subject }{ $hasTier ->
    [yes] {" "}({ $tier })
   *[no] {""}
}
res-recognitions-more = … và { $count } mô hình khác.
res-recognitions-none = { $unit } chưa có mô hình nào được công nhận trong dữ liệu.

## Tra cứu đơn vị
res-unit-current = { $unit } là đơn vị hiện hành{ $hasParent ->
    [yes] , thuộc { $parent }.
   *[no] .
}
res-unit-formed-from = Được hình thành từ: { $units }.
res-unit-predecessors-unverified = Chưa xác minh được các phường cũ nào đã nhập vào đơn vị này.

## Thông tin công khai
res-definition = { $term }: { $definition }
res-definition-unknown = Tôi chưa có định nghĩa cho thuật ngữ này trong dữ liệu. Bạn thử hỏi: "mô hình là gì", "điển hình là gì", "công trình là gì".
res-bullet = • { $text }
res-rhythm-header = Nhịp phong trào trong năm (theo thông lệ các năm trước; mốc cụ thể do kế hoạch từng năm của địa phương quy định):
res-rhythm-not-configured = Lịch phong trào trong năm chưa được cấu hình trong hệ thống. Mốc cụ thể do kế hoạch từng năm của địa phương quy định.
res-anniversary-header = Năm { $year }:
res-anniversary-line = • { $years } năm { $what }
res-anniversary-not-configured = Các mốc kỷ niệm chưa được cấu hình trong hệ thống, nên tôi không tính số năm.
res-award-rule = Quy định khen thưởng đã cấu hình: { $text }
res-award-not-configured = Quy định khen thưởng (điều kiện, số năm, thẩm quyền) chưa được cấu hình trong hệ thống, nên tôi không nêu con số nào. Việc này do cơ quan có thẩm quyền khen thưởng quyết định theo quy định hiện hành; bạn có thể hỏi Ban Xây dựng Đảng hoặc Ủy ban MTTQ phường.
res-criteria = Tiêu chí công nhận đã cấu hình: { $text }
res-criteria-not-configured = Tiêu chí công nhận chưa được cấu hình trong hệ thống. Tiêu chí do cấp công nhận quy định trong kế hoạch từng năm; bạn có thể hỏi Ban Xây dựng Đảng hoặc Ủy ban MTTQ phường.
res-tiers-active = Các cấp công nhận hiện hành: { $tiers }.
res-tier-retired = { $tier } không còn dùng cho quyết định mới{ $hasDate ->
    [yes] {" "}từ { $since };
   *[no] ;
} hồ sơ cũ vẫn giữ nguyên cấp đã ghi.
res-tiers-not-configured = Danh sách cấp công nhận chưa được cấu hình trong hệ thống.
res-contest = { $text }
res-contest-not-configured = Thông tin dự thi chưa được cấu hình trong hệ thống. Điều kiện và cách đăng ký do kế hoạch hội thi từng năm quy định.

## Gặp cán bộ, ngoài phạm vi
res-handoff-intro = Bạn có thể gặp cán bộ qua kênh chính thức của phường:
res-out-of-scope-intro = Việc này nằm ngoài phạm vi của trợ lý "Dân vận khéo" (tôi trả lời về ngày hội, hội thi, mô hình và nhận tin). Bạn vui lòng liên hệ kênh chính thức:
res-contact = • { $unit }: { $office }. Giờ làm việc: { $hours }. Kênh chính thức: { $channel }.
res-contact-not-configured = • Thông tin liên hệ của { $unit } chưa được cấu hình trong hệ thống; bạn vui lòng liên hệ trực tiếp trụ sở UBND phường.
res-demo-data = (Đây là dữ liệu minh họa của bản thử nghiệm.)

## info.process
res-process-header = Quy trình xét công nhận mô hình "Dân vận khéo" (theo cấu hình của địa phương):
res-step = { $n }. { $text }
res-process-not-configured = Quy trình xét công nhận chưa được cấu hình trong hệ thống. Bộ phận dân vận của phường hướng dẫn cụ thể.
