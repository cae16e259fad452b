echo before
shift() { :; }
