trap 'echo x' 1 sigint SIGTERM usr1
trap
