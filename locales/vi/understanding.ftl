# Replies added for issue 16 (understanding, round two).
res-date-meaning-unknown = Tôi chưa có thông tin về ý nghĩa của ngày { $date } trong dữ liệu. Bạn có thể hỏi về ngày 15/10 — Ngày truyền thống công tác Dân vận.
