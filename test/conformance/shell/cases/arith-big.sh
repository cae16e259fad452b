echo $((4294967296 * 4294967296)) $((2147483647 + 1)) $((-2147483648 - 1))
echo $(( 0x7fffffffffffffff )) $(( 0xffffffffffffffff ))
