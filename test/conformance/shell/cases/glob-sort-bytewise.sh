for f in b B a A z Z _u 1 '~x' .d; do : > "$f"; done
echo *
