# Nhắc hạn và lịch nhắc (issue 11, mục 4). Tiếng Việt là bản gốc.

## Tin nhắc gửi đi
rm-report-due = [Nhắc hạn] Mô hình { $code } «{ $title }» cần nộp BÁO CÁO { $kind } trước { $due }{ $daysLeft ->
    [0] {" "}(hạn là hôm nay).
   *[other] {" "}(còn { $daysLeft } ngày).
}
rm-btn-report-now = Nộp báo cáo ngay
rm-registration-deadline = [Nhắc hạn] Đăng ký mô hình, điển hình "Dân vận khéo" năm { $year } đóng vào { $due } (còn { $daysLeft } ngày). { $unit } chưa đăng ký mô hình nào. Gõ "đăng ký mô hình" để bắt đầu.
rm-revision-pending = [Nhắc việc] Hồ sơ { $code } «{ $title }» đã được trả lại để bổ sung { $days } ngày nay. Gõ "bổ sung { $code }" để hoàn thiện và gửi lại.
rm-revision-pending-reviewer = [Nhắc việc] Hồ sơ { $code } «{ $title }» ({ $unit }) đã chờ bổ sung { $days } ngày mà chưa được gửi lại. Đề nghị liên hệ đơn vị.
rm-evaluation-visit = [Nhắc lịch] Ngày mai ({ $date }) đoàn thẩm định đến khảo sát thực tế mô hình { $code } «{ $title }». Đề nghị đơn vị chuẩn bị.
rm-event-soon = Còn { $daysLeft } ngày: { $title }, { $time } ngày { $date } tại { $venue }.
rm-event-tomorrow = Ngày mai ({ $date }) { $time }: { $title } tại { $venue }.
rm-event-today = Hôm nay { $time }: { $title } tại { $venue }.
rm-how-to-stop = Trả lời "hủy nhận tin" để dừng nhận tin.

## Cán bộ đặt lịch nhắc
rm-kind-report_due = nhắc nộp báo cáo
rm-kind-registration_deadline = nhắc hạn đăng ký
rm-kind-revision_pending = nhắc bổ sung hồ sơ
rm-kind-revision_pending_reviewer = báo người thẩm định hồ sơ chờ bổ sung
rm-kind-evaluation_visit = nhắc lịch khảo sát thực tế
rm-kind-event = nhắc sự kiện cho người nhận tin
rm-kind-event_change = thông báo thay đổi sự kiện
rm-not-allowed = Chỉ cán bộ phụ trách thông báo (hoặc quản trị) trong phạm vi đơn vị mới đặt được lịch nhắc.
rm-ask-kind = Nhắc nộp báo cáo nào? Ví dụ: "nhắc các mô hình chưa nộp báo cáo sơ kết trước 15/6".
rm-ask-due = Hạn nộp là ngày nào? (ví dụ: 15/6)
rm-due-past = Hạn { $due } đã qua. Vui lòng gõ một ngày sắp tới (ví dụ: 15/6).
rm-preview = Tạo lịch nhắc: { $targets } hồ sơ "đã tiếp nhận" chưa có báo cáo { $kind } trong phạm vi { $scope }.
    Hạn nộp: { $due }. Nhắc vào: { $moments }.
rm-preview-none = (Hiện chưa có hồ sơ nào thiếu báo cáo; lịch vẫn áp dụng cho hồ sơ được tiếp nhận sau.)
rm-btn-confirm = Xác nhận
rm-btn-cancel = Hủy
rm-created = Đã tạo lịch nhắc nộp báo cáo { $kind } hạn { $due } cho { $targets } hồ sơ. Nộp báo cáo xong thì nhắc tự tắt.
rm-cancelled = Đã hủy, không tạo lịch nhắc nào.
rm-hint-confirm = Gõ "1" hoặc "xác nhận" để tạo lịch nhắc, "hủy" để bỏ.
rm-list-title = Lịch nhắc từ { $from } đến { $to } trong phạm vi { $scope }:
rm-list-line = { $n }) { $time } { $date } – { $kind }: { $what } ({ $recipients } người nhận)
rm-list-empty = Không có lịch nhắc nào từ { $from } đến { $to } trong phạm vi { $scope }.
rm-what-report = báo cáo { $kind }, hạn { $due }
rm-what-deadline = đăng ký mô hình năm { $year }, hạn { $due }
rm-what-item = { $code } «{ $title }»
rm-kind-choice-so_ket_6_thang = Sơ kết 6 tháng
rm-kind-choice-tong_ket_nam = Tổng kết năm
rm-btn-snooze = Nhắc lại ngày mai
rm-snoozed = Được, tôi sẽ nhắc lại lúc { $time } ngày { $date }.
rm-snooze-due-today = Hạn nộp là hôm nay nên không hẹn lại được. Gõ "nộp báo cáo" để nộp ngay.
rm-snooze-not-found = Tôi không tìm thấy nhắc hạn này cho đồng chí.
