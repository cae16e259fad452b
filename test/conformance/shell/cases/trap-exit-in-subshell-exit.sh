(trap 'echo sub-exit $?' EXIT; exit 5); echo "st $?" 
