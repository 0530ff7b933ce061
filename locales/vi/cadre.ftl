# Cán bộ, bộ phận tiếp nhận và người công nhận: liên kết tài khoản, đăng ký mô hình,
# tra cứu, bổ sung, rút hồ sơ, báo cáo, tiếp nhận và công nhận (issue 7).

## Chung
cadre-not-found-or-hidden = Không tìm thấy hồ sơ này trong phạm vi của đồng chí. Đồng chí kiểm tra lại mã (ví dụ DVK-2026-CN-017) hoặc gõ "hồ sơ của tôi".
cadre-roles-suspended = Quyền của đồng chí đang tạm dừng chờ bộ phận dân vận xác nhận đơn vị mới. Khi được xác nhận, tôi sẽ báo để đồng chí tiếp tục.
reg-not-cadre = Chức năng đăng ký mô hình dành cho cán bộ của đơn vị. Tài khoản của đồng chí chưa có quyền này; xin liên hệ bộ phận dân vận của phường.

## Đăng ký mô hình (domain §3.1)
reg-step-prefix = Bước { $n }/{ $total } – 
reg-start = Bắt đầu đăng ký mô hình "Dân vận khéo" năm { $year }. Gõ "hủy" bất cứ lúc nào để dừng, "quay lại" để về bước trước.
reg-start-prefilled = Bắt đầu đăng ký năm { $year }. Tôi đã ghi nhận các thông tin đồng chí vừa nhắn, chỉ hỏi phần còn thiếu.
reg-ask-title = Tên mô hình là gì ạ? (ví dụ: "Khéo trong vận động …")
reg-ask-title-confirm = Tên mô hình (tôi đã thêm dấu, đồng chí kiểm tra giúp): «{ $title }». Giữ nguyên tên này hay sửa lại?
reg-ask-category = Loại đăng ký?
reg-ask-subject = Tập thể hay cá nhân?
reg-ask-subject-unit = Tên tập thể (đơn vị) là gì ạ? Ví dụ: "Công an phường Cửa Nam".
reg-ask-subject-unit-choose = Đồng chí chọn đơn vị giúp:
reg-ask-subject-unit-former = { $name } (cũ) đã được sắp xếp từ { $since } vào { $successors }. Đơn vị của đồng chí hiện thuộc đơn vị nào?
reg-ask-person = Họ tên và chức vụ của cá nhân? (ví dụ: Nguyễn Văn Hùng, Bí thư chi bộ tổ dân phố số 5)
reg-ask-location = Địa điểm của công trình (số nhà, ngõ, tổ dân phố)?
reg-ask-field = Lĩnh vực?
reg-ask-start = Năm thực hiện: { $year }, bắt đầu từ ngày nào ạ? (gõ "bỏ qua" nếu chưa rõ)
reg-ask-summary = Mô tả ngắn (vấn đề cần giải quyết + cách làm + kết quả mong đợi), tối thiểu 30 ký tự. Có thể gửi kèm ảnh hoặc kế hoạch.
reg-ask-contact = Người liên hệ: { $name }, SĐT { $phone } (theo hồ sơ).
reg-ask-contact-choose = Chọn người liên hệ khác của đơn vị:
reg-btn-keep = Giữ nguyên
reg-btn-retype = Sửa lại
reg-btn-subject-own = Tập thể: { $unit }
reg-btn-subject-other = Tập thể khác
reg-btn-subject-person = Cá nhân
reg-btn-yes = Đúng
reg-btn-contact-change = Đổi người liên hệ
reg-btn-submit = Gửi đăng ký
reg-btn-edit = Sửa
reg-btn-cancel = Hủy
reg-btn-continue = Tiếp tục
reg-btn-resume = Tiếp tục bản nháp
reg-btn-restart = Làm mới
reg-btn-retry = Thử lại
reg-btn-dup-new = Mô hình mới
reg-btn-dup-update = Cập nhật hồ sơ cũ
reg-category-mo_hinh = Mô hình
reg-category-dien_hinh = Điển hình (gương)
reg-category-giai_phap = Giải pháp
reg-category-cong_trinh = Công trình
reg-field-btn-kinh_te = Kinh tế
reg-field-btn-van_hoa_xa_hoi = Văn hóa – xã hội
reg-field-btn-quoc_phong_an_ninh = Quốc phòng – an ninh
reg-field-btn-xay_dung_dang_he_thong_chinh_tri = Xây dựng Đảng & HTCT
reg-field-kinh_te = Kinh tế
reg-field-van_hoa_xa_hoi = Văn hóa – xã hội
reg-field-quoc_phong_an_ninh = Quốc phòng – an ninh
reg-field-xay_dung_dang_he_thong_chinh_tri = Xây dựng Đảng và hệ thống chính trị
reg-field-khac = Khác
reg-subject-collective = Tập thể: { $unit }
reg-subject-person = Cá nhân: { $name }{ $position } ({ $unit })
reg-start-unknown = chưa rõ
reg-untitled = (chưa có tên)
reg-summary =
    TÓM TẮT ĐĂNG KÝ
    • Tên: { $title }
    • Loại: { $category } – { $subject }
    • Lĩnh vực: { $field } • Năm: { $year } • Bắt đầu: { $start }
    • Mô tả: { $summary }
    • Người liên hệ: { $contact }, SĐT { $phone }
