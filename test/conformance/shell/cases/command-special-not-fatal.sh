command shift 5; echo "status $?"
echo continues
