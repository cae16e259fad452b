awk 'BEGIN { printf "%5.2f|%-5d|%e|%g|%G|%E|%x|%o|%c|%s|%%\n", 3.14159, 42, 1234.5, 0.0001234, 1e-10, 5, 255, 8, 65, "str" }'
awk 'BEGIN { printf "%.0f %.0f %.0f %.2f %.3e\n", 0.5, 1.5, 2.5, 0.125, 1.0005e10 }'
awk 'BEGIN { printf "%g %g %g %g %#g %g\n", 100000, 1000000, 0.0001, 0.00001, 1.5, 123456789 }'
awk 'BEGIN { printf "%+d % d %05d %-05d| %#o %#x %.3d %+.2e\n", 5, 5, 5, 5, 8, 255, 7, 12345 }'
awk 'BEGIN { printf "%d %d %i\n", 2147483648, -2147483649, 3.9; printf "%x %o %u %X\n", -1, 8, -1, 255 }'
awk 'BEGIN { printf "%*d|%-*d|%.*f\n", 5, 42, 4, 7, 2, 3.14159 }'
awk 'BEGIN { printf "[%10.4s][%-10.2e][%+5d][%05.1f][% d]\n", "abcdefg", 12345.6789, 42, 3.14159, 7 }'
awk 'BEGIN { printf "%s %d %c%c\n", "abc", "12abc", "XYZ", 256 + 66 }'
awk 'BEGIN { printf "%.0e %.10g %g %g %g\n", 12345, 1/3, 1e100, 1e-100, 123456.5 }'
awk 'BEGIN { printf "%5.3d|%-8.3x|%.0d|\n", 7, 255, 0 }'
awk 'BEGIN { s = sprintf("%s-%03d", "id", 7); print s, length(s) }'
awk 'BEGIN { printf "%d %d\n", 5 }'
echo status $?
awk 'BEGIN { printf "ab%z", 1 }'
echo status $?
awk 'BEGIN { printf }'
echo status $?
printf 'apple 1.5\nbanana 12.25\n' | awk '{ printf "%-10s %8.2f\n", $1, $2 }'
