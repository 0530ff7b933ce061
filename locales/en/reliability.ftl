# Reliability: the reply when a conversation turn cannot be processed because of its data (issue 12).

turn-failed-apology = Sorry, I could not process your last message. Please try again, or type "help" to see what I can do.
