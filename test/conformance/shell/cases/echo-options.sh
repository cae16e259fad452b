echo -n a; echo -nn b; echo -e c; echo -- d; echo -n; echo x
echo -n -n y; echo
echo -E z
