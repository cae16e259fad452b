export A=1 B
export -p
export
