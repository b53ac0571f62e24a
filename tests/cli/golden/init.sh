# init writes nothing on stdout; a second init of the same catalogue neither.
"$JARVA" --db new.db init
"$JARVA" --db new.db --quiet init
echo "exit $?"
