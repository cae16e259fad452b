: > f
echo ./* ./f* ././f
echo /roo? /r*t
echo *//
