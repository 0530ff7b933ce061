# Staff exports and statistics by chat (issue 15).
staff-reports-not-allowed = Xuất danh sách và thống kê dành cho bộ phận tiếp nhận, người công nhận và quản trị. Tài khoản của đồng chí chưa có quyền này; cần quyền, xin liên hệ bộ phận dân vận của phường.
staff-export-what-registrations = danh sách hồ sơ đăng ký
staff-export-what-recognitions = danh sách công nhận
staff-export-what-reports = danh sách báo cáo
staff-export-what-statistics = bảng thống kê
staff-export-ready = Đã xuất { $what } của { $unit } năm { $year } ra tệp { $format } ({ $rows } dòng).
staff-file-link = Tải tệp tại (dùng được một lần, trong 24 giờ): { $link }
staff-stats =
    Thống kê { $unit } năm { $year }:
    • Hồ sơ đăng ký: { $total }
    • Theo trạng thái: { $byStatus }
    • Theo loại: { $byCategory }
    • Theo lĩnh vực: { $byField }
    • Theo cấp công nhận: { $byTier }
    • Công nhận trong năm: { $recognitions }
    • Báo cáo: { $due } đến hạn, đã nộp { $filedOfDue }; tổng đã nộp { $filed } (nộp muộn { $late })
    • Người nhận tin theo kênh: { $subscribers }
