if
  true
then
  echo yes
else
  echo no
fi
if true
then echo two; fi
