printf '%s\n' a\ b a\\b a\'b a\"b \$x a\
b
echo \* \? \[ \~
