f() {
  echo in
  nosuch
}
f
