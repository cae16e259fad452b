echo $(echo $(echo $(echo deep)))
echo `echo \`echo old\``
echo "$(echo "$(echo "q  q")")" 
