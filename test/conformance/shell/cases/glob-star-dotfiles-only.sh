: > .only
echo *
echo .[!.]*
