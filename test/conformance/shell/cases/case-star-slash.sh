case a/b/c in a*c) echo slash-ok;; esac
case .hidden in *) echo dot-ok;; esac
case '' in *) echo empty-star;; esac
