# Photos and files sent with a registration, a revision or a report (docs/attachments.md).

att-limits = Photos as jpg, png or webp and files as pdf, docx or xlsx; at most { $mb } MB each and { $max } files per record.
att-received = Received { $count } file(s): { $names }. The record now has { $total } attachment(s).
att-rejected-type = Not accepted: «{ $name }» is not a jpg/png/webp photo or a pdf/docx/xlsx file.
att-rejected-size = Not accepted: «{ $name }» is larger than { $mb } MB.
att-rejected-count = Not accepted: «{ $name }», a record takes at most { $max } files.
att-fetch-failed = Sorry, I could not download the file you just sent (the platform did not answer). Please send it again; everything you entered is kept.
att-unavailable = This channel cannot receive photos or files yet. Please type the content; send photos and plans to the receiving office directly.
att-summary-line = • Attachments ({ $count }): { $names }
att-review-line = Attachments ({ $count }): { $names }
att-not-here = I take photos and files while you register a model, revise a registration or file a report. At this step please type your answer (for a photo with a caption I read the caption).
att-hint-step = You can attach photos or files at any step: { $limits }
