f() {
  while read l; do echo "f:$l"; done <<END
body $1
END
}
f arg
f again
