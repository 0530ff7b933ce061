# Ảnh và tệp gửi kèm hồ sơ, bổ sung hồ sơ và báo cáo (docs/attachments.md).

att-limits = Nhận ảnh jpg, png, webp và tệp pdf, docx, xlsx; mỗi tệp tối đa { $mb } MB, tối đa { $max } tệp mỗi hồ sơ.
att-received = Đã nhận { $count } tệp: { $names }. Hồ sơ hiện có { $total } tệp đính kèm.
att-rejected-type = Không nhận «{ $name }»: không phải ảnh jpg/png/webp hay tệp pdf/docx/xlsx.
att-rejected-size = Không nhận «{ $name }»: tệp lớn hơn { $mb } MB.
att-rejected-count = Không nhận «{ $name }»: mỗi hồ sơ tối đa { $max } tệp.
att-fetch-failed = Xin lỗi, tôi chưa tải được tệp đồng chí vừa gửi (kết nối tới nền tảng bị lỗi). Đồng chí gửi lại giúp tôi; các thông tin đã nhập vẫn được giữ nguyên.
att-unavailable = Kênh này chưa nhận được ảnh hay tệp. Đồng chí gõ nội dung bằng chữ; ảnh và kế hoạch xin gửi trực tiếp cho bộ phận tiếp nhận.
att-summary-line = • Tệp đính kèm ({ $count }): { $names }
att-review-line = Tệp đính kèm ({ $count }): { $names }
att-not-here = Tôi nhận ảnh và tệp khi đồng chí đăng ký mô hình, bổ sung hồ sơ hoặc nộp báo cáo. Ở bước này xin gõ câu trả lời bằng chữ (ảnh có chú thích thì tôi đọc phần chú thích).
att-hint-step = Có thể gửi kèm ảnh hoặc tệp ở bất kỳ bước nào: { $limits }
