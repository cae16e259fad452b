echo 'echo inner; x=1' > in.sh
echo '. ./in.sh; echo outer $x' > out.sh
. ./out.sh
