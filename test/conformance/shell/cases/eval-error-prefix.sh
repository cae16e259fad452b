eval 'echo ${x?}'
