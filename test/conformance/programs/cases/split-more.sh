seq 1 12 > f
split --numeric-suffixes=5 -l 4 f n
ls n*
split --hex-suffixes=9 -l 2 f h
ls h*
rm -f n* h*
split -d -a 3 -l 5 f num
ls num*
split --verbose -b 10 f v; echo "status $?"
ls v*
split -l 5 -d --additional-suffix=.part f p
ls p*
split -n r/3 -e /dev/null e; ls e* 2>/dev/null | wc -l
split -n 3 /dev/null z; ls z*; wc -c z*
split -b 1K f k; ls k*
split -b 2KB f K; ls K*
split -C 3 f C; head -n 3 Caa Cab
split -t , -l 2 /dev/null t; echo "status $?"
printf 'a,b,c,d,e' > csv
split -t , -l 2 csv comma; cat commaaa; echo; cat commaab; echo; cat commaac; echo
split -t ab csv; echo "status $?"
split -e -n 20 csv E; ls E* | wc -l
seq 1 3 > three
split -n l/5 three L; wc -c L*
split -n l/1/2 three
split -n r/1/2 three
split -n 2/2 three
