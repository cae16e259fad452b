alias now='echo now'; now
now
