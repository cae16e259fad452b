readonly v
echo x | { read v; echo "st $?"; }
echo after
