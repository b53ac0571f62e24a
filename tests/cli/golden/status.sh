jarva status
jarva status --format=csv
jarva --format json status --year 2023
jarva status --areas --format csv
