# Cán bộ dời hoặc hủy sự kiện (issue 11, mục 3). Tiếng Việt là bản gốc.
ev-not-allowed = Chỉ cán bộ phụ trách thông báo (hoặc quản trị) trong phạm vi đơn vị mới dời hoặc hủy được sự kiện.
ev-none = Không tìm thấy sự kiện sắp tới nào khớp trong phạm vi của đồng chí. Thử ghi rõ loại và nơi tổ chức, ví dụ: "dời ngày hội phường Cửa Nam sang 13/12".
ev-choose = Có nhiều sự kiện khớp. Đồng chí muốn đổi sự kiện nào?
ev-option = { $n }) { $title } – { $time } { $date }
ev-ask-date = Dời «{ $title }» sang ngày nào? (ví dụ: 13/12)
ev-date-invalid = Tôi chưa đọc được ngày. Vui lòng gõ ngày mới, ví dụ: 13/12.
ev-confirm-postpone = Dời «{ $title }» từ { $fromTime } { $fromDate } sang { $toTime } { $toDate }?
    { $audience } người nhận tin sẽ được báo ngay; các lịch nhắc chuyển theo ngày mới.
ev-confirm-cancel = Hủy «{ $title }» ({ $time } { $date })?
    { $audience } người nhận tin sẽ được báo ngay; các lịch nhắc của sự kiện sẽ tắt.
ev-notice-draft = Tin báo thay đổi sẽ gửi:
ev-btn-confirm = Xác nhận
ev-btn-abort = Thôi
ev-hint-confirm = Gõ "1" hoặc "xác nhận" để thực hiện, "thôi" để bỏ.
ev-aborted = Đã bỏ, sự kiện giữ nguyên.
ev-done-postpone = Đã dời «{ $title }» sang { $time } { $date }. Đã báo { $notified } người nhận tin; { $moved } lịch nhắc đã chuyển theo ngày mới.
ev-done-cancel = Đã hủy «{ $title }». Đã báo { $notified } người nhận tin; { $cancelled } lịch nhắc đã tắt.
ev-refused-not_found = Không tìm thấy sự kiện này trong phạm vi của đồng chí.
ev-refused-not_allowed = { ev-not-allowed }
ev-refused-date_passed = Ngày mới đã qua. Vui lòng chọn một ngày sắp tới.
ev-refused-same_date = Sự kiện đã diễn ra vào ngày đó rồi, không có gì thay đổi.
ev-refused-already_cancelled = Sự kiện này đã bị hủy trước đó.
ev-notice-postponed = [Thay đổi] { $title } dời từ { $fromDate } sang { $toTime } ngày { $toDate } tại { $venue }.
ev-notice-cancelled = [Thay đổi] { $title } ({ $time } ngày { $date }) đã hủy. Xin lỗi bà con vì sự bất tiện.
