echo x | exit 3; echo "st $?"
exit 4 | exit 5; echo "st $?" 
