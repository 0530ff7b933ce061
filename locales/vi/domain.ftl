# Domain core: registration statuses, actions, refusals (issue 4).
# Variables are ids from bot/domain; selectors turn them into words.

## Status labels shown to cadres (domain §3.2)
status-draft = Bản nháp
status-submitted = Chờ tiếp nhận
status-needs-revision = Cần bổ sung
status-accepted = Đã tiếp nhận – đang triển khai
status-under-evaluation = Đang thẩm định
status-recognized = Đã được công nhận
status-recognized-detail = Đã được công nhận { $tier } (QĐ số { $decisionNo }, ngày { $decisionDate })
status-not-recognized = Chưa được công nhận
status-not-recognized-detail = Chưa được công nhận năm { $year }
status-rejected = Không tiếp nhận
status-rejected-detail = Không tiếp nhận (lý do: { $reason })
status-withdrawn = Đã rút
status-revoked = Đã thu hồi công nhận
status-deleted = Đã xóa bản nháp

## Actions (button labels and the "$allowed" list)
event-create = Tạo hồ sơ mới
event-edit = Sửa bản nháp
event-submit = Gửi đăng ký
event-discard = Xóa bản nháp
event-accept = Tiếp nhận
event-return = Trả lại để bổ sung
event-reject = Không tiếp nhận
event-resubmit = Gửi lại sau khi bổ sung
event-withdraw = Rút hồ sơ
event-attach-report = Nộp báo cáo
event-open-evaluation = Mở thẩm định
event-request-info = Yêu cầu bổ sung minh chứng
event-record-evaluation = Ghi kết quả thẩm định
event-recognize = Công nhận
event-decline = Không công nhận
event-nominate-up = Đề nghị cấp trên
event-revoke = Thu hồi công nhận
event-admin-correct = Điều chỉnh (quản trị)

## Roles
role-resident = Người dân
role-cadre = Cán bộ
role-reviewer = Bộ phận tiếp nhận
role-approver = Người công nhận
role-broadcaster = Người gửi thông báo
role-admin = Quản trị

## Refusals: why not, and what is possible now
err-transition-not-allowed = Hồ sơ đang ở trạng thái «{ $status ->
        [draft] Bản nháp
        [submitted] Chờ tiếp nhận
        [needs_revision] Cần bổ sung
        [accepted] Đã tiếp nhận
        [under_evaluation] Đang thẩm định
        [recognized] Đã được công nhận
        [not_recognized] Chưa được công nhận
        [rejected] Không tiếp nhận
        [withdrawn] Đã rút
        [revoked] Đã thu hồi công nhận
        [deleted] Đã xóa
       *[new] Chưa có hồ sơ
    }» nên chưa thể thực hiện thao tác này. Việc đồng chí có thể làm bây giờ: { $allowed }.
