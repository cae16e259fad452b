while read -r l; do echo "[$l]"; done <<-'E'
		  keep $x
	E
