trap 'echo a' INT HUP
trap 2
trap
