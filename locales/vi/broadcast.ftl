## Staff broadcasts (issue 11): what residents receive and what the composer is told.

broadcast-footer-stop = — Trả lời "hủy nhận tin" để dừng nhận thông báo.
broadcast-finished = Đã gửi xong thông báo: { $sent } người đã nhận, { $skipped } bỏ qua, { $failed } lỗi.

## Compose (domain §3.4)
bc-not-allowed = Xin lỗi, chỉ cán bộ phụ trách thông tin (hoặc quản trị) của phường mới gửi được thông báo. Nếu bạn muốn nhận thông báo của phường, hãy nhắn "đăng ký nhận tin".
bc-unit-unknown = Tôi chưa tìm thấy đơn vị "{ $place }". Bạn kiểm tra lại tên phường/xã giúp tôi nhé.
bc-refused-out-of-scope = Xin lỗi, { $unit } nằm ngoài phạm vi bạn được gửi thông báo. Bạn chỉ gửi được cho đơn vị trong phạm vi phụ trách của mình.
bc-refused-no-approver = Thông báo này có nhiều người nhận nên cần một người duyệt thứ hai, nhưng chưa có cán bộ nào khác trong phạm vi có quyền duyệt. Vui lòng liên hệ quản trị.
bc-ask-kind = Loại thông báo?
bc-kind-recognition = Công nhận/khen thưởng
bc-kind-event = Sự kiện
bc-kind-deadline = Nhắc hạn
bc-kind-other = Khác
bc-ask-audience = Gửi tới ai?
bc-aud-residents = Người dân theo dõi { $unit }
bc-aud-cadres = Cán bộ các đơn vị thuộc { $unit }
bc-aud-both = Cả người dân và cán bộ { $unit }
bc-ask-body = Nội dung thông báo (tối đa { $max } ký tự):
bc-body-empty = Nội dung đang trống. Bạn nhập nội dung thông báo nhé.
bc-body-too-long = Nội dung dài { $length } ký tự, vượt quá { $max }. Bạn rút gọn lại giúp tôi nhé.
bc-body-phone = Nội dung có số điện thoại cá nhân ({ $masked }). Để bảo vệ thông tin cá nhân, thông báo chỉ được ghi số đường dây nóng của cơ quan. Bạn sửa lại nội dung nhé.
bc-body-cccd = Nội dung có dãy 12 chữ số giống số căn cước công dân. Thông báo không được chứa số định danh cá nhân. Bạn sửa lại nội dung nhé.
bc-diacritics = Nội dung chưa có dấu. Bản đã thêm dấu (vui lòng kiểm tra):
    "{ $suggestion }"
bc-btn-use-marks = Dùng bản có dấu
bc-btn-keep-typed = Giữ nguyên
bc-preview-title = Xem trước:
bc-preview-recipients = Người nhận dự kiến: { $residents } người dân + { $cadres } cán bộ ({ $channels })
bc-channel-console = Thử nghiệm
bc-channel-telegram = Telegram
bc-channel-zalo-bot = Zalo Bot
bc-channel-zalo-oa = Zalo OA
bc-skip-opted_out = { $count } người đã hủy nhận tin → không gửi
bc-skip-unreachable = { $count } người không liên lạc được (đã chặn/bỏ theo dõi) → không gửi
bc-skip-oa_quota = { $count } người đã hết hạn mức nhận tin Zalo OA tháng này → sẽ không nhận được
bc-skip-outside_window = { $count } người ngoài khung 48 giờ của Zalo OA → sẽ không nhận được
bc-skip-no_sender = { $count } người dùng kênh chưa bật → không gửi
bc-when-now = ngay khi xác nhận
bc-when-at = { $time } ngày { $date }
bc-preview-when = Gửi lúc: { $when }
bc-preview-needs-approval = Trên { $threshold } người nhận: cần một người duyệt thứ hai trước khi gửi.
bc-preview-hint = Chọn "Gửi" hoặc gõ giờ gửi (ví dụ "8h sáng mai", "thứ 7 này 7h30").
bc-preview-again = Bạn chọn một mục bên dưới, hoặc gõ giờ gửi (ví dụ "8h sáng mai").
bc-btn-send = Gửi
bc-btn-tomorrow = 8h00 sáng mai
bc-btn-edit = Sửa nội dung
bc-btn-cancel = Hủy
bc-cancelled = Đã hủy bản nháp thông báo.
bc-moved-quiet = Giờ đó nằm trong khung giờ yên tĩnh (không gửi tin ban đêm), nên thông báo sẽ gửi lúc { $when }.
bc-scheduled = Đã lên lịch gửi lúc { $when }. Gõ "lịch gửi tuần này" để xem hoặc hủy.
bc-sending = Đang gửi thông báo. Gõ "tình hình gửi thông báo" để xem tiến độ.
bc-pending-approval = Đã lưu, gửi lúc { $when } sau khi được duyệt. Cần 1 người duyệt; đã gửi yêu cầu duyệt tới { $approvers } người.

