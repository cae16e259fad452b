trap 'echo x' 34 40 64
trap