err-role-not-permitted = Tài khoản của đồng chí chưa được giao quyền cho thao tác này. Việc có thể làm bây giờ: { $allowed }. Cần quyền khác, xin liên hệ bộ phận dân vận của phường.
err-cadre-not-active = Hồ sơ cán bộ của đồng chí đang tạm dừng hoặc chờ xác minh, nên chưa thao tác được. Vui lòng liên hệ bộ phận dân vận để xác nhận lại đơn vị.
err-out-of-scope = Đơn vị «{ $unit }» không thuộc phạm vi được giao của đồng chí. Đồng chí chỉ thao tác được với các đơn vị trong phạm vi của mình. Việc có thể làm bây giờ: { $allowed }.
err-unit-unknown = Không tìm thấy đơn vị này. Đồng chí gõ lại tên phường hoặc đơn vị giúp tôi.
err-unit-not-valid-today = Đơn vị «{ $unit }» không còn tồn tại (đến { $validTo }). Đồng chí chọn đơn vị mới sau sắp xếp để đăng ký.
err-year-not-allowed = Năm { $year } không đăng ký được. Chỉ đăng ký cho năm { $current } (hoặc năm sau nếu kế hoạch cho phép đăng ký sớm).
err-fields-invalid = Hồ sơ còn thiếu hoặc chưa đúng: { $fields }. Đồng chí bổ sung rồi gửi lại.
err-possible-duplicate = Đơn vị đã có hồ sơ tương tự cùng năm: { $codes }. Đây là mô hình MỚI hay CẬP NHẬT hồ sơ cũ?
err-comment-required = Cần ghi góp ý cụ thể để cán bộ biết phải bổ sung gì.
err-reject-reason-required = Cần chọn lý do không tiếp nhận: trùng lặp, không thuộc phạm vi, không phải mô hình dân vận, hoặc sai đơn vị.
err-reason-required = Cần ghi rõ lý do (và số văn bản nếu có) trước khi thực hiện.
err-decision-required = Cần đủ thông tin quyết định: số quyết định, ngày quyết định, cơ quan ban hành và cấp công nhận (còn thiếu: { $missing }).
err-decision-date-in-future = Ngày quyết định { $decisionDate } ở tương lai. Vui lòng kiểm tra lại ngày.
err-tier-unknown = Cấp công nhận «{ $tier }» chưa có trong cấu hình.
err-tier-not-own = Đồng chí chỉ công nhận được ở cấp của mình ({ $own }), không phải cấp «{ $tier }». Có thể dùng «Đề nghị cấp trên» để chuyển lên.
err-tier-retired = Cấp «{ $tier }» đã thôi áp dụng từ { $retiredOn }; chỉ ghi nhận được quyết định ban hành trước ngày đó.
err-tier-inactive = Cấp «{ $tier }» hiện không còn áp dụng.
err-issuer-out-of-scope = Cơ quan ban hành quyết định không thuộc phạm vi của đồng chí.
err-nomination-tier-not-higher = Chỉ đề nghị lên cấp cao hơn cấp hiện tại ({ $from }).
err-withdraw-under-evaluation = Hồ sơ đang được thẩm định nên không rút được nữa. Nếu cần, xin liên hệ bộ phận thẩm định.
err-report-needs-accepted = Chỉ nộp báo cáo cho hồ sơ «Đã tiếp nhận». Hồ sơ này đang ở trạng thái «{ $status ->
        [draft] Bản nháp
        [submitted] Chờ tiếp nhận
        [needs_revision] Cần bổ sung
        [under_evaluation] Đang thẩm định
        [recognized] Đã được công nhận
       *[other] { $status }
    }».
err-report-duplicate = Báo cáo loại này cho kỳ { $period } đã được nộp rồi.
err-draft-not-idle = Bản nháp chưa đủ { $days } ngày không hoạt động nên chưa tự xóa.
err-evaluation-not-ready = Chưa mở thẩm định tự động: đợt thẩm định chưa mở hoặc chưa có báo cáo tổng kết.
err-recognition-missing = Hồ sơ chưa có quyết định công nhận hợp lệ để thực hiện thao tác này.
err-admin-correct-target = Trạng thái điều chỉnh không hợp lệ hoặc trùng trạng thái hiện tại.

## Warnings (never block)
warn-late-submission = Đã quá hạn đăng ký. Hồ sơ vẫn được gửi nhưng ghi nhận là đăng ký bổ sung.
warn-late-report = Báo cáo nộp sau hạn; đã ghi nhận là nộp muộn.
warn-decision-number-format = Số quyết định không theo mẫu thường gặp (ví dụ 48-KH/BDVTU hoặc 06/2021/QĐ-UBND). Đồng chí kiểm tra lại giúp.

## Field problems
invalid-title-length = Tên mô hình cần từ 10 đến 300 ký tự.
invalid-title-category-only = Tên mô hình cần nói rõ nội dung, không chỉ là «mô hình dân vận khéo».
invalid-category = Chọn loại: mô hình, điển hình, giải pháp hoặc công trình.
invalid-subject-type = Chọn tập thể hay cá nhân.
invalid-field = Chọn lĩnh vực: kinh tế; văn hóa – xã hội; quốc phòng – an ninh; xây dựng Đảng và hệ thống chính trị.
invalid-summary-length = Mô tả ngắn cần ít nhất 30 ký tự (vấn đề, cách làm, kết quả mong đợi).
invalid-person-name = Với cá nhân, cần họ tên người (2–80 chữ cái).
invalid-location-required = Với công trình, cần địa điểm hoặc địa chỉ.
invalid-end-before-start = Ngày kết thúc phải sau ngày bắt đầu.

