echo x | { read -p 'prompt> ' v; echo "[$v]"; }
