# Without the time of import (the clock's, not SOURCE_DATE_EPOCH's).
jarva batches --format csv | cut -d, -f1-6,8-
jarva --format json batches | sed 's/"imported": "[^"]*"/"imported": "T"/'
