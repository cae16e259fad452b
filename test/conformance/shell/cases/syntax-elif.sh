if false; then echo; elif; then echo; fi