## Messages to the contact cadre after someone else acted
notify-create = Hồ sơ mới đã được tạo cho đơn vị của đồng chí.
notify-edit = Bản nháp «{ $title }» vừa được sửa.
notify-submit = Hồ sơ { $code } đã được gửi, trạng thái: Chờ tiếp nhận.
notify-discard = Bản nháp «{ $title }» đã được xóa.
notify-accept = Hồ sơ { $code } «{ $title }» đã được TIẾP NHẬN.
notify-return = Hồ sơ { $code } cần BỔ SUNG. Xem góp ý và gửi lại.
notify-reject = Hồ sơ { $code } không được tiếp nhận.
notify-resubmit = Hồ sơ { $code } đã được gửi lại.
notify-withdraw = Hồ sơ { $code } đã được rút.
notify-attach-report = Báo cáo của hồ sơ { $code } đã được nộp.
notify-open-evaluation = Hồ sơ { $code } đang được thẩm định.
notify-request-info = Hồ sơ { $code } cần bổ sung minh chứng; trạng thái trở lại «Đã tiếp nhận».
notify-record-evaluation = Đã ghi kết quả thẩm định cho hồ sơ { $code }.
notify-recognize = Chúc mừng! Hồ sơ { $code } «{ $title }» đã được CÔNG NHẬN.
notify-decline = Hồ sơ { $code } chưa được công nhận năm nay.
notify-nominate-up = Hồ sơ { $code } đã được đề nghị lên cấp trên xét công nhận.
notify-revoke = Công nhận của hồ sơ { $code } đã bị thu hồi.
notify-admin-correct = Trạng thái hồ sơ { $code } đã được quản trị điều chỉnh.

## Confirmations to the person who acted
confirm-create = Đã tạo bản nháp.
confirm-edit = Đã lưu thay đổi.
confirm-submit = Đã GỬI thành công. Mã hồ sơ: { $code } • Trạng thái: Chờ tiếp nhận.
confirm-discard = Đã xóa bản nháp.
confirm-accept = Đã tiếp nhận hồ sơ { $code }.
confirm-return = Đã trả lại hồ sơ { $code } kèm góp ý.
confirm-reject = Đã ghi nhận không tiếp nhận hồ sơ { $code }.
confirm-resubmit = Đã gửi lại hồ sơ { $code }.
confirm-withdraw = Đã rút hồ sơ { $code }.
confirm-attach-report = Đã nộp báo cáo cho hồ sơ { $code }. Các nhắc hạn liên quan đã tắt.
confirm-open-evaluation = Đã chuyển hồ sơ { $code } sang thẩm định.
confirm-request-info = Đã yêu cầu bổ sung minh chứng cho hồ sơ { $code }.
confirm-record-evaluation = Đã ghi kết quả thẩm định hồ sơ { $code }.
confirm-recognize = Đã ghi nhận công nhận hồ sơ { $code }. Có soạn thông báo chúc mừng không?
confirm-decline = Đã ghi nhận không công nhận hồ sơ { $code }.
confirm-nominate-up = Đã gửi đề nghị cấp trên cho hồ sơ { $code }.
confirm-revoke = Đã thu hồi công nhận hồ sơ { $code }.
confirm-admin-correct = Đã điều chỉnh trạng thái hồ sơ { $code }.

## Places and calendar
place-former-unit = { $name } (cũ) đã được sắp xếp từ { $since } vào { $successors }.
place-ambiguous = «{ $query }» có thể là nhiều đơn vị. Đồng chí chọn giúp:
place-unverified = Chưa có dữ liệu đã kiểm chứng về việc { $query } nay thuộc phường nào. Đồng chí chọn phường hiện tại:
place-not-found = Không tìm thấy «{ $query }».
place-needs-district = Phường số cần kèm tên quận cũ, ví dụ «phường 25 Bình Thạnh».
calendar-not-configured = Chưa có lịch chính thức cho nội dung này; khi có lịch tôi sẽ báo.
err-registration-not-found = Không tìm thấy hồ sơ này. Đồng chí kiểm tra lại mã hồ sơ (ví dụ DVK-2026-CN-017).
