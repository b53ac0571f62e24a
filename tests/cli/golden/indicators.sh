# Shares in percent in the table, as proportions 0-1 in csv and json.
jarva indicators
jarva indicators --goal=g2 --format csv
jarva --format json indicators --goal g2
