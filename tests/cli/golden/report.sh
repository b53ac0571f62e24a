# The PDF on standard output is the file -o writes, byte for byte; no file
# named '-' appears.
jarva report --year=2025 -o - >stdout.pdf
echo "exit $?"
jarva report --year 2025 --output=file.pdf --quiet
head -c 8 stdout.pdf | od -c | head -1
cmp stdout.pdf file.pdf && echo "same bytes"
ls
