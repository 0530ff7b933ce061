# Exports and statistics (issue 15): sheet names, column headers, words for codes.

export-sheet-registrations = Đăng ký
export-sheet-recognitions = Công nhận
export-sheet-reports = Báo cáo
export-sheet-statistics = Thống kê

export-col-code = Mã hồ sơ
export-col-year = Năm
export-col-category = Loại
export-col-title = Tên mô hình / điển hình
export-col-subject-type = Chủ thể
export-col-person = Cá nhân
export-col-field = Lĩnh vực
export-col-unit = Đơn vị
export-col-unit-as-of-record = Đơn vị (tại thời điểm)
export-col-unit-today = Đơn vị hiện nay
export-col-status = Trạng thái
export-col-late = Nộp muộn
export-col-start-date = Ngày bắt đầu
export-col-submitted-at = Ngày gửi
export-col-updated-at = Cập nhật lần cuối
export-col-tier = Cấp công nhận
export-col-issuer = Cơ quan công nhận
export-col-decision-no = Số quyết định
export-col-decision-date = Ngày quyết định
export-col-report-kind = Loại báo cáo
export-col-period = Kỳ
export-col-due-date = Hạn nộp
export-col-results = Kết quả
export-col-stat-group = Nhóm
export-col-stat-item = Mục
export-col-count = Số lượng

export-yes = Có
export-no = Không
export-not-given = Chưa ghi
export-subject-tap_the = Tập thể
export-subject-ca_nhan = Cá nhân
export-recognition-status-nominated = Đã đề nghị
export-recognition-status-approved = Đã công nhận
export-recognition-status-declined = Không công nhận
export-recognition-status-revoked = Đã thu hồi
export-channel-telegram = Telegram
export-channel-zalo-bot = Zalo Bot
export-channel-zalo-oa = Zalo OA
export-channel-console = Bảng điều khiển

export-stat-group-registrations = Hồ sơ đăng ký
export-stat-group-status = Theo trạng thái
export-stat-group-category = Theo loại
export-stat-group-field = Theo lĩnh vực
export-stat-group-tier = Theo cấp công nhận
export-stat-group-recognitions = Công nhận
export-stat-group-reports = Báo cáo
export-stat-group-subscribers = Người nhận tin theo kênh
export-stat-total = Tổng số
export-stat-reports-due = Đến hạn
export-stat-reports-filed-of-due = Đã nộp (trong số đến hạn)
export-stat-reports-filed = Đã nộp (tất cả)
export-stat-reports-late = Nộp muộn

## Statistics chart
stats-chart-title = Thống kê { $unit } năm { $year }
stats-chart-by-status = Hồ sơ theo trạng thái
stats-chart-by-field = Hồ sơ theo lĩnh vực
stats-chart-by-tier = Công nhận theo cấp
stats-chart-reports = Báo cáo
stats-chart-reports-due = Đến hạn
stats-chart-reports-filed = Đã nộp
stats-chart-subscribers = Người nhận tin theo kênh
stats-chart-empty = Chưa có số liệu.
export-col-attachments = Tệp đính kèm
