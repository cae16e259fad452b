echo $ $. $/ "$" a$ $% $+ $=
echo "${x-$}" 
