# Standard input: '-' or /dev/stdin, redirected from a file or through a
# pipe (saved to a private file first). The summary is on stderr: shown here.
f=$DATA/simulerade-trygghetsenkat-2025.csv
jarva import survey --dry-run - <"$f" 2>&1
echo "exit $?"
cat "$f" | jarva import survey --dry-run /dev/stdin 2>&1
echo "exit $?"
cat "$f" | jarva import survey --quiet - 2>&1
echo "exit $?"
ls