reg-summary-location = • Địa điểm: { $location }
reg-review-hint = Đồng chí kiểm tra lại; muốn đổi một mục thì nhắn, ví dụ "sửa lĩnh vực thành kinh tế".
reg-edit-menu = Đồng chí muốn sửa mục nào?
reg-edit-step-1 = 1 Tên
reg-edit-step-2 = 2 Loại
reg-edit-step-3 = 3 Tập thể/cá nhân
reg-edit-step-4 = 4 Lĩnh vực
reg-edit-step-5 = 5 Ngày bắt đầu
reg-edit-step-6 = 6 Mô tả
reg-edit-step-7 = 7 Người liên hệ
reg-attr-title = tên
reg-attr-category = loại
reg-attr-field = lĩnh vực
reg-attr-startDate = ngày bắt đầu
reg-attr-summary = mô tả
reg-edited = Đã đổi { $attribute } → { $value }.
reg-reverted = Đã đổi lại { $attribute } → { $value }.
reg-nothing-to-revert = Chưa có thay đổi nào để hoàn tác.
reg-cancelled = Đã hủy, bản nháp được lưu 30 ngày. Gõ "tiếp tục" để làm tiếp.
reg-cancelled-not-saved = Đã hủy. Bản nháp chưa lưu được (thông tin còn thiếu đơn vị hợp lệ); khi cần, gõ "đăng ký mô hình" để làm lại.
reg-stored-draft = Đồng chí đang có bản nháp «{ $title }». Làm tiếp bản nháp đó hay làm mới?
reg-resumed = Làm tiếp bản nháp «{ $title }».
reg-no-draft = Không còn bản nháp nào (bản nháp chỉ lưu 30 ngày). Gõ "đăng ký mô hình" để bắt đầu.
reg-idle-resume = Đồng chí đang đăng ký dở mô hình «{ $title }», bước { $n }/{ $total }.
reg-resume-choose = Đồng chí chọn "Tiếp tục" để làm tiếp, hoặc "Làm mới" để bắt đầu lại.
reg-lost = Phiên đăng ký đã hết. Gõ "đăng ký mô hình" để bắt đầu lại.
reg-stuck = Bước này có vẻ đang vướng. Đồng chí có thể thử lại, hủy (bản nháp vẫn được lưu), hoặc gõ "gặp cán bộ" để được bộ phận dân vận hỗ trợ.
reg-duplicate = Đơn vị đã có hồ sơ tương tự năm { $year }: { $list }. Đây là mô hình MỚI hay CẬP NHẬT hồ sơ cũ?
reg-duplicate-choose = Đồng chí chọn "Mô hình mới" để gửi hồ sơ này, hoặc "Cập nhật hồ sơ cũ".
reg-duplicate-update = Đã bỏ bản đăng ký mới. Để cập nhật hồ sơ cũ: nếu hồ sơ đang "Cần bổ sung", gõ "bổ sung hồ sơ"; nếu không, xin liên hệ bộ phận tiếp nhận.
reg-submitted = Đã GỬI thành công. Mã hồ sơ: { $code } • Trạng thái: Chờ tiếp nhận.
    Bộ phận tiếp nhận: { $office }. Nhắn "tra cứu { $code }" để xem tiến độ.
