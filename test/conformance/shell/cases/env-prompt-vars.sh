echo "[$PS1][$PS2][$PS4]"
sh -c 'echo "[$PS2][$PS4]"'
export PS2=x PS4=y
sh -c 'echo "[$PS2][$PS4]"'
