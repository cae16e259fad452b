printf '[%-6b][%6b]\n' 'a\tb' 'x'
printf '%b\n' '\0101' '\101' '\1' '\018' 'a\\b' '\x'
printf '%b' 'no\nnewline\c'; echo '<'
