unset IFS PS1 PS2 PS4 PATH HOME LANG PPID PWD
x='a b' y="it's" z= w="'" v="a''b"
set
