# Greetings, help menu and general replies. Vietnamese is the reference copy.

greeting-resident = Hello! I am the ward's "Dân vận khéo" assistant. I can help you with:
greeting-cadre = Hello, comrade! I am the "Dân vận khéo" assistant. You can:
greeting-staff = Hello, comrade! I am the "Dân vận khéo" assistant. You can:
help-intro = Write naturally, with or without diacritics. Pick an item:
menu-events = Festival and contest dates
menu-subscribe = Get the ward's notices
menu-models = Recognised models
menu-register = Register a model
menu-status = Check a registration
menu-report = Submit a report
menu-review = Registrations awaiting review
menu-broadcast = Write an announcement
menu-reminder = Set up reminders
menu-human = Talk to a person
menu-chosen = You chose: { $label }.
feature-not-ready = "{ $label }" is not ready yet. I will tell you when it is.
fallback = Sorry, I did not understand. Type "help" to see what I can do.
unsupported-input = Sorry, I can only read text messages. Please type what you need.
thanks-reply = Thank you! Message me any time.
follow-welcome = Thanks for following! Type "help" to see what I can do.
error-generic = Sorry, the system is busy. Please try again in a few minutes.
