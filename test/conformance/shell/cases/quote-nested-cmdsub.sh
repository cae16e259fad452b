printf '%s\n' "$(echo "inner  'q'  $(echo "deep  x")")"
printf '%s\n' "`echo \"bq  x\"`\"
