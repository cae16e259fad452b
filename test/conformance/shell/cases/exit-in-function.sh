f() { exit 8; }; f; echo never
