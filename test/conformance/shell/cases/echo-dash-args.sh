echo - -- -n- -nx -
