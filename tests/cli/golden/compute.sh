# compute prints nothing on stdout (the summary is on stderr).
cp "$DB" c.db
"$JARVA" --db c.db --quiet compute --level=0.9 --method logit --lonely-psu=fail
echo "exit $?"
