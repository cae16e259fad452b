while read -r l; do echo "[$l]"; done <<-EOF
	tab1
		tab2
	  mixed
	EOF
echo done
