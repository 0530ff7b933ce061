# Lần đầu trò chuyện: /start và liên kết sâu, ngôn ngữ, nhóm, vị trí, tệp đính kèm.

fc-start-ward = Bạn đang xem { $unit }. Bạn muốn nhận thông báo ngày hội, khen thưởng của phường không?
fc-start-ward-unknown = Đường dẫn này chỉ tới một phường tôi không tìm thấy. Bạn gõ tên phường giúp tôi nhé.
fc-btn-subscribe-ward = Nhận thông báo của { $unit }
fc-btn-events-ward = Lịch ngày hội của { $unit }
fc-unknown-command = Tôi chưa có lệnh { $command }. Các lệnh: /start (bắt đầu), /help (trợ giúp), /language (đổi ngôn ngữ), /stop (ngừng nhận thông báo).
fc-language-ask = Bạn muốn tôi trả lời bằng ngôn ngữ nào?
fc-language-vi = Tiếng Việt
fc-language-en = English
fc-language-set = Từ giờ tôi trả lời bằng tiếng Việt. Muốn đổi, gõ /language hoặc "English".
fc-location = Cảm ơn bạn đã gửi vị trí. Hiện tôi chưa có bản đồ ranh giới các phường nên chưa biết vị trí này thuộc phường nào. Bạn gõ tên phường (ví dụ "phường Cửa Nam") giúp tôi nhé.
fc-contact = Tôi không lưu số điện thoại hay danh thiếp. Bạn cần hỏi gì, cứ gõ chữ cho tôi nhé.
fc-group-private = Việc này có thông tin riêng nên tôi không trả lời trong nhóm. Mời bạn nhắn riêng cho tôi (bấm vào tên tôi → Nhắn tin).
fc-edited-ignored = Tôi thấy bạn vừa sửa tin nhắn. Nếu cần tôi trả lời lại, bạn gửi tin mới nhé.
fc-stale-summary = Hồ sơ "{ $title }" đã gửi rồi, mã { $code } – trạng thái: { $status }. Gõ mã { $code } để xem chi tiết.
fc-stale-summary-none = Nút này thuộc một bản đăng ký đã kết thúc. Muốn đăng ký mới, bạn gõ "đăng ký mô hình".
res-events-none-on-day = { $unit } không có { $type } nào { $period }.
res-events-nearby-header = Sắp tới ở { $unit } có:
fc-command-start = Bắt đầu, xem các việc tôi làm được
fc-command-help = Trợ giúp
fc-command-language = Đổi ngôn ngữ (Tiếng Việt / English)
fc-command-stop = Ngừng nhận thông báo
fc-attachment-not-stored = Tôi đã thấy tệp bạn gửi, nhưng hiện chưa lưu được ảnh hay tệp qua trò chuyện. Bạn gõ nội dung bằng chữ giúp tôi (có thể gửi ảnh kèm chú thích, tôi đọc phần chú thích); ảnh và kế hoạch xin gửi trực tiếp cho bộ phận tiếp nhận.
fc-group-answered-private = Việc này có thông tin riêng: tôi đã trả lời bạn trong tin nhắn riêng.
fc-group-open-private = Việc này có thông tin riêng nên tôi không trả lời trong nhóm. Mời bạn mở { $link } và bấm Bắt đầu (Start), rồi nhắn lại cho tôi ở đó.
