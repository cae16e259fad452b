echo $(echo `echo inner`) "`echo $(echo mixed)`" 
