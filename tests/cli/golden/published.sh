jarva results --indicator safe-evening-police --format json
jarva results --indicator safe-evening-police
jarva trend safe-evening-survey --area Hjulsta
jarva results --indicator staff-safe-report --year 2021 --domains
