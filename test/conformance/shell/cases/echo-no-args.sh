echo
echo ""
echo "" ""
echo -n "" ; echo end
