# Lời chào, menu trợ giúp và câu trả lời chung. Tiếng Việt là bản gốc.

greeting-resident = Xin chào! Tôi là trợ lý "Dân vận khéo" của phường. Tôi có thể giúp bạn:
greeting-cadre = Chào đồng chí! Tôi là trợ lý "Dân vận khéo". Đồng chí có thể:
greeting-staff = Chào đồng chí! Tôi là trợ lý "Dân vận khéo". Đồng chí có thể:
help-intro = Bạn có thể nhắn tự nhiên, có dấu hay không dấu đều được. Chọn một mục:
menu-events = Lịch ngày hội, hội thi
menu-subscribe = Nhận thông báo của phường
menu-models = Mô hình được công nhận
menu-register = Đăng ký mô hình
menu-status = Tra cứu hồ sơ
menu-report = Nộp báo cáo
menu-review = Hồ sơ chờ xử lý
menu-broadcast = Soạn thông báo
menu-reminder = Tạo lịch nhắc
menu-human = Gặp cán bộ
menu-chosen = Bạn đã chọn: { $label }.
feature-not-ready = Chức năng "{ $label }" đang được hoàn thiện. Tôi sẽ báo khi sẵn sàng.
fallback = Xin lỗi, tôi chưa hiểu ý bạn. Gõ "trợ giúp" để xem những việc tôi làm được.
unsupported-input = Xin lỗi, tôi chỉ đọc được tin nhắn chữ. Bạn gõ giúp nội dung nhé.
thanks-reply = Cảm ơn bạn! Khi cần, cứ nhắn cho tôi.
follow-welcome = Cảm ơn bạn đã quan tâm! Gõ "trợ giúp" để xem tôi có thể giúp gì.
error-generic = Xin lỗi, hệ thống đang bận. Bạn vui lòng thử lại sau ít phút.
