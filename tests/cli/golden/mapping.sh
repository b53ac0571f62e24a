jarva mapping draft "$DATA/simulerade-personalenkat-2025.csv" --source=jarva-personalenkat -o -
ls
