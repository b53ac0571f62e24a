jarva mapping draft "$DATA/simulerade-personalenkat-2025.csv" --source=jarva-personalenkat -o -
ls
# From standard input: the same draft.
jarva mapping draft - --source jarva-personalenkat <"$DATA/simulerade-personalenkat-2025.csv" >stdin.csv
jarva mapping draft "$DATA/simulerade-personalenkat-2025.csv" --source jarva-personalenkat >file.csv
cmp stdin.csv file.csv && echo "same draft from stdin"