reg-hint-title-length = Tên mô hình cần từ 10 đến 300 ký tự (đồng chí vừa gõ { $length } ký tự). Ví dụ: "Khéo trong vận động hộ kinh doanh giữ vỉa hè thông thoáng".
reg-hint-title-category-only = Tên cần nói rõ mô hình làm gì, không chỉ là "mô hình dân vận khéo". Ví dụ: "Khéo trong vận động nhân dân hiến đất mở ngõ".
reg-hint-category = Đồng chí chọn một loại: Mô hình, Điển hình, Giải pháp hoặc Công trình (gõ số 1–4 cũng được).
reg-hint-subject = Đồng chí chọn: tập thể của đơn vị mình, tập thể khác, hoặc cá nhân (gõ số 1–3).
reg-hint-unit = Chưa tìm thấy đơn vị này. Đồng chí gõ lại tên đơn vị, ví dụ "phường Cửa Nam" hoặc "Công an phường Hoàn Kiếm".
reg-hint-person = Cần họ tên đầy đủ (chỉ chữ cái, ít nhất 2 chữ), có thể kèm chức vụ sau dấu phẩy. Ví dụ: "Trần Thị Mai, Tổ trưởng tổ dân phố 3".
reg-hint-location = Cần địa điểm cụ thể của công trình, ví dụ "Ngõ 12 phố Hàng Bông, tổ dân phố 4".
reg-hint-field = Đồng chí chọn lĩnh vực 1–4, hoặc gõ như "an ninh", "pccc", "văn hóa", "kinh tế", "chuyển đổi số".
reg-hint-start = Chưa đọc được ngày. Đồng chí gõ ngày trước tháng, ví dụ "1/3" hoặc "15/3/2026"; chưa rõ thì gõ "bỏ qua".
reg-hint-summary = Mô tả cần ít nhất 30 ký tự (đồng chí vừa gõ { $length }): nêu vấn đề, cách làm và kết quả mong đợi.
reg-hint-contact = Đồng chí chọn "Đúng" nếu người liên hệ đúng, hoặc "Đổi người liên hệ".
reg-hint-contact-none = Đơn vị chưa có cán bộ khác trên hệ thống; người liên hệ vẫn là { $name }. Đồng chí chọn "Đúng" để tiếp tục.
reg-hint-generic = Tôi chưa hiểu câu trả lời. Đồng chí trả lời giúp câu hỏi trên nhé.
reg-hint-step-number = Các bước đánh số từ 1 đến { $total }. Ví dụ: "sửa bước 2".

## Thông báo cho bộ phận tiếp nhận
review-notify-new = Có hồ sơ mới chờ tiếp nhận: { $code } «{ $title }».
review-btn-open = Xem hồ sơ
review-notify-resubmitted = Hồ sơ { $code } đã được cán bộ bổ sung và gửi lại, chờ tiếp nhận.

