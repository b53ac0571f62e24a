# A dry run from standard input: nothing on stdout; the summary on stderr.
jarva import survey --dry-run - <"$DATA/simulerade-trygghetsenkat-2025.csv"
echo "exit $?"
jarva import survey --dry-run --quiet /dev/stdin <"$DATA/simulerade-trygghetsenkat-2025.csv"
echo "exit $?"
