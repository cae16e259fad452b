break; echo $?
continue; echo $?
echo end