## Liên kết tài khoản (mã mời)
link-ask-code = Chào đồng chí. Tài khoản này chưa liên kết với hồ sơ cán bộ. Vui lòng nhập MÃ MỜI do Ban/bộ phận dân vận cấp (6 ký tự). Tôi không liên kết theo số điện thoại tự khai.
link-ask-code-for = Để dùng «{ $label }», tài khoản này cần liên kết với hồ sơ cán bộ. Vui lòng nhập MÃ MỜI do Ban/bộ phận dân vận cấp (6 ký tự).
link-code-unknown = Mã mời không đúng. Đồng chí kiểm tra lại 6 ký tự (chữ và số) rồi nhập lại; gõ "hủy" để dừng.
link-code-expired = Mã mời này đã hết hạn. Xin liên hệ bộ phận dân vận để được cấp mã mới.
link-code-used = Mã mời này đã được dùng. Mỗi mã chỉ dùng một lần; xin liên hệ bộ phận dân vận nếu cần mã mới.
link-locked = Đồng chí đã nhập sai mã quá 5 lần. Chức năng liên kết tạm khóa đến { $until }; sau đó đồng chí thử lại.
link-confirm = Mã hợp lệ: { $name } – { $position }, đơn vị: { $unit }. Đúng là đồng chí không ạ?
link-btn-not-me = Không phải tôi
link-confirm-again = Đồng chí chọn "Đúng" nếu đúng là mình, hoặc "Không phải tôi".
link-not-me = Đã dừng liên kết; tài khoản chưa được gắn với hồ sơ nào. Xin báo lại bộ phận dân vận để kiểm tra mã mời.
link-cancelled = Đã dừng liên kết tài khoản. Khi có mã mời, đồng chí nhắn "liên kết tài khoản".
link-done = Đã liên kết tài khoản với hồ sơ cán bộ { $name }.
link-what-next = Đồng chí có thể: đăng ký mô hình, tra cứu hồ sơ, nộp báo cáo.
link-already = Tài khoản đã liên kết với hồ sơ cán bộ { $name } ({ $unit }).
link-ask-successor = Đơn vị «{ $unit }» của đồng chí đã được sắp xếp lại từ 01/07/2025 (nay thuộc: { $successors }). Đồng chí hiện công tác ở đơn vị nào?
link-successor-choose = Đồng chí chọn đơn vị hiện tại của mình trong danh sách giúp.
link-successor-done = Đã ghi nhận đơn vị mới: { $unit }. Quyền thao tác của đồng chí tạm dừng đến khi bộ phận dân vận xác nhận; tôi sẽ báo khi xong.

## Tra cứu hồ sơ (domain §3.2)
status-none = Đồng chí chưa có hồ sơ nào. Muốn đăng ký mô hình mới không ạ?
status-list-head = Đồng chí là người liên hệ của { $count } hồ sơ năm { $year }:
status-search-head = Có { $count } hồ sơ khớp:
status-line = { $n }) { $label } – { $status } (từ { $since })
status-next-label = Việc tiếp theo:
status-next-draft = hoàn thành bản nháp (gõ "tiếp tục").
status-next-submitted = chờ bộ phận tiếp nhận xem xét.
status-next-needs-revision = bổ sung theo góp ý rồi gửi lại.
status-next-accepted = triển khai mô hình; nộp báo cáo khi đến hạn.
status-next-report = nộp báo cáo { $kind } trước { $due }.
status-next-report-overdue = nộp báo cáo { $kind } (hạn { $due } đã qua; vẫn nộp được và được ghi nhận là nộp muộn).
status-next-under-evaluation = chờ kết quả thẩm định.
status-comment = Góp ý: "{ $comment }"
status-late = (Đăng ký bổ sung – gửi sau hạn.)
status-detail =
    Hồ sơ { $label }
    • Trạng thái: { $status } (từ { $since })
    • Đơn vị: { $unit } • { $category } • { $field } • Năm { $year }
status-btn-revise = Bổ sung hồ sơ
status-btn-report = Nộp báo cáo
status-btn-withdraw = Rút hồ sơ
status-btn-detail = Xem chi tiết
report-kind-so_ket_6_thang = sơ kết 6 tháng
report-kind-so_ket_giai_doan = sơ kết giai đoạn
report-kind-tong_ket_nam = tổng kết năm
report-kind-bao_cao_thanh_tich = báo cáo thành tích

