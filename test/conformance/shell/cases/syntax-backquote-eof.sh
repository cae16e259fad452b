echo `abc
