# Độ tin cậy: câu trả lời khi một lượt hội thoại không xử lý được vì dữ liệu (issue 12).

turn-failed-apology = Xin lỗi, tôi chưa xử lý được tin nhắn vừa rồi. Bạn vui lòng thử lại, hoặc gõ "trợ giúp" để xem tôi có thể giúp gì.
