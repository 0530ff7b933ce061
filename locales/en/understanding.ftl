# Replies added for issue 16 (understanding, round two).
res-date-meaning-unknown = I have no information about what { $date } means in my data. You can ask about 15 October, the Mass Mobilisation Tradition Day.
