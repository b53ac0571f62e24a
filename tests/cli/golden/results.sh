jarva results --year=2025 --indicator safe-evening-survey
jarva results --year 2025 --indicator=safe-evening-survey --format=csv
jarva results --indicator proposals-feedback --format json
jarva results --indicator worried-crime-survey --year 2023 --domains --format csv
