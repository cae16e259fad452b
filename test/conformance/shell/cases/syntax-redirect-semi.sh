echo > ; echo
