for i in $(true); do echo never; done; echo "st $?"
for i in "$(true)"; do echo "[$i]"; done
