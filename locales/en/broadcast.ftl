## Staff broadcasts (issue 11): what residents receive and what the composer is told.

broadcast-footer-stop = — Reply "hủy nhận tin" (stop) to stop these notices.
broadcast-finished = The announcement has gone out: { $sent } received, { $skipped } skipped, { $failed } failed.
