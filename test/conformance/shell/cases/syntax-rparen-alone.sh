echo start
)
