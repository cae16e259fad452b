printf 'café\nCAFÉ\nnaïve\n' > u
export LANG=C.UTF-8
sed 's/é/e/' u
sed 's/./X/g' u
sed -n '/É/Ip' u
sed 's/.*/\U&/' u
sed 's/\w\+/[&]/' u
sed 'y/éï/ei/' u
sed -n l u
printf 'caf\351\n' | sed 's/f./X/'
printf 'caf\351\n' | sed -n l
LANG=C sed 's/./X/g' u
LANG=C sed 's/.*/\U&/' u
