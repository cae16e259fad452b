mkdir d
touch -d @1000000000 d/old
mkdir d/sub
touch d/sub/new
find d -type f -mtime +5000
find d -type f -mtime -1
find d -mmin -10 -type f
find d -mmin +60 -type f
find d -newer d/old -type f
find d -type f -not -newer d/old
touch -d @1000000100 d/old2
find d -newer d/old -name 'old*'
find d -name old -printf '%t|%T@|%TY-%Tm-%Td|%TT|%TH:%TM|%Ta %Tb %Te|%TF %TD|%A@|%C@\n' | sed 's/|[0-9]*\.[0-9]*|[0-9]*\.[0-9]*$//'
