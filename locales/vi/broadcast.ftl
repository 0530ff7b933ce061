## Staff broadcasts (issue 11): what residents receive and what the composer is told.

broadcast-footer-stop = — Trả lời "hủy nhận tin" để dừng nhận thông báo.
broadcast-finished = Đã gửi xong thông báo: { $sent } người đã nhận, { $skipped } bỏ qua, { $failed } lỗi.
