printf '10\n9\n-3\n2.5\n\nabc\n-0\n0\n 7\n+3\n1e2\n.5\n-.5\n007\n' > n
sort -n n
sort -rn n
sort -nu n
sort -g n
printf 'nan\nx\n-inf\ninf\n1e2\n0x10\n-NAN\n 5\n' | sort -g
printf '1K\n0K\nK\n2\n-1K\n1M\n0.5M\n-0K\n1.5\n1k\n.5K\n2G\n' | sort -h
printf 'feb\nJan\nxyz\n  mar\nDECEMBER\nmay\n' | sort -M
printf 'a-1.10\na-1.2\na-1.2a\n.hidden\na\n~\nfoo.tar.gz\nfoo-1.0.tar.gz\nfoo-1.0~rc1.tar.gz\n1.01\n1.1\n' | sort -V
printf '12345678901234567890\n12345678901234567891\n-99999999999999999999.5\n1.0000000000000000001\n1\n' | sort -n
printf 'dict: a-b\ndict: ab\ndict: a_c\n' | sort -d
printf 'a\001c\nab\n' | sort -i | od -c
printf '3\n1\n2\n3\n1\n' | sort --sort=numeric -u
