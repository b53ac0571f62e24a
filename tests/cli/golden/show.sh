jarva show safe-evening-survey
jarva show --format=json safe-evening-survey
jarva show g1 --format csv
jarva show --format json -- common-material
