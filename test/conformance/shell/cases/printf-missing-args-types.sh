printf '[%d][%s][%c][%f][%b][%x]\n'
