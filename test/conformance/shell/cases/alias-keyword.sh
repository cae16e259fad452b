alias cond='if true; then'
cond echo inside; fi
