unset IFS PS1 PS2 PS4 PATH HOME LANG OPTIND PPID PWD
x='a b' y="it's" z=
set