## Approval
bc-approval-request = [Cần duyệt] { $author } soạn thông báo gửi { $audience } ({ $count } người nhận), gửi lúc { $when }:
    "{ $body }"
bc-btn-approve = Duyệt
bc-approved = Đã duyệt. Thông báo sẽ gửi lúc { $when }.
bc-approved-author = Thông báo của bạn đã được duyệt và sẽ gửi lúc { $when }.
bc-approve-not-found = Không tìm thấy thông báo cần duyệt.
bc-approve-own = Bạn không thể tự duyệt thông báo của mình; cần một cán bộ khác duyệt.
bc-approve-out-of-scope = Thông báo này nằm ngoài phạm vi bạn được duyệt.
bc-approve-not-pending = Thông báo này không còn chờ duyệt (đã duyệt hoặc đã hủy).

## Status
bc-status-draft = bản nháp
bc-status-pending_approval = chờ duyệt
bc-status-scheduled = đã lên lịch
bc-status-sending = đang gửi
bc-status-done = đã gửi xong
bc-status-stopped = đã tạm dừng
bc-status-cancelled = đã hủy
bc-none-yet = Bạn chưa gửi thông báo nào.
bc-progress = Thông báo gửi { $audience } ({ $when }): { $status }.
    Đã nhận: { $sent } · Đang chờ: { $waiting } · Bỏ qua: { $skipped } · Lỗi: { $failed } · Tạm dừng: { $stopped }
bc-btn-stop = Dừng gửi
bc-btn-resume = Tiếp tục gửi
bc-btn-retry = Gửi lại tin lỗi
bc-stopped = Đã dừng. Những người chưa nhận sẽ không nhận cho tới khi bạn bấm "Tiếp tục gửi".
bc-resumed = Đã tiếp tục gửi.
bc-retrying = Đang gửi lại { $count } tin lỗi.
bc-cannot-change = Không thực hiện được với thông báo ở trạng thái hiện tại.
bc-list-empty = Tuần này không có thông báo nào đang chờ gửi.
bc-list-title = Lịch gửi tuần này ({ $count } thông báo):
bc-list-line = { $n }) { $when } – { $audience } – { $count } người nhận – { $status }: "{ $excerpt }"
bc-list-hint = Gõ "hủy 1" (theo số thứ tự) hoặc bấm nút để hủy một thông báo.
bc-btn-cancel-n = Hủy { $n }
bc-cancelled-one = Đã hủy thông báo.
bc-cannot-cancel = Thông báo này đã bắt đầu gửi hoặc đã hủy; hãy dùng "Dừng gửi" nếu đang gửi.
bc-nothing-to-approve = Hiện không có thông báo nào chờ bạn duyệt.
bc-choose-to-approve = Có nhiều thông báo chờ duyệt; chọn số thông báo bạn duyệt:

## Uncertain deliveries (a worker stopped while the platform request was on the wire)
broadcast-finished-uncertain = Đã gửi xong thông báo: { $sent } người đã nhận, { $skipped } bỏ qua, { $failed } lỗi, { $uncertain } tin chưa chắc chắn đã tới (máy gửi bị dừng giữa chừng). Gõ "gửi lại tin chưa chắc chắn" nếu muốn gửi lại; người đã nhận có thể nhận hai lần.
bc-progress-uncertain = Chưa chắc chắn đã tới: { $uncertain } (không tự gửi lại để tránh gửi trùng).
bc-btn-resend-uncertain = Gửi lại tin chưa chắc chắn
bc-resending-uncertain = Đang gửi lại { $count } tin chưa chắc chắn. Người đã nhận có thể nhận hai lần.
bc-no-uncertain = Không có tin nào chưa chắc chắn để gửi lại.
