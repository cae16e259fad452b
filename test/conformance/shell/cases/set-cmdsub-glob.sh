: > g1; : > g2
set -- $(echo 'g*'); echo $#
set -- "$(echo 'g*')"; echo $# "$1" 
