printf 'a\tb\nc\\d\'e\"f\101\7g\z\n'