## Bổ sung hồ sơ
rev-intro = Hồ sơ { $code } cần bổ sung. Góp ý của bộ phận tiếp nhận: "{ $comment }". Cần bổ sung: { $items }.
rev-no-comment = (không có góp ý cụ thể)
rev-ask-item = Đồng chí nhập { $item } ạ.
rev-ask-summary = Đồng chí nhập mô tả bổ sung (vấn đề, cách làm, kết quả), tối thiểu 30 ký tự.
rev-hint-short = Nội dung còn ngắn quá; đồng chí ghi cụ thể hơn giúp.
rev-cancelled = Đã dừng bổ sung; hồ sơ { $code } vẫn ở trạng thái "Cần bổ sung".
rev-resubmitted = Đã gửi lại hồ sơ { $code }. Trạng thái: Chờ tiếp nhận.
rev-none = Đồng chí không có hồ sơ nào đang "Cần bổ sung".
rev-choose = Đồng chí muốn bổ sung hồ sơ nào?
rev-not-needed = Hồ sơ { $code } đang ở trạng thái «{ $status }», không cần bổ sung.
rev-item-title = tên mô hình
rev-item-summary = mô tả
rev-item-rationale = thực trạng, lý do
rev-item-goalsAndCriteria = tiêu chí đánh giá
rev-item-method = nội dung, cách thức thực hiện
rev-item-scopeAndBeneficiaries = số hộ, số người tham gia và địa bàn
rev-item-forces = lực lượng chủ trì, phối hợp
rev-item-resourcesAndTimeline = nguồn lực và thời gian
rev-item-outputs = kết quả, minh chứng (có số liệu)
rev-item-sustainability = khả năng duy trì, nhân rộng
rev-item-location = địa điểm

## Rút hồ sơ
wd-confirm = Rút hồ sơ { $label } (đang: { $status })? Sau khi rút, hồ sơ không được xét trong năm nay.
wd-btn-yes = Rút hồ sơ
wd-btn-no = Không rút
wd-confirm-again = Đồng chí chọn "Rút hồ sơ" hoặc "Không rút".
wd-kept = Đã giữ nguyên hồ sơ { $code }.
wd-none = Đồng chí không có hồ sơ nào đang chờ hoặc đang triển khai để rút.
wd-choose = Đồng chí muốn rút hồ sơ nào?
cadre-notify-withdraw = Hồ sơ { $code } đã được rút theo đề nghị.

## Báo cáo
rp-none = Đồng chí chưa có hồ sơ nào để nộp báo cáo.
rp-choose = Báo cáo cho hồ sơ nào ạ?
rp-ask-kind = Hồ sơ { $label }: nộp báo cáo loại nào?
rp-hint-kind = Đồng chí chọn "sơ kết 6 tháng" hoặc "tổng kết năm".
rp-ask-results = Báo cáo { $kind } cho { $label }. Kết quả nổi bật (có số liệu càng tốt)?
rp-hint-results = Kết quả cần có ít nhất một con số, ví dụ "12 buổi tuyên truyền, 300 lượt người dân tham gia".
rp-ask-difficulties = Khó khăn? (gõ "không" nếu không có)
rp-ask-proposals = Đề xuất, kiến nghị? (gõ "không" nếu không có)
rp-cancelled = Đã dừng nộp báo cáo; chưa có gì được gửi.
rp-done = Đã nộp báo cáo { $kind } cho hồ sơ { $code } ({ $date }). Các nhắc hạn còn lại đã tắt.

## Tiếp nhận, thẩm định, công nhận
review-not-staff = Chức năng này dành cho bộ phận tiếp nhận và người công nhận.
review-queue-empty = Hiện không có hồ sơ nào chờ đồng chí xử lý.
review-queue-head = Có { $count } hồ sơ chờ đồng chí xử lý:
review-card =
    Hồ sơ { $label }
    • Trạng thái: { $status } (từ { $since })
    • Đơn vị: { $unit } • { $category } – { $subject } • { $field }
    • Người liên hệ: { $contact }
