if true; then
	while read -r l; do echo "[$l]"; done <<-END
		indented
	END
fi
