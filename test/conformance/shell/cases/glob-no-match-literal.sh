echo no*match no?match [nomatch] 'x'*
set -- *.c; echo $# "$1" 
