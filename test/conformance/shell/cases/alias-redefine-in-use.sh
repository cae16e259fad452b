alias r='alias r="echo second"; echo first'
r
r
