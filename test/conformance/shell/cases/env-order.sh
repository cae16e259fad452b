export Z=1 PS1 zz=3 M=4
env
