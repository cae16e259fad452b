case foo
in
  foo)
    echo one
    echo two
    ;;
  *)
    echo no
esac
