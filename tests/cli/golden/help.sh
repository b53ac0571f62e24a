# jarva --help and every command's --help: the usage lines, options and
# texts that the option tables give.
jarva --help
for cmd in $(jarva --help | sed -n '/^Commands:/,/^$/s/^  \([a-z][a-z-]*\) .*/\1/p'); do
    echo "== $cmd"
    jarva "$cmd" --help
done
