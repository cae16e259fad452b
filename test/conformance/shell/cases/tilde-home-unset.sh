unset HOME
echo ~ ~/x
HOME=/other; echo ~ ~/y
