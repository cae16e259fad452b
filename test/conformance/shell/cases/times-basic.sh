times
