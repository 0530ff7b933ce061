# First contact: /start and deep links, language, groups, locations, attachments.

fc-start-ward = You are looking at { $unit }. Would you like its festival and recognition notices?
fc-start-ward-unknown = This link points to a ward I cannot find. Please type the ward's name.
fc-btn-subscribe-ward = Notices of { $unit }
fc-btn-events-ward = Festivals in { $unit }
fc-unknown-command = I have no command { $command }. Commands: /start (begin), /help (help), /language (change language), /stop (stop notices).
fc-language-ask = Which language should I answer in?
fc-language-vi = Tiếng Việt
fc-language-en = English
fc-language-set = From now on I answer in English. To change, type /language or "tiếng Việt".
fc-location = Thank you for the location. I have no map of ward boundaries yet, so I cannot tell which ward it is in. Please type the ward's name (e.g. "phường Cửa Nam").
fc-contact = I do not keep phone numbers or contact cards. Please type your question.
fc-group-private = This involves personal details, so I do not answer it in the group. Please message me privately (tap my name → Message).
fc-edited-ignored = I see you edited a message. If you need a new answer, please send a new message.
fc-stale-summary = "{ $title }" was already sent, code { $code } – status: { $status }. Type { $code } for the details.
fc-stale-summary-none = This button belongs to a registration that is no longer open. To register a new one, type "register a model".
res-events-none-on-day = { $unit } has no { $type } { $period }.
res-events-nearby-header = Coming up in { $unit }:
fc-command-start = Start and see what I can do
fc-command-help = Help
fc-command-language = Change language (Tiếng Việt / English)
fc-command-stop = Stop notices
fc-attachment-not-stored = I can see your file, but photos and files cannot be stored through the chat yet. Please type the content (a photo with a caption works: I read the caption); send photos and plans to the receiving office directly.
fc-group-answered-private = This is personal: I have answered you in a private message.
fc-group-open-private = This is personal, so I will not answer it in the group. Please open { $link }, tap Start and write to me there.
