x=abc123def
echo ${x%%[0-9]*} ${x##*[0-9]} ${x#[!a]} ${x#[a-c]} ${x%[[:alpha:]]}
