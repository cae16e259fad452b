fact() { if [ $1 -le 1 ]; then echo 1; else echo $(( $1 * $(fact $(($1-1))) )); fi; }
fact 6
count() { [ $1 -gt 0 ] && { echo $1; count $(($1-1)); }; }
count 3