review-card-summary = • Mô tả: { $summary }
review-collective = Tập thể
review-nothing-to-do = Đồng chí không có thao tác nào với hồ sơ này ở trạng thái hiện tại.
review-choose-action = Đồng chí chọn một thao tác trong danh sách giúp.
review-action-not-allowed = Thao tác này không còn thực hiện được (hồ sơ vừa thay đổi trạng thái). Gõ "hồ sơ chờ duyệt" để xem lại.
review-ask-comment = Góp ý cho cán bộ (bắt buộc, ghi cụ thể cần bổ sung gì):
review-ask-reject-reason = Lý do không tiếp nhận?
review-reject-trung-lap = Trùng lặp
review-reject-khong-thuoc-pham-vi = Không thuộc phạm vi
review-reject-khong-phai-mo-hinh-dan-van = Không phải mô hình dân vận
review-reject-sai-don-vi = Sai đơn vị
review-ask-decline-reason = Lý do không công nhận?
review-ask-revoke-reason = Lý do thu hồi công nhận?
review-ask-revoke-ref = Số văn bản thu hồi (ví dụ 15/QĐ-UBND)?
review-ask-decision-no = Công nhận { $tier } – cơ quan ban hành: { $issuer }. Số quyết định?
review-ask-decision-no-again = Đồng chí nhập số quyết định, ví dụ 125-QĐ/ĐU.
review-ask-decision-date = Ngày quyết định (ngày/tháng/năm)?
review-hint-date = Chưa đọc được ngày. Đồng chí gõ ngày trước tháng, ví dụ 20/10/2026.
review-ask-tier = Đề nghị lên cấp nào?
review-no-higher-tier = Không có cấp cao hơn đang áp dụng để đề nghị.
review-not-approver = Chỉ người công nhận (có cấp công nhận của mình) mới ghi được quyết định công nhận.
review-ask-score = Tiêu chí { $n }/{ $total } – { $criterion }: điểm (0–{ $max })?
review-hint-score = Đồng chí nhập một số từ 0 đến { $max }.
review-ask-verdict = Tổng điểm { $total }/{ $max }. Kết luận?
review-verdict-dat = Đạt
review-verdict-khong_dat = Không đạt
review-verdict-de_nghi_cap_tren = Đề nghị cấp trên
review-verdict-can_bo_sung = Cần bổ sung
review-ask-eval-comment = Nhận xét (gõ "không" nếu không có)?
review-cancelled = Đã dừng thao tác; hồ sơ giữ nguyên.
review-cadre-notified = Đã báo cho cán bộ liên hệ.
review-btn-queue = Hồ sơ chờ xử lý
rubric-sang-tao = Sáng tạo, mới
rubric-hieu-qua = Hiệu quả thiết thực, tiết kiệm
rubric-tu-nguyen = Thuyết phục để dân tự nguyện làm theo
rubric-huy-dong = Huy động được nhiều lực lượng
rubric-hai-hoa-loi-ich = Hài hòa lợi ích tập thể, cá nhân, xã hội
rubric-ben-vung = Bền vững, nhân rộng được
rubric-guong-mau = Bản thân và gia đình gương mẫu
rubric-sang-kien = Có sáng kiến hay
rubric-giai-quyet-vuong-mac = Góp phần giải quyết vướng mắc kéo dài
rubric-tan-tuy = Tận tụy phục vụ nhân dân
rubric-hoan-thanh-nhiem-vu = Hoàn thành tốt nhiệm vụ

