echo ~ ~/x "~" '~' \~ ~root ~root/d
echo a~ x=~ ~:
