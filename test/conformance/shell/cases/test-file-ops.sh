: > a; echo x > b
[ a -ef a ]; echo $?
[ a -ef b ]; echo $?
[ a -nt nosuch ]; echo $?
[ nosuch -ot a ]; echo $?