## Báo cho cán bộ liên hệ sau mỗi bước
cadre-notify-accept = Hồ sơ { $code } «{ $title }» đã được TIẾP NHẬN – đang triển khai. Việc tiếp theo: nộp báo cáo sơ kết khi đến hạn.
cadre-notify-return = Hồ sơ { $code } «{ $title }» cần BỔ SUNG. Góp ý: "{ $comment }".
cadre-notify-reject = Hồ sơ { $code } «{ $title }» không được tiếp nhận. Lý do: { $reason }.
cadre-notify-open-evaluation = Hồ sơ { $code } «{ $title }» đang được THẨM ĐỊNH.
cadre-notify-request-info = Hồ sơ { $code } cần bổ sung minh chứng: "{ $comment }". Trạng thái trở lại "Đã tiếp nhận".
cadre-notify-record-evaluation = Đã có kết quả thẩm định hồ sơ { $code }: { $verdict }.
cadre-notify-recognize = Chúc mừng! Hồ sơ { $code } «{ $title }» đã được CÔNG NHẬN { $tier } (QĐ số { $decisionNo }, ngày { $decisionDate }).
cadre-notify-decline = Hồ sơ { $code } «{ $title }» chưa được công nhận năm { $year }. Lý do: { $reason }.
cadre-notify-nominate-up = Hồ sơ { $code } «{ $title }» đã được đề nghị lên cấp trên xét công nhận.
cadre-notify-revoke = Công nhận của hồ sơ { $code } đã bị thu hồi. Lý do: { $reason } (văn bản { $ref }).

## Xác nhận đơn vị mới sau sắp xếp (cán bộ của đơn vị đã giải thể)
rebind-ask-staff = Đồng chí { $name } (đơn vị cũ: { $former }) đã chọn đơn vị mới là { $unit }. Quyền thao tác của đồng chí ấy đang tạm dừng chờ xác nhận.
rebind-approve = Xác nhận
rebind-decline = Không đúng
rebind-staff-confirmed = Đã xác nhận { $name } thuộc { $unit }; quyền thao tác đã được mở lại và đồng chí ấy đã được báo.
rebind-staff-declined = Đã ghi nhận: { $name } chưa được xác nhận thuộc { $unit }. Quyền vẫn tạm dừng; đồng chí ấy đã được báo để liên hệ bộ phận dân vận.
rebind-cadre-confirmed = Bộ phận dân vận đã xác nhận đơn vị mới của đồng chí: { $unit }. Đồng chí có thể tiếp tục đăng ký và theo dõi hồ sơ.
rebind-cadre-declined = Bộ phận dân vận chưa xác nhận đơn vị { $unit } cho đồng chí. Đồng chí vui lòng liên hệ bộ phận dân vận phường để được hỗ trợ.
rebind-not-allowed = Đồng chí không có quyền xác nhận đơn vị này. Việc xác nhận thuộc cán bộ tiếp nhận hoặc quản trị của đơn vị đó.
rebind-nothing-pending = Việc xác nhận này đã được xử lý hoặc không còn chờ.
reg-correction-applied = Đã sửa bước { $n } ({ $label }) theo tin nhắn đồng chí vừa chỉnh.
reg-correction-invalid = Câu trả lời bước { $n } vẫn giữ như cũ.
# A deadline question tacked onto a registration ("…, hạn chót khi nào?"), answered as the flow starts.
reg-deadline-open = Hạn đăng ký năm { $year } ({ $office }): đến hết ngày { $until }, { $days ->
        [0] hôm nay là ngày cuối.
       *[other] còn { $days } ngày.
    }
reg-deadline-before = Đăng ký năm { $year } ({ $office }) mở từ ngày { $from } đến hết ngày { $until }.
reg-deadline-closed = Hạn đăng ký năm { $year } ({ $office }) đã hết ngày { $until }; hồ sơ gửi bây giờ vẫn được nhận nhưng ghi là đăng ký bổ sung.
reg-deadline-not-configured = Lịch đăng ký năm { $year } chưa được cấu hình trên hệ thống; đồng chí hỏi bộ phận tiếp nhận để biết hạn chính xác.
reg-deadline-demo = (Lịch mẫu để thử, chưa phải lịch chính thức.)
