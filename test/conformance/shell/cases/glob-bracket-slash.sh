: > ab
echo a[/]b a[b]
echo [a]*
